package org.loopmlp.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopmlp run-corpus DIR}: every program of a corpus folder, network beside reference. */
@Command(
    name = "run-corpus",
    header = "Run every program of a corpus folder through the network beside the reference"
        + " machine.",
    description = {
        "Reads the table of DIR/MANIFEST.md whose header is '| program | N | A | steps | input "
            + "|' and runs each NAME.slq (with NAME.input as its input when present) at word "
            + "size N and 2^A words through the network (checked mode off) in lockstep with the "
            + "reference machine, and prints one row per program: N, A, steps, the network's "
            + "weights, passes per second, the reference machine's steps per second on the same "
            + "program and the ratio of the two, whether the output equals NAME.expected, and "
            + "whether the network agreed with the reference machine at every step.",
        "",
        "The corpus programs are classic memory images: give --isa classic."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 every program that ran to its end printed its expected bytes and every",
        "run agreed at every step, 1 otherwise, 2 usage or input error.",
        "",
        "Examples:",
        "  loopmlp run-corpus corpus/ --isa classic --backend incremental",
        "  loopmlp run-corpus corpus/ --isa classic --only hello,echo --seconds 60"
    })
final class CorpusCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "DIR", description = "The corpus folder (with"
      + " MANIFEST.md).")
  Path dir;

  @Mixin IsaOption isa;

  @Mixin ConstructionOption constructionOption;

  @Mixin BackendOption backendOption;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "300",
      description = "End a program's run after S seconds; its row then says how far it got"
          + " (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--max-words", paramLabel = "W",
      description = "Skip programs with more than W words of memory (default: no limit).")
  Long maxWords;

  @Option(names = "--only", paramLabel = "NAME", split = ",",
      description = "Run only these programs of the manifest, comma-separated.")
  List<String> only;

  @Override
  public Integer call() {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw UserError.because("--seconds must be a number of seconds > 0, was %s", seconds);
    }
    if (maxWords != null && maxWords < 1) {
      throw UserError.because("--max-words must be >= 1, was %d", maxWords);
    }
    return isa.frontEnd().runCorpus(this);
  }
}
