package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * A stage input on which the stage's network and its lemma disagree: the stage, the output
 * direction, the value the network computes and the one the lemma requires, and the value of
 * every register at the stage's input. When a full machine step reaches this stage input, {@code
 * reference} holds it: the program and state before the pass, the reference machine's state after
 * it, and what the whole network computes.
 */
public record Counterexample(String stage, PaperStage role, String direction, long got,
    long expected, ImmutableMap<String, Long> stageInput, Optional<ReferenceCheck> reference)
    implements Refutation {
  public Counterexample {
    checkNotNull(stage, "stage");
    checkNotNull(role, "role");
    checkNotNull(direction, "direction");
    checkNotNull(stageInput, "stageInput");
    checkNotNull(reference, "reference");
  }

  /**
   * A full pass that exhibits the counterexample: {@code stageLemmaFails} when the construction's
   * own stage lemma (stated with the reference step) fails on this step, {@code passDiffers} when
   * the network's pass output differs from the reference machine's step.
   */
  public record ReferenceCheck(Program program, MachineState before, MachineState referenceAfter,
      String networkAfter, boolean stageLemmaFails, boolean passDiffers) {
    public String summary() {
      return "pc " + before.pc() + " instruction " + program.at(before.pc()) + ", memory "
          + java.util.Arrays.toString(before.memory()) + ": reference gives " + referenceAfter
          + ", network gives " + networkAfter;
    }
  }

  /** The registers the stage reads, with their values, and the disagreement. */
  @Override
  public String summary() {
    StringBuilder s = new StringBuilder(stage).append(": ").append(direction)
        .append(" is ").append(got).append(", the lemma requires ").append(expected)
        .append(" when");
    for (String r : role == PaperStage.WRITE ? new String[] {"rb", "r"}
        : role == PaperStage.BRANCH ? new String[] {"r", "rc", "pc1"}
        : role == PaperStage.SUBTRACT ? new String[] {"va", "vb"}
        : role == PaperStage.READ ? new String[] {"ra", "rb"} : new String[] {"pc"}) {
      s.append(' ').append(r).append('=').append(stageInput.get(r));
    }
    reference.ifPresent(c -> s.append("; full pass: ").append(c.summary()));
    return s.toString();
  }
}
