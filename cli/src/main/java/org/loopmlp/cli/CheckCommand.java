package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.asm.SqPrinter;
import org.loopmlp.isa.asm.SqProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopmlp check}: checks the construction against the paper's claim and the reference
 * machine: the lemma table (one lemma per stage, checked after every layer of every pass) and a
 * differential campaign of random programs and states. One verdict line at the end.
 */
@Command(
    name = "check",
    header = "Check the construction: stage lemmas, layer budgets, random programs.",
    description = {
        "Builds the network, runs random programs and states (edge values such as 0, -1, the",
        "most negative word and powers of two are mixed in) through the network in checked",
        "mode and through the reference machine, and compares every pass. Checked mode tests,",
        "after every layer, each direction's invariant and, after every stage, the stage's",
        "lemma (its postcondition, stated with the reference machine's own values, and its",
        "frame). Prints the lemma table and one verdict line.",
        "",
        "Without --config, also runs every example program, and checks the sizes",
        "2,1,1  4,2,2  8,4,4  16,4,4  (N,A,C)."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 everything holds, 1 a counterexample was found (printed), 2 usage error.",
        "",
        "Examples:",
        "  loopmlp check",
        "  loopmlp check --config 16,6,5 --tries 2000 --seed 7"
    })
final class CheckCommand extends Subcommand {
  static final List<MachineConfig> DEFAULT_CONFIGS = List.of(
      MachineConfig.of(2, 1, 1), MachineConfig.of(4, 2, 2), MachineConfig.of(8, 4, 4),
      MachineConfig.of(16, 4, 4));
  /** Step limit for the example programs (they all halt well within it). */
  static final int EXAMPLE_STEPS = 100_000;

  @Option(names = "--config", paramLabel = "N,A,C", converter = Configs.class,
      description = "Check only this size: word bits, data address bits, code address bits.")
  MachineConfig config;

  @Option(names = "--tries", paramLabel = "T", defaultValue = "1000",
      description = "Random programs per size (default: ${DEFAULT-VALUE}).")
  int tries;

  @Option(names = "--passes", paramLabel = "P", defaultValue = "64",
      description = "Passes (executed instructions) per random program (default:"
          + " ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the random programs; the same seed gives the same run (default:"
          + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--backend", paramLabel = "B", defaultValue = "exact",
      description = "Arithmetic of the network: ${COMPLETION-CANDIDATES} (default:"
          + " ${DEFAULT-VALUE}).",
      completionCandidates = BackendNames.class)
  String backendName;

  /** Tally of one lemma over all passes. */
  private static final class LemmaTally {
    final StageLemma lemma;
    long passes;

    LemmaTally(StageLemma lemma) {
      this.lemma = lemma;
    }
  }

