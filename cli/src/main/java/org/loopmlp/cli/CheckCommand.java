package org.loopmlp.cli;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.asm.SqProgram;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;
import org.loopmlp.prove.StageProof;
import org.loopmlp.verify.ConfigRange;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.FrameProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopmlp check}: checks the construction against the paper's claim and the reference
 * machine, from complete proofs down to random programs (SPEC §9), and ends with one verdict.
 */
@Command(
    name = "check",
    header = "Check the construction: stage lemmas, layer budgets, proofs, programs.",
    description = {
        "For the paper's six stages: proves each stage lemma for all inputs of one size "
            + "(exact case splits on the control bits), proves each stage's frame from the "
            + "weights, checks one pass against one reference step on every state of the "
            + "smallest sizes, runs every example program, and runs a differential campaign "
            + "of random programs and states (edge values such as 0, -1, the most negative "
            + "word and powers of two mixed in), all in checked mode: after every layer each "
            + "direction's invariant, after every stage its lemma. A counterexample is shrunk "
            + "to a minimal one and printed as a .sq program.",
        "",
        "Without --config: proofs at 16,8,8, every example, random sizes up to 16,4,4."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 everything holds, 1 a counterexample was found (printed),",
        "2 usage or input error.",
        "",
        "Examples:",
        "  loopmlp check",
        "  loopmlp check --config 16,6,5 --tries 5000 --seed 7",
        "  loopmlp check --config 32,2,2 --backend float32   # floating point breaks"
    })
