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
import org.loopmlp.verify.Counterexample;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.Disagreement;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.PaperTrials;

/**
 * {@code check} on this project's machine: the construction against the paper's claim and the
 * reference machine, from complete proofs down to random programs (SPEC §9), with one verdict.
 */
final class PaperCheck {
  /** The size of the lemma proofs without --config. */
  static final MachineConfig PROOF_CONFIG = MachineConfig.of(16, 8, 8);
  /** The box random sizes are drawn from without --config. */
  static final ConfigRange DEFAULT_RANGE = ConfigRange.upTo(16, 4, 4);
  /** Exhaustive checks without --config: every program at the smallest sizes, then pc slots. */
  static final List<Exhaustive> DEFAULT_EXHAUSTIVE = List.of(
      new Exhaustive(MachineConfig.of(2, 1, 1), PaperStates.Scope.ALL_PROGRAMS),
      new Exhaustive(MachineConfig.of(3, 1, 1), PaperStates.Scope.ALL_PROGRAMS),
      new Exhaustive(MachineConfig.of(2, 2, 1), PaperStates.Scope.SLOT_AT_PC));
  /** Largest enumeration run for a --config (about 20 s on one core). */
  static final long MAX_EXHAUSTIVE_STATES = 500_000;
  /** Step limit for the example programs (they all halt well within it). */
  static final int EXAMPLE_STEPS = 100_000;

  record Exhaustive(MachineConfig config, PaperStates.Scope scope) {}

  /** Counterexamples found, and claims not shown: either keeps the verdict from HOLDS. */
  private final List<String> failures = new ArrayList<>();
  private final List<String> notShown = new ArrayList<>();

  private final CheckCommand o;
  private final Backend backend;
  private final String name;
  /** The --config size, or null for the default checks. */
  private final MachineConfig config;

  private PaperCheck(CheckCommand o, MachineConfig config) {
    this.o = o;
    this.backend = o.backendOption.backend();
    this.name = o.constructionOption.name();
    this.config = config;
  }

  static int run(CheckCommand o) {
    MachineConfig config = o.configText == null ? null : Configs.parseOption(o.configText);
    return new PaperCheck(o, config).check();
  }

  private int check() {
    MachineConfig proofConfig = config != null ? config : PROOF_CONFIG;
    Builds.requireFits(proofConfig);
    o.out().printf(Locale.ROOT, "loopmlp check: %s construction, backend %s, seed %d%n%n",
        name, backend.name(), o.seed);
    o.out().flush();
    Construction main = Builds.build(name, proofConfig, o.err());
    LemmaTable.Outcome lemmas = LemmaTable.print(main, backend.isExact(), o.out(), o.err());
    failures.addAll(lemmas.counterexamples());
    notShown.addAll(lemmas.notShown());
    List<String> agreedOn = new ArrayList<>();
    agreedOn.add(exhaustive());
    if (config == null) {
      examples();
      agreedOn.add("every example program");
    }
    if (o.tries > 0) {
      campaign();
      agreedOn.add(String.format(Locale.ROOT, "%,d random programs", o.tries));
    }
    return verdict(main, proofConfig, agreedOn);
  }

  private int verdict(Construction main, MachineConfig proofConfig, List<String> agreedOn) {
    String problem = !failures.isEmpty()
        ? "COUNTEREXAMPLE: " + String.join("; ", failures)
        : !notShown.isEmpty() ? "NOT SHOWN: no counterexample, but " + String.join("; ", notShown)
        : !main.lemmas().stream().allMatch(StageLemma::withinBudget) ? "OVER BUDGET: every check"
            + " holds but a stage uses more layers than the paper allows"
        : null;
    if (problem != null) {
      o.out().println("verdict: " + problem);
      o.out().flush();
      return ExitCodes.FOUND;
    }
    agreedOn.removeIf(String::isEmpty);
    String runs = agreedOn.isEmpty() ? "no state or program was run against the reference machine"
        : "the network agrees with the reference machine on " + and(agreedOn);
    o.out().printf(Locale.ROOT, "verdict: HOLDS: all %d stage lemmas proved for all inputs of %s"
        + " and re-checked by the independent checker, every stage within the paper's budget (%d"
        + " layers against %d), and %s%s%n", main.lemmas().size(), Configs.format(proofConfig),
        main.depth(), paperDepth(main), runs,
        o.tries == 0 ? " (no random programs: --tries 0)" : "");
    o.out().flush();
    return ExitCodes.OK;
  }

  static int paperDepth(Construction c) {
    return c.lemmas().stream().mapToInt(StageLemma::budget).sum();
  }