  @Override
  public Integer call() {
    if (tries < 0) {
      throw UserError.because("--tries must be >= 0, was %d", tries);
    }
    if (passes < 1) {
      throw UserError.because("--passes must be >= 1, was %d", passes);
    }
    Backend backend = BackendNames.backend(backendName);
    List<MachineConfig> configs = config != null ? List.of(config) : DEFAULT_CONFIGS;
    for (MachineConfig c : configs) {
      Builds.requireFits(c);
    }
    out().printf(Locale.ROOT, "loopmlp check: paper construction, backend %s, seed %d%n%n",
        backend.name(), seed);
    out().flush();

    Map<MachineConfig, Construction> built = new LinkedHashMap<>();
    for (MachineConfig c : configs) {
      built.put(c, Builds.paper(c, err()));
    }
    Construction main = built.get(configs.get(configs.size() - 1));
    Map<String, LemmaTally> tallies = new LinkedHashMap<>();
    for (StageLemma l : main.lemmas()) {
      tallies.put(l.name(), new LemmaTally(l));
    }

    long totalPasses = 0;
    long halted = 0;
    Optional<Failure> failure = Optional.empty();
    List<String> exampleLines = new ArrayList<>();
    List<Example> examples = config == null ? ExampleLibrary.all() : List.of();
    for (Example e : examples) {
      if (failure.isPresent()) {
        break;
      }
      SqProgram p = e.program();
      Builds.requireFits(p.config());
      Construction ec = built.computeIfAbsent(p.config(), k -> Builds.paper(k, err()));
      Differential.Outcome o = Differential.run(LoopedMlp.checked(ec, backend), p.program(),
          p.initialState(), EXAMPLE_STEPS);
      if (o.disagreement().isPresent()) {
        failure = Optional.of(new Failure(p.config(), -1, e.name(), e.sourceText(),
            p.initialState(), o.disagreement().get()));
        exampleLines.add(String.format(Locale.ROOT, "  %-11s %-8s COUNTEREXAMPLE", e.name(),
            Configs.format(p.config())));
        break;
      }
      totalPasses += o.passes();
      exampleLines.add(String.format(Locale.ROOT, "  %-11s %-8s %6d steps  %-8s agree  %s",
          e.name(), Configs.format(p.config()), o.mlp().steps(),
          o.mlp().halted() ? "halted" : "running", shorten(e.description(), 60)));
    }
    long exampleTotal = failure.isPresent() ? 0 : (long) tries * configs.size();
    try (Progress progress = Progress.start(err(), "check", exampleTotal, "programs")) {
      outer:
      for (MachineConfig c : failure.isPresent() ? List.<MachineConfig>of() : configs) {
        LoopedMlp mlp = LoopedMlp.checked(built.get(c), backend);
        for (int t = 0; t < tries; t++) {
          RandomMachines.Input in = RandomMachines.generate(c, seed, t);
          Differential.Outcome o = Differential.run(mlp, in.program(), in.state(), passes);
          progress.advance();
          if (o.disagreement().isPresent()) {
            failure = Optional.of(new Failure(c, t, null, SqPrinter.print(SqProgram.of(
                in.program(), in.state())), in.state(), o.disagreement().get()));
            break outer;
          }
          totalPasses += o.passes();
          halted += o.referenceHalted() ? 1 : 0;
        }
      }
    }
    for (LemmaTally t : tallies.values()) {
      t.passes = totalPasses;
    }

    printLemmaTable(main, tallies, failure);
    out().println();
    if (!examples.isEmpty()) {
      out().printf(Locale.ROOT, "example programs (network in checked mode against the"
          + " reference machine, at most %d steps)%n", EXAMPLE_STEPS);
      exampleLines.forEach(out()::println);
      out().println();
    }
    out().printf(Locale.ROOT, "random programs: %d sizes x %d programs, up to %d passes each;"
        + " %d passes checked, %d programs halted%n", configs.size(), tries, passes,
        totalPasses, halted);
    out().println();
    if (failure.isPresent()) {
      Failure f = failure.get();
      printCounterexample(f);
      out().printf(Locale.ROOT, "verdict: COUNTEREXAMPLE at %s, pass %d: %s%n",
          Configs.format(f.config()), f.disagreement().pass(), f.disagreement().where());
      out().flush();
      return ExitCodes.FOUND;
    }
    if (!allWithinBudget(main)) {
      out().printf(Locale.ROOT, "verdict: OVER BUDGET: the network agrees with the reference"
          + " machine but a stage uses more layers than the paper allows%n");
      out().flush();
      return ExitCodes.FOUND;
    }
    out().printf(Locale.ROOT, "verdict: HOLDS: %d stage lemmas, every stage within the paper's"
        + " budget (%d layers against %d), %d checked passes%s agree with the reference"
        + " machine%n", main.lemmas().size(), main.depth(), paperDepth(main), totalPasses,
        examples.isEmpty() ? "" : " (" + examples.size() + " example programs and "
            + (long) tries * configs.size() + " random ones)");
    out().flush();
    return ExitCodes.OK;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /**
   * A counterexample: from random program {@code tryIndex} (then {@code example} is null) or from
   * the example program {@code example}; {@code source} is the program as {@code .sq} text.
   */
  record Failure(MachineConfig config, int tryIndex, String example, String source,
      MachineState state, Differential.Disagreement disagreement) {}

  private static int paperDepth(Construction c) {
    return c.lemmas().stream().mapToInt(StageLemma::budget).sum();
  }

  private static boolean allWithinBudget(Construction c) {
    return c.lemmas().stream().allMatch(StageLemma::withinBudget);
  }

  private void printLemmaTable(Construction c, Map<String, LemmaTally> tallies,
      Optional<Failure> failure) {
    out().printf(Locale.ROOT, "stage lemmas (%s, shown for %s)%n", c.name(),
        Configs.format(c.config()));
    out().printf(Locale.ROOT, "  %-10s %-10s %6s %5s %7s  %-38s %s%n", "stage", "paper",
        "budget", "ours", "layers", "verified how", "result");
    for (LemmaTally t : tallies.values()) {
      StageLemma l = t.lemma;
      String result;
      if (failure.isPresent() && failure.get().disagreement().where().startsWith(
          "stage " + l.name() + ",")) {
        result = "COUNTEREXAMPLE";
      } else if (!l.withinBudget()) {
        result = "OVER BUDGET";
      } else if (failure.isPresent()) {
        result = "held until the counterexample";
      } else {
        result = "holds";
      }
      out().printf(Locale.ROOT, "  %-10s %-10s %6d %5d %7s  %-38s %s%n", l.name(),
          l.paperStage().label(), l.budget(), l.layerCount(),
          l.firstLayer() + ".." + l.lastLayer(),
          "checked after every layer, " + t.passes + " passes", result);
    }
    out().printf(Locale.ROOT, "  %-10s %-10s %6d %5d%n", "total", "", paperDepth(c), c.depth());
  }

  private void printCounterexample(Failure f) {
    Differential.Disagreement d = f.disagreement();
    MachineConfig c = f.config();
    out().println("counterexample");
    out().printf(Locale.ROOT, "  config     %s (N=%d, m=%d words, k=%d slots)%n",
        Configs.format(c), c.wordBits(), c.dataSize(), c.codeSize());
    if (f.example() != null) {
      out().printf(Locale.ROOT, "  program    example %s (rerun: loopmlp run examples/%s.sq)%n",
          f.example(), f.example());
    } else {
      out().printf(Locale.ROOT, "  seed       %d, random program %d (rerun: loopmlp check"
          + " --config %s --seed %d --tries %d --passes %d)%n", seed, f.tryIndex(),
          Configs.format(c), seed, f.tryIndex() + 1, passes);
      out().println("  program    (.sq text; save it and run: loopmlp run FILE.sq)");
      f.source().lines().forEach(l -> out().println("    " + l));
    }
    out().printf(Locale.ROOT, "  state      %s%n", f.state());
    out().printf(Locale.ROOT, "  first disagreement: %s%n", d.describe());
    out().println();
  }

  /** For readable lists of names in help texts. */
  static List<String> names(List<MachineConfig> configs) {
    List<String> names = new ArrayList<>();
    configs.forEach(c -> names.add(Configs.format(c)));
    return names;
  }
}
