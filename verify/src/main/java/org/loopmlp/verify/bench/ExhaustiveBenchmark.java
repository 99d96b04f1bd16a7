package org.loopmlp.verify.bench;

import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.ExhaustiveCheck;

/**
 * States per second of the exhaustive one-pass check on the {@code exact} backend, evaluated in
 * blocks against one state per sweep, in one run; both must report the same counts.
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
    ExhaustiveCheck.Scope scope = args.length > 4 ? ExhaustiveCheck.Scope.valueOf(args[4])
        : ExhaustiveCheck.Scope.SLOT_AT_PC;
    Construction c = Constructions.build(name, config);
    ExhaustiveCheck check = ExhaustiveCheck.of(c, ExactBackend.INSTANCE);
    check.oneStateAtATime().run(scope, ExhaustiveCheck.Progress.NONE); // warm-up
    ExhaustiveCheck.Result single = check.oneStateAtATime().run(scope, ExhaustiveCheck.Progress.NONE);
    check.run(scope, ExhaustiveCheck.Progress.NONE); // warm-up
    ExhaustiveCheck.Result blocks = check.run(scope, ExhaustiveCheck.Progress.NONE);
    if (single.checked() != blocks.checked() || single.proved() != blocks.proved()) {
      throw new AssertionError("blocks " + blocks + " but one by one " + single);
    }
    double s1 = single.checked() / (single.elapsed().toNanos() / 1e9);
    double sk = blocks.checked() / (blocks.elapsed().toNanos() / 1e9);
    System.out.printf("%s %s %s: %,d states; one state per sweep %,.0f states/s; blocks of %d"
        + " %,.0f states/s; %.1fx%n", name, config, scope, blocks.checked(), s1,
        org.loopmlp.exact.BatchedExactBackend.DEFAULT_BLOCK, sk, sk / s1);
  }
}
