package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * The decoded run of a looped network: {@code steps} passes changed the state, {@code halted}
 * when the last pass left the state unchanged (a fixed point, not counted as a step); otherwise
 * the step limit was reached after {@code passes} passes.
 *
 * <p>A run keeps either every state ({@link Kept#ALL_STATES}: {@code states.get(t)} is the state
 * after t passes) or only its first and last ({@link Kept#FIRST_AND_LAST}), so that a long run
 * does not hold one state per pass.
 */
public record MlpRun(Program program, ImmutableList<MachineState> kept, int steps,
    boolean halted, int passes) {
  /** Which decoded states a run keeps. */
  public enum Kept {
    ALL_STATES,
    FIRST_AND_LAST
  }

  public MlpRun {
    checkNotNull(program, "program");
    checkNotNull(kept, "kept");
    checkArgument(!kept.isEmpty(), "a run has at least its initial state");
    checkArgument(steps >= 0, "steps must be >= 0, was %s", steps);
    checkArgument(kept.size() == steps + 1 || (kept.size() == 2 && steps > 1),
        "%s states kept for %s steps: expected every state or the first and last",
        kept.size(), steps);
    checkArgument(passes == steps + (halted ? 1 : 0),
        "%s passes for %s steps, halted %s", passes, steps, halted);
  }

  /** A run that kept every state: {@code states.get(t)} is the state after t passes. */
  public MlpRun(Program program, ImmutableList<MachineState> states, boolean halted,
      int passes) {
    this(program, states, states.size() - 1, halted, passes);
  }

  /** True when {@link #states} holds the state after every pass. */
  public boolean keptAllStates() {
    return kept.size() == steps + 1;
  }

  /**
   * Every state of the run, the initial state first.
   *
   * @throws IllegalStateException if the run kept only its first and last state
   */
  public ImmutableList<MachineState> states() {
    checkState(keptAllStates(), "this run of %s steps kept only its first and last state",
        steps);
    return kept;
  }

  public MachineState initial() {
    return kept.get(0);
  }

  public MachineState last() {
    return kept.get(kept.size() - 1);
  }
}