final class CheckCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  /** The size of the lemma proofs without --config. */
  static final MachineConfig PROOF_CONFIG = MachineConfig.of(16, 8, 8);
  /** The box random sizes are drawn from without --config. */
  static final ConfigRange DEFAULT_RANGE = ConfigRange.upTo(16, 4, 4);
  /** Exhaustive checks without --config: every program at the smallest sizes, then pc slots. */
  static final List<Exhaustive> DEFAULT_EXHAUSTIVE = List.of(
      new Exhaustive(MachineConfig.of(2, 1, 1), ExhaustiveCheck.Scope.ALL_PROGRAMS),
      new Exhaustive(MachineConfig.of(3, 1, 1), ExhaustiveCheck.Scope.ALL_PROGRAMS),
      new Exhaustive(MachineConfig.of(2, 2, 1), ExhaustiveCheck.Scope.SLOT_AT_PC));
  /** Largest enumeration run for a --config (about 20 s on one core). */
  static final long MAX_EXHAUSTIVE_STATES = 500_000;
  /** Step limit for the example programs (they all halt well within it). */
  static final int EXAMPLE_STEPS = 100_000;

  record Exhaustive(MachineConfig config, ExhaustiveCheck.Scope scope) {}

  @Option(names = "--config", paramLabel = "N,A,C", converter = Configs.class,
      description = "Check this size only: word bits, data address bits, code address bits.")
  MachineConfig config;

  @Option(names = "--tries", paramLabel = "T", defaultValue = "4000",
      description = "Random programs in the campaign (default: ${DEFAULT-VALUE}).")
  int tries;

  @Option(names = "--passes", paramLabel = "P", defaultValue = "32",
      description = "Passes (executed instructions) per random program (default:"
          + " ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the campaign; the same seed gives the same run (default:"
          + " ${DEFAULT-VALUE}).")
  long seed;

  @Mixin BackendOption backendOption;

  private final List<String> failures = new ArrayList<>();
  private String name;
  private boolean proved;
  private boolean backendIsExact = true;

  @Override
  public Integer call() {
    if (tries < 0) {
      throw UserError.because("--tries must be >= 0, was %d", tries);
    }
    if (passes < 1) {
      throw UserError.because("--passes must be >= 1, was %d", passes);
    }
    Backend backend = backendOption.backend();
    name = constructionOption.name();
    MachineConfig proofConfig = config != null ? config : PROOF_CONFIG;
    Builds.requireFits(proofConfig);
    out().printf(Locale.ROOT, "loopmlp check: %s construction, backend %s, seed %d%n%n",
        name, backend.name(), seed);
    out().flush();

    Construction main = Builds.build(name, proofConfig, err());
    backendIsExact = backend.isExact();
    lemmaTable(main);
    exhaustive(backend);
    if (config == null) {
      examples(backend);
    }
    campaign(backend);

    if (!failures.isEmpty()) {
      out().println("verdict: COUNTEREXAMPLE: " + String.join("; ", failures));
      out().flush();
      return ExitCodes.FOUND;
    }
    if (!main.lemmas().stream().allMatch(StageLemma::withinBudget)) {
      out().println("verdict: OVER BUDGET: every check holds but a stage uses more layers than"
          + " the paper allows");
      out().flush();
      return ExitCodes.FOUND;
    }
    out().printf(Locale.ROOT, "verdict: HOLDS: all %d stage lemmas %s, every stage within the"
        + " paper's budget (%d layers against %d), and the network agrees with the reference"
        + " machine on every program tried%n", main.lemmas().size(),
        proved ? "proved for all inputs of " + Configs.format(proofConfig)
            : "checked (frames proved from the weights)",
        main.depth(), paperDepth(main));
    out().flush();
    return ExitCodes.OK;
  }

  private static int paperDepth(Construction c) {
    return c.lemmas().stream().mapToInt(StageLemma::budget).sum();
  }

  /** Per stage: budget, layers, the all-inputs proof and the frame proof. */
  private void lemmaTable(Construction c) {
    FrameProof.Result frame = FrameProof.prove(c);
    // The prover handles lemmas of one paper stage and of stages run side by side (compact).
    boolean provable = true;
    Optional<ProofReport> proof = Optional.empty();
    if (provable) {
      try (Progress progress = Progress.start(err(), "proving the stage lemmas",
          c.lemmas().size(), "stages")) {
        proof = Optional.of(Prover.prove(c, new ProgressListener() {
          @Override
          public void stageFinished(StageProof p) {
            progress.advance();
          }
        }));
      }
    }
    proved = proof.map(ProofReport::proved).orElse(false);
    out().printf(Locale.ROOT, "stage lemmas%s (the layers are the same at every size)%n",
        provable ? ", proved for all inputs of " + Configs.format(c.config())
            : ", each covering the paper stages listed");
    out().printf(Locale.ROOT, "  %-14s %-20s %6s %4s %7s  %-36s %-9s %s%n", "stage", "paper",
        "budget", "ours", "layers", "lemma", "frame", "result");
    for (int i = 0; i < c.lemmas().size(); i++) {
      StageLemma l = c.lemmas().get(i);
      int index = i;
      Optional<StageProof> p = proof.map(r -> r.stages().get(index));
      boolean frameHolds = frame.violations().stream().noneMatch(v -> v.stage().equals(l.name()));
      String lemma = p.map(x -> x.proved()
          ? String.format(Locale.ROOT, "proved for all inputs (%,d cases)", x.cases())
          : x.counterexample().isPresent() ? "COUNTEREXAMPLE" : "not proved (case budget)")
          .orElse("checked in every pass");
      boolean lemmaOk = p.map(StageProof::proved).orElse(true);
      String result = !lemmaOk || !frameHolds ? "FAILS"
          : l.withinBudget() ? "holds" : "OVER BUDGET";
      out().printf(Locale.ROOT, "  %-14s %-20s %6d %4d %7s  %-36s %-9s %s%n", l.name(),
          l.paperLabel(), l.budget(), l.layerCount(),
          l.firstLayer() + ".." + l.lastLayer(), lemma,
          frameHolds ? "proved" : "VIOLATED", result);
    }
    out().printf(Locale.ROOT, "  %-14s %-20s %6d %4d%n", "total", "", paperDepth(c), c.depth());
    if (!backendIsExact) {
      out().println("  (proofs are about the weights in exact arithmetic; the backend applies to"
          + " the runs below)");
    }
    out().printf(Locale.ROOT, "  (%sframe: %,d identity rows read off the weights)%n%n",
        proof.map(r -> String.format(Locale.ROOT, "%,d cases in %d ms; ", r.cases(), r.millis()))
            .orElse(""), frame.obligations());
    for (StageProof p : proof.map(ProofReport::stages).orElse(ImmutableList.of())) {
      p.counterexample().ifPresent(x -> {
        out().println("  counterexample to the " + p.name() + " lemma: " + x.summary());
        failures.add("stage " + p.name() + " lemma at " + Configs.format(c.config()));
      });
      if (p.counterexample().isEmpty() && !p.proved()) {
        failures.add("stage " + p.name() + " not proved within the case budget");
      }
    }
    for (FrameProof.Violation v : frame.violations()) {
      out().println("  frame violation: " + v);
      failures.add("frame of stage " + v.stage());
    }
    if (!failures.isEmpty()) {
      out().println();
    }
    out().flush();
  }

  /** One pass against one reference step on every state of small sizes. */
  private void exhaustive(Backend backend) {
    List<Exhaustive> runs = new ArrayList<>();
    if (config == null) {
      runs.addAll(DEFAULT_EXHAUSTIVE);
    } else {
      for (ExhaustiveCheck.Scope scope : ExhaustiveCheck.Scope.values()) {
        if (ExhaustiveCheck.stateCount(config, scope)
            .compareTo(BigInteger.valueOf(MAX_EXHAUSTIVE_STATES)) <= 0) {
          runs.add(new Exhaustive(config, scope));
          break;
        }
      }
    }
    out().println("every state: one pass of the network equals one step of the reference"
        + " machine");
    if (runs.isEmpty()) {
      out().printf(Locale.ROOT, "  %s has more than %,d states even with one instruction at pc;"
          + " left to the proofs above and the campaign below%n%n", Configs.format(config),
          MAX_EXHAUSTIVE_STATES);
      return;
    }
    for (Exhaustive e : runs) {
      long states = ExhaustiveCheck.stateCount(e.config(), e.scope()).longValueExact();
      ExhaustiveCheck.Result r;
      try (Progress progress = Progress.start(err(), "every state of " + Configs.format(
          e.config()), states, "states")) {
        long[] reported = {0};
        r = ExhaustiveCheck.of(Constructions.build(name, e.config()), backend).run(e.scope(),
            (done, total) -> {
              progress.advance(done - reported[0]);
              reported[0] = done;
            });
      }
      out().printf(Locale.ROOT, "  %-8s %,10d states  %-9s  (%s)%n", Configs.format(e.config()),
          r.states(), r.proved() ? "all agree" : r.firstDisagreement().isPresent() ? "DISAGREE"
              : "skipped", scopeLabel(e.scope()));
      r.firstDisagreement().ifPresent(d -> {
        out().println("    first disagreement: " + d.summary() + ", from " + d.before());
        failures.add("exhaustive check of " + Configs.format(e.config()));
      });
      // Enumerating one instruction at pc covers every program only when the weights show
      // that a pass copies the other slots; without that, this scope proves nothing either way.
      r.independenceFailure().ifPresent(f -> out().println("    not applicable: the pass reads"
          + " the program beyond pc (" + f + ")"));
    }
    out().println();
    out().flush();
  }

  /** Every example program, network in checked mode against the reference machine. */
  private void examples(Backend backend) {
    out().printf(Locale.ROOT, "example programs (network in checked mode against the reference"
        + " machine)%n");
    for (Example e : ExampleLibrary.all()) {
      SqProgram p = e.program();
      Builds.requireFits(p.config());
      Construction c = Constructions.build(name, p.config());
      Differential.Outcome o = Differential.run(LoopedMlp.checked(c, backend), p.program(),
          p.initialState(), EXAMPLE_STEPS);
      if (o.disagreement().isPresent()) {
        out().printf(Locale.ROOT, "  %-11s %-8s DISAGREE: %s (rerun: loopmlp run"
            + " examples/%s.sq)%n", e.name(), Configs.format(p.config()),
            o.disagreement().get().describe(), e.name());
        failures.add("example " + e.name());
        continue;
      }
      out().printf(Locale.ROOT, "  %-11s %-8s %6d steps  %-8s agree  %s%n", e.name(),
          Configs.format(p.config()), o.mlp().steps(), o.mlp().halted() ? "halted" : "running",
          shorten(describe(e), 64));
    }
    out().println();
    out().flush();
  }

  /** Random programs and states, shrunk to a minimal counterexample on failure. */
  private void campaign(Backend backend) {
    if (tries == 0) {
      return;
    }
    ConfigRange range = config != null ? ConfigRange.exactly(config) : DEFAULT_RANGE;
    Builds.requireFits(range.largest());
    DifferentialCampaign.Result r;
    try (Progress progress = Progress.start(err(), "random programs", tries, "programs")) {
      int[] reported = {0};
      r = DifferentialCampaign.of(name, cfg -> Constructions.build(name, cfg), backend).run(
          DifferentialCampaign.Settings.of(range, tries, seed).withPasses(passes),
          (done, total) -> {
            progress.advance(Math.max(0, done - reported[0]));
            reported[0] = Math.max(reported[0], done);
          });
    }
    out().println("random programs, checked after every layer of every pass");
    r.report().lines().forEach(l -> out().println("  " + l));
    Optional<String> rerun = r.counterexample().map(x -> String.format(Locale.ROOT,
        "  rerun: loopmlp check%s --seed %d --tries %d --passes %d --backend %s   (or save the"
            + " .sq text above and: loopmlp run FILE.sq --backend %s)",
        config == null ? "" : " --config " + Configs.format(config), seed, tries, passes,
        backend.name(), backend.name()));
    rerun.ifPresent(out()::println);
    r.counterexample().ifPresent(x -> failures.add("random program at "
        + Configs.format(x.config()) + ", shrunk, " + x.disagreement().summary()));
    out().println();
    out().flush();
  }

  private static String scopeLabel(ExhaustiveCheck.Scope scope) {
    return scope == ExhaustiveCheck.Scope.ALL_PROGRAMS ? "every program, memory and pc"
        : "every instruction at pc, memory and pc; the weights show the other slots are only"
            + " copied";
  }

  /** An example's description without its leading {@code name:}. */
  private static String describe(Example e) {
    String d = e.description();
    return d.startsWith(e.name() + ":") ? d.substring(e.name().length() + 1).strip() : d;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
