package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.smt.SmtCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopmlp smt}: every stage lemma and the whole pass as SMT-LIB 2, decided by z3 (in
 * process) and cvc5 or any solver binary, beside our prover; solver counterexamples replayed;
 * {@code smt export-smtlib DIR} and {@code smt export-vnncomp DIR} write the scripts and the
 * VNN-COMP benchmark (module {@code smt}).
 */
@Command(
    name = "smt",
    header = "Check the stage lemmas with SMT solvers (z3, cvc5), and export SMT-LIB and VNN-COMP.",
    description = {
        "Writes each stage lemma of a construction as an SMT-LIB 2 script (input bits 0/1, each "
            + "neuron (ite (> z 0) z 0) over its exact affine form, the negation of the "
            + "postcondition stated from SPEC asserted goal by goal: unsat means the lemma "
            + "holds) and the whole pass against the machine's step, runs them through each "
            + "solver with a per-query timeout and prints one table: lemma, size, our prover's "
            + "verdict and time, each solver's verdict and time. A sat answer is decoded, "
            + "replayed through the reference machine and the network, and printed."
    },
    subcommands = {SmtCommand.ExportSmtlib.class, SmtCommand.ExportVnncomp.class},
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 every lemma holds and no solver found a counterexample; 1 a",
        "counterexample (printed); 2 usage or input error.",
        "",
        "Examples:",
        "  loopmlp smt --config 8,4,4 --solver z3 --solver cvc5",
        "  loopmlp smt --isa classic --config 8,4 --no-pass",
        "  loopmlp smt --isa classic --config 6,4 --fault branch-ignores-zero",
        "  loopmlp smt --config 8,4,4 --fault subtract-without-carry",
        "  loopmlp smt --config 4,2,2 --faults 20",
        "  loopmlp smt export-smtlib --config 8,4,4 out/smt",
        "  loopmlp smt export-vnncomp out/vnncomp"
    })
final class SmtCommand extends Subcommand {
  @Mixin IsaOption isa;

  @Mixin ConstructionOption constructionOption;

  @Option(names = "--config", paramLabel = "SIZES",
      description = "N,A,C (default 8,4,4); with --isa classic N,A (default 8,4).")
  String config;

