package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * A stage input on which a classic stage's network and its lemma disagree: the stage, the output
 * direction, the value the network computes and the one the lemma requires, and the value of
 * every register at the stage's input. {@code replay} is the pass from that input's memory, pc
 * and input port (scratch 0) run through the whole network beside the reference {@code
 * ClassicMachine}: where the two differ, the fault shows in a real step.
 */
public record ClassicCounterexample(String stage, String direction, long got, long expected,
    ImmutableMap<String, Long> stageInput, Optional<String> replay) implements Refutation {
  public ClassicCounterexample {
    checkNotNull(stage, "stage");
    checkNotNull(direction, "direction");
    checkNotNull(stageInput, "stageInput");
    checkNotNull(replay, "replay");
  }

  @Override
  public String summary() {
    StringBuilder s = new StringBuilder(stage).append(": ").append(direction).append(" is ")
        .append(got).append(", the lemma requires ").append(expected).append(" when");
    stageInput.forEach((r, v) -> {
      if (!r.startsWith("mem[") && v != 0) {
        s.append(' ').append(r).append('=').append(v);
      }
    });
    s.append(" (other registers 0 or memory)");
    replay.ifPresent(r -> s.append("; full pass: ").append(r));
    return s.toString();
  }
}
