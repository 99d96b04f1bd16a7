package org.loopmlp.distributed;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.SlqImage;
import org.loopmlp.prove.CaseSplitRunner;
import org.loopmlp.prove.PaperProver;
import org.loopmlp.prove.ProgressListener;

/**
 * One cell of the regression matrix, run on an executor: a corpus program through one classic
 * construction on each backend, in lockstep with the reference machine (the network built once
 * for all backends), or one paper-machine construction proved at one size and its certificate
 * re-checked. Everything the cell needs travels with it (the program's text, input and expected
 * output), so an executor needs no shared folder.
 */
record MatrixCell(int order, String kind, String program, int n, int a, int c,
    String construction, List<String> backends, String slq, byte[] input, byte[] expected,
    double seconds, long steps) implements Serializable {
  static final String RUN = "run";
  static final String PROVE = "prove";

  static MatrixCell run(int order, String program, int n, int a, String construction,
      List<String> backends, String slq, byte[] input, byte[] expected, double seconds,
      long steps) {
    return new MatrixCell(order, RUN, program, n, a, 0, construction, List.copyOf(backends),
        slq, input, expected, seconds, steps);
  }

  static MatrixCell prove(int order, String construction, int n, int a, int c) {
    return new MatrixCell(order, PROVE, "", n, a, c, construction, List.of(), "", new byte[0],
        new byte[0], 0, 0);
  }

  /** A rough cost, to start the longest cells first. */
  double cost() {
    return kind.equals(RUN) ? (double) (1L << a) * Math.min(Math.max(steps, 1), 1e6)
        : (double) n * (1L << a) * (1L << c) * 4;
  }

  static Comparator<MatrixCell> longestFirst() {
    return Comparator.comparingDouble(MatrixCell::cost).reversed()
        .thenComparingInt(MatrixCell::order);
  }

  /** One row of the table: a backend's run, or a proof. */
  record Row(int order, String kind, String program, String size, String construction,
      String backend, String outcome, long count, double rate, double seconds,
      double secondsChecked, boolean ok) implements Serializable {}

  /** The cell's rows; an exception in the cell is a failed row, not a lost job. */
  List<Row> execute() {
    try {
      return kind.equals(RUN) ? runs() : List.of(proof());
    } catch (RuntimeException | OutOfMemoryError e) {
      String what = e.getClass().getSimpleName() + ": " + e.getMessage();
      List<String> cols = kind.equals(RUN) ? backends : List.of("prove");
      return cols.stream().map(b -> new Row(order, kind, program, size(), construction, b,
          "ERROR " + what, 0, 0, 0, 0, false)).toList();
    }
  }

  private String size() {
    return kind.equals(RUN) ? n + "," + a : n + "," + a + "," + c;
  }

  private List<Row> runs() {
    ClassicConfig config = ClassicConfig.of(n, a);
    ClassicState initial = SlqImage.parse(program + ".slq", slq).load(config);
    long b0 = System.nanoTime();
    ClassicConstruction built = ClassicConstruction.build(construction, config);
    double build = (System.nanoTime() - b0) / 1e9;
    List<Row> rows = new ArrayList<>();
    for (String backend : backends) {
      ClassicLoopedMlp mlp = ClassicLoopedMlp.of(built, Backends.named(backend));
      ByteOutput.Collecting printed = ByteOutput.collecting();
      long start = System.nanoTime();
      long deadline = start + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
      ClassicLockstep.Outcome r = ClassicLockstep.run(mlp, initial, input, printed,
          Long.MAX_VALUE, ClassicLoopedMlp.PassListener.NONE, () -> System.nanoTime() > deadline);
      double elapsed = (System.nanoTime() - start) / 1e9;
      boolean halted = r.mlp().halted();
      boolean same = Arrays.equals(expected, printed.bytes());
      String outcome = !r.agree() ? "DISAGREES: " + r.disagreement().get().describe()
          : halted ? (same ? "output identical, agrees at every step"
              : "output DIFFERS, agrees at every step")
          : String.format(Locale.ROOT, "agrees for %d steps, time limit %.0f s",
              r.mlp().steps(), seconds);
      rows.add(new Row(order, RUN, program, size(), construction, backend, outcome,
          r.mlp().steps(), r.mlp().steps() / Math.max(elapsed, 1e-9), elapsed, build,
          r.agree() && (!halted || same)));
    }
    return rows;
  }

  private Row proof() {
    Path dir;
    try {
      dir = Files.createTempDirectory("loopmlp-matrix-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      var built = Constructions.build(construction, MachineConfig.of(n, a, c));
      long p0 = System.nanoTime();
      var r = PaperProver.certifyInto(built, dir, ProgressListener.NONE,
          PaperProver.DEFAULT_CASE_BUDGET, CaseSplitRunner.SEQUENTIAL);
      double prove = (System.nanoTime() - p0) / 1e9;
      long cases = r.stages().stream().mapToLong(s -> s.cases()).sum();
      if (!r.proved()) {
        return new Row(order, PROVE, "", size(), construction, "prove+check", "NOT PROVED",
            cases, 0, prove, 0, false);
      }
      long c0 = System.nanoTime();
      CertificateChecker.Result check = CertificateChecker.check(r.network().orElseThrow(),
          r.certificate().orElseThrow());
      double checked = (System.nanoTime() - c0) / 1e9;
      return new Row(order, PROVE, "", size(), construction, "prove+check",
          check.accepted() ? "proved, checker accepted" : "proved, checker REJECTED: "
              + check.message(), cases, 0, prove, checked, check.accepted());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is not a result
    }
  }
}
