package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.prove.ClassicProofReport;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.verify.classic.ClassicCampaign;
import org.loopmlp.verify.classic.ClassicSamples;

/**
 * {@code check --isa classic}: the classic construction's stage table with frames read off the
 * weights, the sample programs in checked mode beside the reference machine, and a seeded
 * campaign of random self-modifying machines with I/O in checked mode. One verdict line.
 */
final class ClassicCheck {
  private ClassicCheck() {}

  /** Random machines when --tries is not given (a classic machine takes longer than a paper one). */
  static final int DEFAULT_TRIES = 300;

  static int run(CheckCommand o) {
    String construction = o.constructionOption.classicName();
    Backend backend = o.backendOption.backend();
    ClassicConfig config = o.classicSize.config(o.configText);
    ClassicOptions.requireMemory(construction, config);
    PrintWriter out = o.out();
    out.printf(Locale.ROOT, "loopmlp check --isa classic: %s construction, backend %s, seed %d"
        + "%n%n", construction, backend.name(), o.seed);
    ClassicConstruction c = ClassicConstruction.build(construction, config);
    boolean ok = stageTable(c, construction, out);
    ok &= proveAndRecheck(c, out);
    out.println();
    ok &= samples(construction, backend, out);
    out.println();
    ok &= campaign(o, construction, backend, config);
    out.println();
    out.println(ok ? "verdict: HOLDS: every classic lemma proved for all inputs and re-checked by"
        + " the independent checker, every frame, sample and random machine"
        : "verdict: FAILED (see above)");
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.FOUND;
  }

  /** The stage table with every frame read off the weights; true when every frame holds. */
  private static boolean stageTable(ClassicConstruction c, String construction,
      PrintWriter out) {
    boolean ok = true;
    out.printf(Locale.ROOT, "stage lemmas of the %s construction at N=%d, 2^%d words"
        + " (checked in every pass of checked mode; frames read off the weights)%n",
        construction, c.config().wordBits(), c.config().memoryBits());
    out.printf(Locale.ROOT, "  %-15s %-18s %-16s %6s %4s %6s  %-34s %s%n", "stage", "roles",
        "paper", "budget", "ours", "layers", "frame", "claims");
    for (StageLemma<ClassicStepContext> l : c.lemmas()) {
      long rows = 0;
      boolean frameHolds = true;
      for (int li = l.firstLayer(); li <= l.lastLayer(); li++) {
        for (var d : l.frameDirections()) {
          frameHolds &= isIdentityRow(c.layer(li).layer(), c.layout().indexOf(d));
          rows++;
        }
      }
      ok &= frameHolds;
      out.printf(Locale.ROOT, "  %-15s %-18s %-16s %6d %4d %6s  %-34s %d%n", l.name(),
          l.roleLabel(), l.paperLabel(), l.budget(), l.layerCount(),
          l.firstLayer() + ".." + l.lastLayer(), frameHolds
              ? String.format(Locale.ROOT, "proved (%,d identity rows)", rows) : "BROKEN",
          l.postcondition().claims().size());
    }
    out.printf(Locale.ROOT, "  %-15s %-18s %-16s %6d %4d%n", "total", "", "",
        PaperStage.PAPER_TOTAL_LAYERS, c.depth());
    return ok;
  }

  /** Row {@code i} copies input {@code i} unchanged: one weight 1 on column i, bias 0. */
  private static boolean isIdentityRow(SparseLayer layer, int i) {
    return layer.rowEnd(i) - layer.rowStart(i) == 1
        && layer.column(layer.rowStart(i)) == i
        && layer.weight(layer.rowStart(i)).equals(Rational.ONE)
        && layer.bias(i).isZero();
  }

