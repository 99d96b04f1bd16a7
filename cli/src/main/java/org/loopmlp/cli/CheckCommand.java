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

  @Option(names = "--config", paramLabel = "N,A,C",
      description = "Check this size only: word bits, data address bits, code address bits;"
          + " with --isa classic N,A (word bits, memory address bits).")
  String configText;

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

  @Mixin IsaOption isa;

  @Mixin ClassicSize classicSize;

  @Override
  public Integer call() {
    if (tries < 0) {
      throw UserError.because("--tries must be >= 0, was %d", tries);
    }
    if (passes < 1) {
      throw UserError.because("--passes must be >= 1, was %d", passes);
    }
    return isa.frontEnd().check(this);
  }
}
