package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * A stage input on which a stage's network and its lemma disagree, for either machine: the
 * stage, the role {@code R} whose lemma fails, the output direction, the value the network
 * computes and the one the lemma requires, and the value of every register at the stage's input
 * ({@code shown}: the registers the one-line summary names, {@code note}: what it says of the
 * rest). When a whole pass reaches this stage input, {@code reference} holds what running it
 * beside the reference machine gave ({@code W}).
 */
public record Counterexample<R, W extends Refutation>(String stage, R role, String direction,
    long got, long expected, ImmutableMap<String, Long> stageInput, ImmutableList<String> shown,
    String note, Optional<W> reference) implements Refutation {
  public Counterexample {
    checkNotNull(stage, "stage");
    checkNotNull(role, "role");
    checkNotNull(direction, "direction");
    checkNotNull(stageInput, "stageInput");
    checkNotNull(shown, "shown");
    checkNotNull(note, "note");
    checkNotNull(reference, "reference");
  }

  /**
   * A paper-machine pass that exhibits the counterexample: {@code stageLemmaFails} when the
   * construction's own stage lemma (stated with the reference step) fails on this step, {@code
   * passDiffers} when the network's pass output differs from the reference machine's step.
   */
  public record ReferenceCheck(Program program, MachineState before, MachineState referenceAfter,
      String networkAfter, boolean stageLemmaFails, boolean passDiffers) implements Refutation {
    @Override
    public String summary() {
      return "pc " + before.pc() + " instruction " + program.at(before.pc()) + ", memory "
          + java.util.Arrays.toString(before.memory()) + ": reference gives " + referenceAfter
          + ", network gives " + networkAfter;
    }
  }

  /**
   * A classic-machine pass from the counterexample's memory, pc and input port through the whole
   * network, beside the reference machine's step, in words.
   */
  public record Replay(String summary) implements Refutation {
    public Replay {
      checkNotNull(summary, "summary");
    }
  }

  /** The registers {@code shown} with their values, and the disagreement. */
  @Override
  public String summary() {
    StringBuilder s = new StringBuilder(stage).append(": ").append(direction)
        .append(" is ").append(got).append(", the lemma requires ").append(expected)
        .append(" when");
    shown.forEach(r -> s.append(' ').append(r).append('=').append(stageInput.get(r)));
    s.append(note);
    reference.ifPresent(c -> s.append("; full pass: ").append(c.summary()));
    return s.toString();
  }
}
