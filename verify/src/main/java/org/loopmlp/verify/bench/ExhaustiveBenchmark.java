package org.loopmlp.verify.bench;

import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.BatchedExactBackend;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.Disagreement;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.Progress;

/**
 * States per second of the exhaustive one-pass check on the {@code exact} backend, evaluated in
 * blocks against one state per sweep, in one run, both on one thread and both with the same
 * encoding (bits written where consecutive states differ) and comparison; both must report the
 * same counts.
 *
 * <p>{@code java -cp ... org.loopmlp.verify.bench.ExhaustiveBenchmark [construction N A C scope]}
 */
public final class ExhaustiveBenchmark {
  private ExhaustiveBenchmark() {}

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "paper";
    MachineConfig config = args.length > 3
        ? MachineConfig.of(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]))
        : MachineConfig.of(4, 2, 1);
    PaperStates.Scope scope = args.length > 4 ? PaperStates.Scope.valueOf(args[4])
        : PaperStates.Scope.SLOT_AT_PC;
    ExhaustiveCheck<Disagreement> check = PaperStates.check(Constructions.build(name, config),
        scope, ExactBackend.INSTANCE).withThreads(1);
    check.oneStateAtATime().run(Progress.NONE); // warm-up
    ExhaustiveCheck.Result<Disagreement> single = check.oneStateAtATime().run(Progress.NONE);
    check.run(Progress.NONE); // warm-up
    ExhaustiveCheck.Result<Disagreement> blocks = check.run(Progress.NONE);
    if (single.checked() != blocks.checked() || single.proved() != blocks.proved()) {
      throw new AssertionError("blocks " + blocks + " but one by one " + single);
    }
    double s1 = single.checked() / (single.elapsed().toNanos() / 1e9);
    double sk = blocks.checked() / (blocks.elapsed().toNanos() / 1e9);
    System.out.printf("%s %s %s: %,d states on one thread; one state per sweep %,.0f states/s;"
        + " blocks of %d %,.0f states/s; %.1fx%n", name, config, scope, blocks.checked(), s1,
        BatchedExactBackend.DEFAULT_BLOCK, sk, sk / s1);
  }
}
