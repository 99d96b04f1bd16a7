package org.loopmlp.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopmlp prove}: every stage lemma for all inputs of one size, with a certificate. */
@Command(
    name = "prove",
    header = "Prove every stage lemma for all inputs of one size; write and check a certificate.",
    description = {
        "Proves each stage lemma of the construction (six for paper; four for compact, onehot, "
            + "onehot-split and narrow, which merge stages) for every input of the given size, by "
            + "exact interval reasoning on a case split of the control bits (pc for fetch, "
            + "the address registers for read and write, the carries for subtract, the flag "
            + "for branch). With --out, writes the network and a certificate (the case split "
            + "and the on/off fact of every neuron in every case) into DIR, then runs the "
            + "small independent checker on those two files: it re-derives every fact in "
            + "exact rational arithmetic without the construction's code.",
        "",
        "With --isa classic, --config is N,A (word bits, memory address bits) and the "
            + "classic construction's stage lemmas are proved the same way."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 proved (and the certificate accepted); 1 a counterexample, a",
        "stage not proved within the case budget, or a rejected certificate; 2 usage",
        "or input error.",
        "",
        "Examples:",
        "  loopmlp prove --config 16,10,10",
        "  loopmlp prove --config 8,6,6 --out proof-8-6-6",
        "  loopmlp prove --config 8,6,6 --out proof-8-6-6 --force   # replace that proof",
        "  loopmlp prove --config 16,10,10 --construction compact --out proof-compact",
        "  loopmlp prove --config 32,10,10 --construction narrow --format float16",
        "  loopmlp prove --precision-table 6,6",
        "  loopmlp prove --isa classic --config 16,8 --out proof-classic",
        "  loopmlp prove --isa classic --construction classic-narrow --config 16,10 --format"
            + " float16",
        "  loopmlp prove --isa classic --precision-table 10"
    })
final class ProveCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Option(names = "--config", paramLabel = "N,A,C",
      description = "Word bits, data address bits, code address bits, e.g. 16,10,10; with"
          + " --isa classic N,A (word bits, memory address bits), e.g. 16,8.")
  String configText;

  @Mixin IsaOption isa;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Also prove that one pass equals one step when every layer is evaluated in "
          + "FORMAT (float16, bfloat16, float32, float64): every partial sum of every neuron "
          + "is an integer within 2^p, so exact in any summation order.")
  String format;

  @Option(names = "--precision-table", paramLabel = "A,C", arity = "0..1",
      fallbackValue = DEFAULT_TABLE,
      description = "Prove paper, compact and narrow for N = 8, 16, 32, 64 at data and code "
          + "address bits A,C (default 6,6) and print the narrowest format proved exact; with"
          + " --isa classic, every classic construction for N = 4, 8, 12, 16, 24, 32 at memory"
          + " address bits A (default 6).")
  String precisionTable;

  /** {@code --precision-table} without a value: each machine's default size. */
  static final String DEFAULT_TABLE = "default";

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write network.txt.gz and certificate.txt.gz here (a new or empty"
          + " directory, see --force), then check them.")
  Path out;

  @Option(names = "--force",
      description = "Write into --out DIR even when it is not empty (replacing the network and"
          + " certificate there; other files are left alone).")
  boolean force;

  @Option(names = "--case-budget", paramLabel = "K",
      description = "Give up on a stage after K cases (default: 2^24).")
  Long caseBudget;

  @Override
  public Integer call() {
    if (caseBudget != null && caseBudget < 1) {
      throw UserError.because("--case-budget must be >= 1, was %d", caseBudget);
    }
    if (force && out == null) {
      throw UserError.because("--force replaces the proof in --out DIR: give --out too");
    }
    return isa.frontEnd().prove(this);
  }
}