  @Option(names = "--solver", paramLabel = "S",
      description = "z3 (in process; the default), cvc5 (on the PATH), or a solver binary's path."
          + " Repeat for several.")
  List<String> solvers = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "600",
      description = "Seconds per query (default 600).")
  long timeout;

  @Option(names = "--no-pass", description = "Only the stage lemmas, not the whole pass.")
  boolean noPass;

  @Option(names = "--scripts", paramLabel = "DIR", description = "Also write the scripts here.")
  Path scripts;

  @Option(names = "--fault", paramLabel = "NAME",
      description = "Check a fault fixture instead: of the paper construction (branch-on-negative,"
          + " subtract-without-carry, write-ignoring-high-bit) or, with --isa classic, of the"
          + " classic one (branch-ignores-zero, write-ignores-gate, fetch-ignores-halt).")
  String fault;

  @Option(names = "--mutant", paramLabel = "ID",
      description = "Check one single-parameter mutant (mutation campaign id) instead.")
  Integer mutant;

  @Option(names = "--faults", paramLabel = "K",
      description = "The fault campaign: the fixtures and K mutants the prover rejects and K it"
          + " accepts, each checked by the solver.")
  Integer faults;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the mutants drawn by --faults (default 1).")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (timeout < 1) {
      throw UserError.because("--timeout must be at least 1 second, was %s", timeout);
    }
    return isa.frontEnd().smt(this);
  }

  /**
   * Runs on {@code construction} (chosen by the machine's front end), at {@code --config} or
   * {@code defaultConfig}.
   */
  int run(String construction, String defaultConfig) throws IOException {
    String sizes = config == null ? defaultConfig : config;
    boolean single = fault != null || mutant != null;
    if (single || faults != null) {
      refuse("applies to the table of lemmas, not to --fault, --mutant or --faults", "--no-pass",
          "--scripts");
      if (solvers.size() > 1) {
        throw UserError.because("--fault, --mutant and --faults take one --solver, not %s",
            solvers.size());
      }
    }
    if (faults == null) {
      refuse("applies to --faults (the mutants it draws)", "--seed");
    }
    if (single && faults != null) {
      throw UserError.because("give --fault or --mutant, or --faults, not both");
    }
    try {
      Duration t = Duration.ofSeconds(timeout);
      String solver = solvers.isEmpty() ? "z3" : solvers.get(0);
      if (single) {
        return SmtCommands.faulty(construction, sizes, Optional.ofNullable(fault),
            Optional.ofNullable(mutant), solver, t, out());
      }
      if (faults != null) {
        return SmtCommands.faults(construction, sizes, faults, seed, solver, t, out());
      }
      return SmtCommands.table(construction, sizes, solvers, t, !noPass,
          Optional.ofNullable(scripts), out(), err());
    } catch (IllegalArgumentException e) {
      throw UserError.because("%s", e.getMessage());
    }
  }

  @Command(name = "export-smtlib",
      header = "Write every stage lemma and the whole pass as SMT-LIB 2 scripts.")
  static final class ExportSmtlib extends Subcommand {
    @Mixin IsaOption isa;

    @Mixin ConstructionOption constructionOption;

    @Option(names = "--config", paramLabel = "SIZES",
        description = "N,A,C (default 8,4,4); with --isa classic N,A (default 8,4).")
    String config;

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the scripts.")
    Path dir;

    @Override
    public Integer call() throws IOException {
      return isa.frontEnd().exportSmtlib(this);
    }

    /** Writes the scripts of {@code construction} at {@code --config} or the default. */
    int run(String construction, String defaultConfig) throws IOException {
      try {
        return SmtCommands.exportSmtlib(construction, config == null ? defaultConfig : config,
            dir, out());
      } catch (IllegalArgumentException e) {
        throw UserError.because("%s", e.getMessage());
      }
    }
  }

  @Command(name = "export-vnncomp",
      header = "Write the VNN-COMP benchmark (onnx/, vnnlib/, instances.csv, expected answers).")
  static final class ExportVnncomp extends Subcommand {
    static final String PER_STAGE = "6";
    static final String MUTANTS = "12";
    static final String SEED = "1";
    static final String TIMEOUT = "60";

    @Option(names = "--config", paramLabel = "N,A,C", defaultValue = "8,4,4",
        description = "Size of the paper and narrow instances (default 8,4,4).")
    String config;

    @Option(names = "--classic-memory-bits", paramLabel = "A", defaultValue = "4",
        description = "A of the classic instances (N from --config; default 4).")
    int classicMemoryBits;

    @Option(names = "--per-stage", paramLabel = "K", defaultValue = PER_STAGE,
        description = "Steps drawn per stage (default " + PER_STAGE + ").")
    int perStage;

    @Option(names = "--mutants", paramLabel = "K", defaultValue = MUTANTS,
        description = "Violated instances from mutants (default " + MUTANTS + ").")
    int mutants;

    @Option(names = "--seed", paramLabel = "S", defaultValue = SEED,
        description = "Seed of the steps and mutants (default " + SEED + ").")
    long seed;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = TIMEOUT,
        description = "Seconds z3 gets per instance (default " + TIMEOUT + ").")
    long timeout;

    @Parameters(index = "0", paramLabel = "DIR", description = "The benchmark folder.")
    Path dir;

    @Override
    public Integer call() throws IOException {
      return write(out());
    }

    private int write(PrintWriter out) throws IOException {
      try {
        return SmtCommands.exportVnncomp(config, classicMemoryBits, perStage, mutants, seed,
            Duration.ofSeconds(timeout), dir, out);
      } catch (IllegalArgumentException e) {
        throw UserError.because("%s", e.getMessage());
      }
    }

    /**
     * {@code smt export-vnncomp --config CONFIG --classic-memory-bits A DIR}, every other option
     * at its default: what {@code loopmlp export --vnncomp DIR} runs.
     */
    static int standard(String config, int classicMemoryBits, Path dir, PrintWriter out)
        throws IOException {
      ExportVnncomp e = new ExportVnncomp();
      e.config = config;
      e.classicMemoryBits = classicMemoryBits;
      e.perStage = Integer.parseInt(PER_STAGE);
      e.mutants = Integer.parseInt(MUTANTS);
      e.seed = Long.parseLong(SEED);
      e.timeout = Long.parseLong(TIMEOUT);
      e.dir = dir;
      return e.write(out);
    }
  }
}
