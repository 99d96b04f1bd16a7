package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The outcome of {@link SubleqRunner}: the last state reached, the number of steps that changed
 * the state, whether that last state is a fixed point, and (for a traced run) every state and
 * step on the way.
 *
 * @param finalState the state after {@code steps} steps
 * @param steps the number of executed steps that changed the state
 * @param halted true when {@code finalState} is a fixed point (one more step leaves it unchanged)
 * @param trace present for a traced run
 */
public record RunResult(MachineState finalState, int steps, boolean halted,
    Optional<Trace> trace) {

  public RunResult {
    checkNotNull(finalState);
    checkArgument(steps >= 0, "steps %s < 0", steps);
    checkNotNull(trace);
    trace.ifPresent(t -> checkArgument(t.details().size() == steps,
        "trace has %s steps, result %s", t.details().size(), steps));
  }

  /**
   * The states and steps of a run: {@code states().get(0)} is the initial state, and step
   * {@code i} (described by {@code details().get(i)}) leads from {@code states().get(i)} to
   * {@code states().get(i + 1)}. The fixed-point step that ends a halted run is not listed.
   */
  public record Trace(ImmutableList<MachineState> states, ImmutableList<StepDetail> details) {
    public Trace {
      checkArgument(states.size() == details.size() + 1, "%s states for %s steps",
          states.size(), details.size());
    }
  }
}
