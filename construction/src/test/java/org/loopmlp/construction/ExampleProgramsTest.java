package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.RunResult;
import org.loopmlp.isa.SubleqRunner;
import org.loopmlp.isa.asm.SqProgram;

/**
 * Every example program, run in checked mode on every exact backend through the paper, compact,
 * onehot and onehot-split constructions (and on the rational backend through the fused one), equals the reference
 * machine at every step up to its halt.
 */
class ExampleProgramsTest {
  private static final int LIMIT = 20_000;

  @Test
  void everyExampleEqualsTheReferenceUpToItsHalt() {
    List<Backend> exact = Backends.all().stream().filter(Backend::isExact).toList();
    assertTrue(exact.size() >= 2, "rational and exact backends: " + exact);
    assertTrue(ExampleLibrary.all().size() >= 10);
    for (Example example : ExampleLibrary.all()) {
      SqProgram sq = example.program();
      RunResult reference = SubleqRunner.runTraced(sq.program(), sq.initialState(), LIMIT);
      assertTrue(reference.halted(), example.name() + " halts within " + LIMIT);
      for (String name : List.of(PaperConstruction.NAME, CompactConstruction.NAME,
          OneHotConstruction.NAME, OneHotConstruction.SPLIT_NAME)) {
        Construction c = TestArbitraries.construction(name, sq.config());
        for (Backend backend : exact) {
          check(example, reference, LoopedMlp.checked(c, backend));
        }
      }
    }
  }

  @Test
  void everyExampleEqualsTheReferenceThroughTheFusedConstruction() {
    for (Example example : ExampleLibrary.all()) {
      SqProgram sq = example.program();
      RunResult reference = SubleqRunner.runTraced(sq.program(), sq.initialState(), LIMIT);
      check(example, reference, LoopedMlp.checked(
          TestArbitraries.construction(FusedConstruction.NAME, sq.config()),
          RationalBackend.INSTANCE));
    }
  }

  private static void check(Example example, RunResult reference, LoopedMlp mlp) {
    SqProgram sq = example.program();
    MlpRun run = mlp.run(sq.program(), sq.initialState(), LIMIT);
    String what = example.name() + " through " + mlp.construction().name() + " on "
        + mlp.backend().name();
    assertEquals(reference.trace().orElseThrow().states(), run.states(), what);
    assertTrue(run.halted(), what);
    assertEquals(reference.steps(), run.steps(), what);
    assertEquals(reference.finalState(), run.last(), what);
  }
}
