package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The outcome of {@link ClassicRunner}: the last state reached, the number of executed
 * instructions (input and output included), whether the machine is halted there, and (for a
 * traced run) every state and step on the way.
 *
 * @param finalState the state after {@code steps} steps
 * @param steps executed instructions; the halting check itself is no step
 * @param halted true when {@code finalState} is halted
 * @param trace present for a traced run
 */
public record ClassicRun(ClassicState finalState, long steps, boolean halted,
    Optional<Trace> trace) {

  public ClassicRun {
    checkNotNull(finalState, "finalState");
    checkArgument(steps >= 0, "steps %s < 0", steps);
    checkNotNull(trace, "trace");
  }

  /**
   * The states and steps of a run: {@code states().get(0)} is the initial state, and step i
   * (described by {@code details().get(i)}) leads from state i to state i + 1.
   */
  public record Trace(ImmutableList<ClassicState> states,
      ImmutableList<ClassicStepDetail> details) {
    public Trace {
      checkArgument(states.size() == details.size() + 1, "%s states for %s steps",
          states.size(), details.size());
    }
  }
}
