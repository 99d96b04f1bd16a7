package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Runs the reference classic machine until it halts or a step limit, moving bytes between the
 * machine and its input and output.
 */
public final class ClassicRunner {
  private ClassicRunner() {}

  /** Runs at most {@code maxSteps} instructions, without recording a trace. */
  public static ClassicRun run(ClassicState initial, ByteInput in, ByteOutput out,
      long maxSteps) {
    return run(initial, in, out, maxSteps, false);
  }

  /** Like {@link #run}, and records every state and {@link ClassicStepDetail} on the way. */
  public static ClassicRun runTraced(ClassicState initial, ByteInput in, ByteOutput out,
      long maxSteps) {
    return run(initial, in, out, maxSteps, true);
  }

  /**
   * One step of a run: the detail of the instruction at pc, given the input's next byte; takes
   * the byte when the step reads, and writes what it prints.
   */
  public static ClassicStepDetail step(ClassicState state, ByteInput in, ByteOutput out) {
    ClassicStepDetail d = ClassicMachine.detail(state, in.peek());
    if (d.readsInput()) {
      in.take();
    }
    if (d.prints()) {
      out.write(d.output());
    }
    return d;
  }

  private static ClassicRun run(ClassicState initial, ByteInput in, ByteOutput out,
      long maxSteps, boolean traced) {
    checkNotNull(initial, "initial");
    checkNotNull(in, "in");
    checkNotNull(out, "out");
    checkArgument(maxSteps >= 0, "maxSteps %s < 0", maxSteps);
    ImmutableList.Builder<ClassicState> states = ImmutableList.builder();
    ImmutableList.Builder<ClassicStepDetail> details = ImmutableList.builder();
    if (traced) {
      states.add(initial);
    }
    if (!traced) {
      return runInPlace(initial, in, out, maxSteps);
    }
    ClassicState current = initial;
    long steps = 0;
    while (!current.halted() && steps < maxSteps) {
      ClassicStepDetail d = step(current, in, out);
      current = ClassicMachine.apply(current, d);
      steps++;
      if (traced) {
        states.add(current);
        details.add(d);
      }
    }
    Optional<ClassicRun.Trace> trace = traced
        ? Optional.of(new ClassicRun.Trace(states.build(), details.build()))
        : Optional.empty();
    return new ClassicRun(current, steps, current.halted(), trace);
  }

  /**
   * The same steps as the traced loop, over one memory array written in place (a run of 10^7
   * steps would otherwise make a new path of the persistent memory at every write).
   */
  private static ClassicRun runInPlace(ClassicState initial, ByteInput in, ByteOutput out,
      long maxSteps) {
    ClassicConfig config = initial.config();
    long[] memory = initial.memory();
    long pc = initial.pc();
    long steps = 0;
    while (!config.haltsAt(pc) && steps < maxSteps) {
      ClassicStepDetail d = ClassicMachine.detail(config, memory, pc, in.peek());
      if (d.readsInput()) {
        in.take();
      }
      if (d.prints()) {
        out.write(d.output());
      }
      if (d.writes()) {
        memory[d.addrB()] = d.result();
      }
      pc = d.nextPc();
      steps++;
    }
    ClassicState last = ClassicState.adopt(config, memory, pc);
    return new ClassicRun(last, steps, last.halted(), Optional.empty());
  }
}