  /**
   * One pass against one reference step on every state of small sizes; returns what the network
   * was shown to agree on (empty when nothing was enumerated).
   */
  private String exhaustive() {
    List<Exhaustive> runs = new ArrayList<>();
    if (config == null) {
      runs.addAll(DEFAULT_EXHAUSTIVE);
    } else {
      for (PaperStates.Scope scope : PaperStates.Scope.values()) {
        if (PaperStates.stateCount(config, scope)
            .compareTo(BigInteger.valueOf(MAX_EXHAUSTIVE_STATES)) <= 0) {
          runs.add(new Exhaustive(config, scope));
          break;
        }
      }
    }
    o.out().println("every state: one pass of the network equals one step of the reference"
        + " machine");
    if (runs.isEmpty()) {
      o.out().printf(Locale.ROOT, "  %s has more than %,d states even with one instruction at pc;"
          + " left to the proofs above%s%n%n", Configs.format(config), MAX_EXHAUSTIVE_STATES,
          o.tries > 0 ? " and the campaign below" : "");
      return "";
    }
    List<String> sizes = new ArrayList<>();
    for (Exhaustive e : runs) {
      long states = PaperStates.stateCount(e.config(), e.scope()).longValueExact();
      ExhaustiveCheck.Result<Disagreement> r;
      try (Progress progress = Progress.start(o.err(), "every state of " + Configs.format(
          e.config()), states, "states")) {
        r = PaperStates.check(Constructions.build(name, e.config()), e.scope(), backend)
            .run(progress.campaign());
      }
      List<String> problems = new ArrayList<>();
      reportExhaustive(e, r, o.out(), problems);
      (r.firstDisagreement().isPresent() ? failures : notShown).addAll(problems);
      sizes.add(Configs.format(e.config()));
    }
    o.out().println();
    o.out().flush();
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
  static void reportExhaustive(Exhaustive e, ExhaustiveCheck.Result<Disagreement> r,
      PrintWriter out,
      List<String> problems) {
    out.printf(Locale.ROOT, "  %-8s %,10d states  %-9s  (%s)%n", Configs.format(e.config()),
        r.states(), r.proved() ? "all agree" : r.firstDisagreement().isPresent() ? "DISAGREE"
            : "NOT SHOWN", scopeLabel(e.scope()));
    r.firstDisagreement().ifPresent(d -> {
      out.println("    first disagreement: " + d.summary() + ", from " + d.before());
      problems.add("exhaustive check of " + Configs.format(e.config()));
    });
    r.refused().ifPresent(f -> {
      out.println("    refused: the pass reads the program beyond pc (" + f + ")");
      problems.add("every state of " + Configs.format(e.config()) + " not shown (slot"
          + " independence fails)");
    });
    if (!r.proved() && r.firstDisagreement().isEmpty() && r.refused().isEmpty()) {
      problems.add("every state of " + Configs.format(e.config()) + " not shown ("
          + r.checked() + " of " + r.states() + " states checked)");
    }
  }

  /** Every example program, network in checked mode against the reference machine. */
  private void examples() {
    o.out().printf(Locale.ROOT, "example programs (network in checked mode against the reference"
        + " machine)%n");
    for (Example e : ExampleLibrary.all()) {
      SqProgram p = e.program();
      Builds.requireFits(p.config());
      Construction c = Constructions.build(name, p.config());
      Differential.Outcome r = Differential.run(LoopedMlp.checked(c, backend), p.program(),
          p.initialState(), EXAMPLE_STEPS);
      if (r.disagreement().isPresent()) {
        o.out().printf(Locale.ROOT, "  %-11s %-8s DISAGREE: %s (rerun: loopmlp run"
            + " examples/%s.sq)%n", e.name(), Configs.format(p.config()),
            r.disagreement().get().describe(), e.name());
        failures.add("example " + e.name());
        continue;
      }
      o.out().printf(Locale.ROOT, "  %-11s %-8s %6d steps  %-8s agree  %s%n", e.name(),
          Configs.format(p.config()), r.mlp().steps(), r.mlp().halted() ? "halted" : "running",
          shorten(describe(e), 64));
    }
    o.out().println();
    o.out().flush();
  }

  /** Random programs and states, shrunk to a minimal counterexample on failure. */
  private void campaign() {
    ConfigRange range = config != null ? ConfigRange.exactly(config) : DEFAULT_RANGE;
    Builds.requireFits(range.largest());
    DifferentialCampaign.Result<Counterexample> r;
    try (Progress progress = Progress.start(o.err(), "random programs", o.tries, "programs")) {
      r = PaperTrials.of(name, cfg -> Constructions.build(name, cfg), backend).run(
          PaperTrials.Settings.of(range, o.tries, o.seed).withPasses(o.passes),
          progress.campaign());
    }
    o.out().println("random programs, checked after every layer of every pass");
    r.report().lines().forEach(l -> o.out().println("  " + l));
    Optional<String> rerun = r.counterexample().map(x -> String.format(Locale.ROOT,
        "  rerun: loopmlp check%s --seed %d --tries %d --passes %d --backend %s   (or save the"
            + " .sq text above and: loopmlp run FILE.sq --backend %s)",
        config == null ? "" : " --config " + Configs.format(config), o.seed, o.tries, o.passes,
        backend.name(), backend.name()));
    rerun.ifPresent(o.out()::println);
    r.counterexample().ifPresent(x -> failures.add("random program at "
        + Configs.format(x.config()) + ", shrunk, " + x.disagreement().summary()));
    o.out().println();
    o.out().flush();
  }

  private static String scopeLabel(PaperStates.Scope scope) {
    return scope == PaperStates.Scope.ALL_PROGRAMS ? "every program, memory and pc"
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
