package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * A stage's case split cut into pieces and run in any order, on any number of threads, gives the
 * certificate byte for byte, every count and the first counterexample of the one depth-first
 * search ({@link CaseSplitRunner#SEQUENTIAL}): the prover's default runs on every core.
 */
class CaseSplitTest {
  @TempDir Path dir;

  /**
   * Runs the tasks in a shuffled order on this thread, then hands them back in task order: the
   * results cannot depend on the order the pieces ran in. Its parallelism fixes the cut depth.
   */
  private static CaseSplitRunner shuffled(int parallelism, long seed) {
    return new CaseSplitRunner() {
      @Override
      public int parallelism() {
        return parallelism;
      }

      @Override
      public void run(List<CaseTask> tasks, CaseWorker worker, Consumer<CaseResult> inOrder) {
        List<CaseTask> order = new ArrayList<>(tasks);
        Collections.shuffle(order, new Random(seed));
        CaseResult[] results = new CaseResult[tasks.size()];
        for (CaseTask t : order) {
          results[t.index()] = worker.run(t);
        }
        for (CaseResult r : results) {
          inOrder.accept(r);
        }
      }
    };
  }

  private static List<CaseSplitRunner> runners() {
    return List.of(CaseSplitRunner.threads(2), CaseSplitRunner.threads(3), shuffled(1, 1),
        shuffled(16, 2), shuffled(1 << 12, 3));
  }

  /** Per stage: cases, excluded cases, neuron facts and proved. */
  private static List<String> counts(ProofReport<?, ?, ?> r) {
    return r.stages().stream().map(s -> s.name() + " " + s.cases() + " " + s.excluded() + " "
        + s.neuronsDecided() + " " + s.proved()).toList();
  }

  @Test
  void paperConstructionsGiveTheSequentialCertificateOnEveryRunner() throws Exception {
    for (String name : List.of(PaperConstruction.NAME, "compact", "onehot-split", "narrow")) {
      Construction c = Constructions.build(name, MachineConfig.of(8, 6, 6));
      Path one = dir.resolve(name + "-sequential");
      var expected = PaperProver.certifyInto(c, one, ProgressListener.NONE,
          PaperProver.DEFAULT_CASE_BUDGET, CaseSplitRunner.SEQUENTIAL);
      assertTrue(expected.proved(), expected::summary);
      byte[] bytes = Files.readAllBytes(expected.certificate().orElseThrow());
      int k = 0;
      for (CaseSplitRunner runner : runners()) {
        Path out = dir.resolve(name + "-" + k++);
        var r = PaperProver.certifyInto(c, out, ProgressListener.NONE,
            PaperProver.DEFAULT_CASE_BUDGET, runner);
        assertEquals(counts(expected), counts(r), name);
        assertArrayEquals(bytes, Files.readAllBytes(r.certificate().orElseThrow()),
            name + " on runner " + k);
      }
    }
  }

  @Test
  void classicConstructionsGiveTheSequentialCertificateOnEveryRunner() throws Exception {
    for (String name : List.of(ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME)) {
      ClassicConstruction c = ClassicConstruction.build(name, ClassicConfig.of(8, 4));
      var expected = ClassicProver.certifyInto(c, dir.resolve(name + "-sequential"),
          ProgressListener.NONE, PaperProver.DEFAULT_CASE_BUDGET, CaseSplitRunner.SEQUENTIAL);
      assertTrue(expected.proved(), expected::summary);
      assertTrue(expected.stages().stream().anyMatch(s -> s.excluded() > 0),
          "some cases lie outside a precondition");
      byte[] bytes = Files.readAllBytes(expected.certificate().orElseThrow());
      int k = 0;
      for (CaseSplitRunner runner : runners()) {
        var r = ClassicProver.certifyInto(c, dir.resolve(name + "-" + k++),
            ProgressListener.NONE, PaperProver.DEFAULT_CASE_BUDGET, runner);
        assertEquals(counts(expected), counts(r), name);
        assertArrayEquals(bytes, Files.readAllBytes(r.certificate().orElseThrow()), name);
      }
    }
  }

  @Test
  void theFirstCounterexampleIsTheSequentialOne() {
    List<Stage> stages = new ArrayList<>(PaperConstruction.stages());
    stages.set(2, SubtractStage.withCarryIn("subtract", 0));
    Construction c = Construction.assemble("faulty subtract", MachineConfig.of(6, 3, 3), stages);
    var expected = PaperProver.prove(c, ProgressListener.NONE, PaperProver.DEFAULT_CASE_BUDGET,
        CaseSplitRunner.SEQUENTIAL);
    assertFalse(expected.proved());
    String cx = expected.firstCounterexample().orElseThrow().summary();
    for (CaseSplitRunner runner : runners()) {
      var r = PaperProver.prove(c, ProgressListener.NONE, PaperProver.DEFAULT_CASE_BUDGET,
          runner);
      assertEquals(counts(expected), counts(r));
      assertEquals(cx, r.firstCounterexample().orElseThrow().summary());
    }
  }

  @Test
  void goalsFinishInTheSequentialOrderWithTheirCases() {
    Construction c = PaperConstruction.build(MachineConfig.of(8, 4, 4));
    List<String> expected = new ArrayList<>();
    PaperProver.prove(c, goalLog(expected), PaperProver.DEFAULT_CASE_BUDGET,
        CaseSplitRunner.SEQUENTIAL);
    List<String> got = new ArrayList<>();
    PaperProver.prove(c, goalLog(got), PaperProver.DEFAULT_CASE_BUDGET,
        CaseSplitRunner.threads(2));
    assertEquals(expected, got);
  }

  @Test
  void theDefaultRunsOnEveryCore() {
    assertEquals(Runtime.getRuntime().availableProcessors(),
        CaseSplitRunner.defaults().parallelism());
  }

  @Test
  void aBudgetTooSmallIsExceededOnEveryRunner() {
    Construction c = PaperConstruction.build(MachineConfig.of(4, 3, 3));
    for (CaseSplitRunner runner : runners()) {
      var r = PaperProver.prove(c, ProgressListener.NONE, 10, runner);
      assertFalse(r.proved());
      assertTrue(r.stages().get(0).budgetExceeded(), r::summary);
    }
  }

  private static ProgressListener goalLog(List<String> log) {
    return new ProgressListener() {
      @Override
      public void goalFinished(String goal, long cases) {
        log.add(goal + " " + cases);
      }
    };
  }
}
