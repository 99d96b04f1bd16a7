package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.StepDetail;

/**
 * Where a network first disagreed with the reference machine in a run: the pass (0-based), what
 * kind of claim failed, the stage, layer (-1 for the pass input or output) and direction, what
 * was expected and what the network computed, and the reference step being executed.
 *
 * @param kind {@code postcondition}, {@code frame}, {@code invariant}, {@code precondition} (a
 *     stage lemma of the checked mode), {@code decode} (the output is not a state encoding),
 *     {@code program} (the output changed the program) or {@code state} (the decoded next state
 *     differs)
 */
public record Disagreement(int pass, String kind, String stage, int layer, String layerLabel,
    String direction, String expected, String got, MachineState before, StepDetail step) {
  public Disagreement {
    checkNotNull(kind, "kind");
    checkNotNull(stage, "stage");
    checkNotNull(layerLabel, "layerLabel");
    checkNotNull(direction, "direction");
    checkNotNull(expected, "expected");
    checkNotNull(got, "got");
    checkNotNull(before, "before");
    checkNotNull(step, "step");
  }

  /** One line: pass, kind, stage, layer, direction, expected against got. */
  public String summary() {
    return "pass " + pass + ": " + kind + " of stage " + stage + " fails at layer " + layer
        + " (" + layerLabel + "), direction " + direction + ": expected " + expected + ", got "
        + got;
  }

  @Override
  public String toString() {
    return summary();
  }
}
