package org.loopmlp.verify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.Progress;
import org.loopmlp.verify.classic.ClassicStates;

/**
 * States per second of the exhaustive one-pass check on the {@code exact} backend, in blocks
 * ({@link ExhaustiveCheck#BLOCK} states per sweep) against one state per sweep of the exact
 * backend, in one run on one thread; both use the same enumeration (bits written where
 * consecutive states differ) and comparison, and must report the same counts. Each is run
 * {@code ROUNDS} times, alternating, and its best round counts; states per second of wall time
 * and of the thread's CPU time (which the other load of a shared machine disturbs less).
 *
 * <p>{@code java -cp ... org.loopmlp.verify.bench.ExhaustiveBenchmark [construction N A C scope]}
 * for the paper machine (default paper 8 1 1 SLOT_AT_PC), or {@code [classic-construction N A]}
 * for the classic machine ({@link ClassicStates}).
 */
public final class ExhaustiveBenchmark {
  private static final int ROUNDS = 3;

  private ExhaustiveBenchmark() {}

  public static void main(String[] args) {
    ExhaustiveCheck<?> blocks = check(args).withThreads(1);
    ExhaustiveCheck<?> single = blocks.oneStateAtATime();
    double[] best = new double[4]; // wall single, cpu single, wall blocks, cpu blocks
    long states = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      for (int mode = 0; mode < 2; mode++) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long cpu = bean.getCurrentThreadCpuTime();
        ExhaustiveCheck.Result<?> r = (mode == 0 ? single : blocks).run(Progress.NONE);
        double cpuSeconds = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
        if (round > 0 && states != r.checked()) {
          throw new AssertionError(r + " checked " + r.checked() + ", the other " + states);
        }
        states = r.checked();
        if (round > 0) { // round 0 warms up
          best[2 * mode] = Math.max(best[2 * mode], states / (r.elapsed().toNanos() / 1e9));
          best[2 * mode + 1] = Math.max(best[2 * mode + 1], states / cpuSeconds);
        }
      }
    }
    ExhaustiveCheck.Shape shape = blocks.space().shape();
    System.out.printf("%s %s %s: %,d states on one thread, best of %d rounds;%n"
        + "  one state per sweep: %,.0f states/s (%,.0f per CPU second)%n"
        + "  blocks of %d:        %,.0f states/s (%,.0f per CPU second)%n"
        + "  blocks / one state:  %.1fx (%.1fx per CPU second)%n", shape.construction(),
        shape.config(), shape.scope(), states, ROUNDS, best[0], best[1], ExhaustiveCheck.BLOCK,
        best[2], best[3], best[2] / best[0], best[3] / best[1]);
  }

  /** The check the arguments name. */
  private static ExhaustiveCheck<?> check(String[] args) {
    String name = args.length > 0 ? args[0] : "paper";
    if (name.startsWith("classic")) {
      ClassicConfig config = ClassicConfig.of(args.length > 2 ? Integer.parseInt(args[1]) : 3,
          args.length > 2 ? Integer.parseInt(args[2]) : 2);
      return ClassicStates.check(ClassicConstruction.build(name, config), ExactBackend.INSTANCE);
    }
    MachineConfig config = args.length > 3
        ? MachineConfig.of(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]))
        : MachineConfig.of(8, 1, 1);
    PaperStates.Scope scope = args.length > 4 ? PaperStates.Scope.valueOf(args[4])
        : PaperStates.Scope.SLOT_AT_PC;
    return PaperStates.check(Constructions.build(name, config), scope, ExactBackend.INSTANCE);
  }
}
