package org.loopmlp.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.asm.SqProgram;
import org.loopmlp.verify.ConfigRange;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.ExhaustiveCheck;
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
            + "(exact case splits on the control bits) and re-checks the proof's certificate "
            + "with the independent checker, which also checks that the stages compose into "
            + "one SUBLEQ step; proves each stage's frame from the "
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
        "Exit codes: 0 everything holds, 1 a counterexample was found (printed) or a",
        "check could not be completed (NOT SHOWN), 2 usage or input error.",
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

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (default) or classic (the classic construction; size --word N"
          + " --memory-bits A, default 8 and 4).")
  String isa;

  @Option(names = "--word", paramLabel = "N", description = "--isa classic: word bits N.")
  Integer classicWord;

  @Option(names = "--memory-bits", paramLabel = "A",
      description = "--isa classic: memory address bits A.")
  Integer classicMemoryBits;

  /** Counterexamples found, and claims not shown: either keeps the verdict from HOLDS. */
  private final List<String> failures = new ArrayList<>();
  private final List<String> notShown = new ArrayList<>();
  private String name;

  @Override
  public Integer call() {
    if (tries < 0) {
      throw UserError.because("--tries must be >= 0, was %d", tries);
    }
    if (passes < 1) {
      throw UserError.because("--passes must be >= 1, was %d", passes);
    }
    Backend backend = backendOption.backend();
    if (isa.equals("classic")) {
      return ClassicCheck.run(constructionOption.classicName(), classicWord, classicMemoryBits,
          Math.min(tries, 300), passes,
          seed, backend, out(), err());
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    name = constructionOption.name();
    MachineConfig proofConfig = config != null ? config : PROOF_CONFIG;
    Builds.requireFits(proofConfig);
    out().printf(Locale.ROOT, "loopmlp check: %s construction, backend %s, seed %d%n%n",
        name, backend.name(), seed);
    out().flush();

    Construction main = Builds.build(name, proofConfig, err());
    LemmaTable.Outcome lemmas = LemmaTable.print(main, backend.isExact(), out(), err());
    failures.addAll(lemmas.counterexamples());
    notShown.addAll(lemmas.notShown());
    List<String> agreedOn = new ArrayList<>();
    agreedOn.add(exhaustive(backend));
    if (config == null) {
      examples(backend);
      agreedOn.add("every example program");
    }
    if (tries > 0) {
      campaign(backend);
      agreedOn.add(String.format(Locale.ROOT, "%,d random programs", tries));
    }

    if (!failures.isEmpty()) {
      out().println("verdict: COUNTEREXAMPLE: " + String.join("; ", failures));
      out().flush();
      return ExitCodes.FOUND;
    }
    if (!notShown.isEmpty()) {
      out().println("verdict: NOT SHOWN: no counterexample, but " + String.join("; ", notShown));
      out().flush();
      return ExitCodes.FOUND;
    }
    if (!main.lemmas().stream().allMatch(StageLemma::withinBudget)) {
      out().println("verdict: OVER BUDGET: every check holds but a stage uses more layers than"
          + " the paper allows");
      out().flush();
      return ExitCodes.FOUND;
    }
    agreedOn.removeIf(String::isEmpty);
    String runs = agreedOn.isEmpty() ? "no state or program was run against the reference machine"
        : "the network agrees with the reference machine on " + and(agreedOn);
    out().printf(Locale.ROOT, "verdict: HOLDS: all %d stage lemmas proved for all inputs of %s"
        + " and re-checked by the independent checker, every stage within the paper's budget (%d"
        + " layers against %d), and %s%s%n", main.lemmas().size(), Configs.format(proofConfig),
        main.depth(), paperDepth(main), runs,
        tries == 0 ? " (no random programs: --tries 0)" : "");
    out().flush();
    return ExitCodes.OK;
  }

  static int paperDepth(Construction c) {
    return c.lemmas().stream().mapToInt(StageLemma::budget).sum();
  }

  /**
   * One pass against one reference step on every state of small sizes; returns what the network
   * was shown to agree on (empty when nothing was enumerated).
   */
  private String exhaustive(Backend backend) {
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
          + " left to the proofs above%s%n%n", Configs.format(config), MAX_EXHAUSTIVE_STATES,
          tries > 0 ? " and the campaign below" : "");
      return "";
    }
    List<String> sizes = new ArrayList<>();
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
      List<String> problems = new ArrayList<>();
      reportExhaustive(e, r, out(), problems);
      (r.firstDisagreement().isPresent() ? failures : notShown).addAll(problems);
      sizes.add(Configs.format(e.config()));
    }
    out().println();
    out().flush();
    return "every state of " + and(sizes);
  }

  /** {@code "a"}, {@code "a and b"}, {@code "a, b and c"}. */
  static String and(List<String> items) {
    int n = items.size();
    return n <= 1 ? String.join("", items)
        : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
  }

  /**
   * One line per enumeration: all agree, the first disagreement, or NOT SHOWN when the check
   * was refused (enumerating one instruction at pc covers every program only when the weights
   * show that a pass copies the other slots; without that it shows nothing either way). Adds
   * to {@code problems} whatever keeps the verdict from HOLDS.
   */
  static void reportExhaustive(Exhaustive e, ExhaustiveCheck.Result r, PrintWriter out,
      List<String> problems) {
    out.printf(Locale.ROOT, "  %-8s %,10d states  %-9s  (%s)%n", Configs.format(e.config()),
        r.states(), r.proved() ? "all agree" : r.firstDisagreement().isPresent() ? "DISAGREE"
            : "NOT SHOWN", scopeLabel(e.scope()));
    r.firstDisagreement().ifPresent(d -> {
      out.println("    first disagreement: " + d.summary() + ", from " + d.before());
      problems.add("exhaustive check of " + Configs.format(e.config()));
    });
    r.independenceFailure().ifPresent(f -> {
      out.println("    refused: the pass reads the program beyond pc (" + f + ")");
      problems.add("every state of " + Configs.format(e.config()) + " not shown (slot"
          + " independence fails)");
    });
    if (!r.proved() && r.firstDisagreement().isEmpty() && r.independenceFailure().isEmpty()) {
      problems.add("every state of " + Configs.format(e.config()) + " not shown ("
          + r.checked() + " of " + r.states() + " states checked)");
    }
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
