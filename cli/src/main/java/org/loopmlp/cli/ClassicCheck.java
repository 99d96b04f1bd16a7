package org.loopmlp.cli;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
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
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.MutationCampaign;
import org.loopmlp.verify.classic.ClassicSamples;
import org.loopmlp.verify.classic.ClassicStates;
import org.loopmlp.verify.classic.ClassicTrials;

/**
 * {@code check --isa classic}: the classic construction's stage table with frames read off the
 * weights, one pass against one reference step on every state of the smallest sizes, the sample
 * programs in checked mode beside the reference machine, a seeded campaign of random
 * self-modifying machines with I/O in checked mode, and mutation testing at the smallest size.
 * One verdict line.
 */
final class ClassicCheck {
  private ClassicCheck() {}

  /** Random machines when --tries is not given (a classic machine takes longer than a paper one). */
  static final int DEFAULT_TRIES = 300;
  /** Every state of these sizes, and of a --config with at most {@link #MAX_STATES} states. */
  static final List<ClassicConfig> EXHAUSTIVE = List.of(ClassicConfig.of(2, 2),
      ClassicConfig.of(3, 2));
  static final long MAX_STATES = 1L << 19;
  /** Mutation testing: every MUTANT_STRIDE-th mutant at N = 2, 2^2 words. */
  static final ClassicConfig MUTATION_CONFIG = ClassicConfig.of(2, 2);
  static final int MUTANT_STRIDE = 16;

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
    ok &= exhaustive(construction, backend, config, o);
    out.println();
    ok &= samples(construction, backend, out);
    out.println();
    ok &= campaign(o, construction, backend, config);
    out.println();
    ok &= mutation(construction, backend, o);
    out.println();
    out.println(ok ? "verdict: HOLDS: every classic lemma proved for all inputs and re-checked by"
        + " the independent checker, every frame, every state of the smallest sizes, sample and"
        + " random machine, and every mutant run killed or equivalent"
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
    DifferentialCampaign.Result<ClassicTrials.Failure> r;
    try (Progress progress = Progress.start(o.err(), "random machines", tries, "machines")) {
      r = ClassicTrials.campaign(construction, backend, ClassicTrials.Settings.upTo(o.seed, tries,
          o.passes, maxWord, maxMemory)).run(progress.campaign());
    }
    PrintWriter out = o.out();
    out.printf(Locale.ROOT, "random classic machines (N <= %d, 2^%d words at most, %d passes"
        + " each, checked mode): %d machines, %,d passes in %.1f s%n", maxWord, maxMemory,
        o.passes, r.tries(), r.passes(), r.elapsed().toNanos() / 1e9);
    if (r.passed()) {
      return true;
    }
    out.print("  " + r.counterexample().get());
    out.printf(Locale.ROOT, "  rerun: loopmlp check --isa classic --config %d,%d --seed %d"
        + " --tries %d --passes %d --backend %s --construction %s%n", config.wordBits(),
        config.memoryBits(), o.seed, tries, o.passes, backend.name(), construction);
    return false;
  }

  /**
   * One pass against one reference step on every state (every memory, pc and offered input) of
   * the smallest sizes and of {@code config} when it is small; true when all agree.
   */
  private static boolean exhaustive(String construction, Backend backend, ClassicConfig config,
      CheckCommand o) {
    List<ClassicConfig> configs = new ArrayList<>(EXHAUSTIVE);
    long own = 1L << Math.min(62, config.wordBits() * (config.memorySize() + 1) + 3);
    if (!configs.contains(config) && own <= MAX_STATES) {
      configs.add(config);
    }
    PrintWriter out = o.out();
    out.println("every state: one pass of the network equals one step of the reference machine"
        + " (every memory, pc and offered input)");
    boolean ok = true;
    for (ClassicConfig c : configs) {
      ClassicStates space = ClassicStates.of(ClassicConstruction.build(construction, c));
      ExhaustiveCheck.Result<ClassicStates.Finding> r;
      try (Progress progress = Progress.start(o.err(), "every state of " + c, space.states(),
          "states")) {
        r = ExhaustiveCheck.of(space, backend).run(progress.campaign());
      }
      out.printf(Locale.ROOT, "  N=%-2d 2^%d words %,10d states  %s%n", c.wordBits(),
          c.memoryBits(), r.states(), r.proved() ? "all agree" : "DISAGREE");
      r.firstDisagreement().ifPresent(f -> out.println("    first disagreement: " + f));
      ok &= r.proved();
    }
    return ok;
  }

  /**
   * Every {@link #MUTANT_STRIDE}-th single-parameter mutant at N = 2, 2^2 words: killed by a
   * checked campaign, else shown equivalent by the exhaustive check; true when no mutant
   * survives without being equivalent.
   */
  private static boolean mutation(String construction, Backend backend, CheckCommand o) {
    ClassicConstruction c = ClassicConstruction.build(construction, MUTATION_CONFIG);
    ImmutableList<MutationCampaign.Mutant> all = MutationCampaign.mutants(c);
    ImmutableList<MutationCampaign.Mutant> some = IntStream.range(0, all.size())
        .filter(i -> i % MUTANT_STRIDE == 0).mapToObj(all::get)
        .collect(ImmutableList.toImmutableList());
    MutationCampaign.Report r;
    try (Progress progress = Progress.start(o.err(), "mutants", some.size(), "mutants")) {
      r = ClassicTrials.mutation(c, backend, ClassicTrials.Settings.exactly(o.seed, 200, 8,
          MUTATION_CONFIG)).run(some, progress.campaign());
    }
    PrintWriter out = o.out();
    out.printf(Locale.ROOT, "mutation testing at N=2, 2^2 words (every %dth of %,d single-"
        + "parameter mutants; 200 random machines x 8 passes, checked, then every state)%n",
        MUTANT_STRIDE, all.size());
    r.part().table().lines().forEach(l -> out.println("  " + l));
    MutationCampaign.Part p = r.part();
    if (p.firstSurvivor() >= 0) {
      out.println("  SURVIVED, NOT EQUIVALENT: " + p.survivor());
    }
    return p.firstSurvivor() < 0;
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
      var report = ClassicProver.certifyInto(c, dir, ProgressListener.NONE);
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