  /** Every sample program in checked mode beside the reference machine; true when all pass. */
  private static boolean samples(String construction, Backend backend, PrintWriter out) {
    boolean ok = true;
    out.println("sample programs (network in checked mode beside the reference machine)");
    for (ClassicSamples.Sample s : ClassicSamples.all()) {
      ClassicLoopedMlp mlp = ClassicLoopedMlp.checked(
          ClassicConstruction.build(construction, s.config()), backend);
      ByteOutput.Collecting printed = ByteOutput.collecting();
      String verdict;
      long steps = 0;
      try {
        ClassicLockstep.Outcome r = ClassicLockstep.run(mlp,
            ClassicState.load(s.config(), s.image()), s.input(), printed, 100_000,
            ClassicLoopedMlp.PassListener.NONE);
        steps = r.mlp().steps();
        boolean same = Arrays.equals(s.expected(), printed.bytes());
        verdict = !r.agree() ? "DISAGREE: " + r.disagreement().get().describe()
            : !r.mlp().halted() ? "DID NOT HALT" : same ? "agree, output as expected"
            : "WRONG OUTPUT";
        ok &= r.agree() && r.mlp().halted() && same;
      } catch (LemmaViolation v) {
        verdict = "LEMMA VIOLATED: " + v.getMessage();
        ok = false;
      }
      out.printf(Locale.ROOT, "  %-9s N=%-2d 2^%d words %6d steps  %s  (%s)%n", s.name(),
          s.config().wordBits(), s.config().memoryBits(), steps, verdict, s.description());
    }
    return ok;
  }

  /** The seeded campaign of random machines; true when no counterexample was found. */
  private static boolean campaign(CheckCommand o, String construction, Backend backend,
      ClassicConfig config) {
    int tries = o.given("--tries") ? o.tries : DEFAULT_TRIES;
    int maxWord = Math.max(2, Math.min(config.wordBits(), 16));
    int maxMemory = Math.max(2, Math.min(config.memoryBits(), 4));
    long start = System.nanoTime();
    ClassicCampaign.Result r = ClassicCampaign.run(construction, backend, o.seed, tries,
        o.passes, maxWord, maxMemory);
    PrintWriter out = o.out();
    out.printf(Locale.ROOT, "random classic machines (N <= %d, 2^%d words at most, %d passes"
        + " each, checked mode): %d machines, %,d passes in %.1f s%n", maxWord, maxMemory,
        o.passes, r.tries(), r.passes(), (System.nanoTime() - start) / 1e9);
    if (r.failure().isEmpty()) {
      return true;
    }
    ClassicCampaign.Failure f = r.failure().get();
    out.println("  COUNTEREXAMPLE after " + f.machine().passes() + " passes: " + f.what());
    out.print(f.machine().slq());
    out.printf(Locale.ROOT, "  rerun: loopmlp check --isa classic --config %d,%d --seed %d"
        + " --tries %d --passes %d --backend %s --construction %s%n", config.wordBits(),
        config.memoryBits(), o.seed, tries, o.passes, backend.name(), construction);
    return false;
  }

  /**
   * Proves every classic stage lemma for all inputs of the construction's size into a temporary
   * directory and runs the independent checker on the certificate, which also checks that the
   * stages compose into one classic step; prints one line for each. True when both hold.
   */
  private static boolean proveAndRecheck(ClassicConstruction c, PrintWriter out) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("loopmlp-check-classic");
      ClassicProofReport report = ClassicProver.certifyInto(c, dir, ProgressListener.NONE);
      if (!report.proved() || report.certificate().isEmpty()) {
        out.println("  prover: NOT PROVED: " + report.summary());
        return false;
      }
      long start = System.nanoTime();
      CertificateChecker.Result r = CertificateChecker.check(report.network().orElseThrow(),
          report.certificate().orElseThrow());
      out.printf(Locale.ROOT, "  proved for all inputs (%,d cases); independent checker: %s"
          + " (%,d neuron facts re-derived in %d ms)%n", report.cases(),
          r.accepted() ? "ACCEPTED" : "REJECTED: " + r.message(), r.facts(),
          (System.nanoTime() - start) / 1_000_000);
      return r.accepted();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
          // a temporary directory left behind is harmless
        }
      }
    }
  }
}
