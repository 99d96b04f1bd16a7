package org.loopmlp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopmlp stats}: the size of the construction, per stage or across a range of sizes. The
 * options are parsed here; the machine's front end ({@code --isa}) measures.
 */
@Command(
    name = "stats",
    header = "Size of the construction: layers per stage against the paper, weights, width.",
    description = {
        "For one size, builds the network and prints one line per stage (the paper's "
            + "layer budget, our layers, non-zero weights, parameters, widest layer). With a "
            + "range such as --data 4..16, prints one row per size from the exact closed form "
            + "(no build), so you can see how the weights grow; add --build to build and "
            + "measure each size instead."
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  loopmlp stats                          # N=8, A=4, C=4, per stage",
        "  loopmlp stats --word 16 --data 4..16   # one row per data size",
        "  loopmlp stats --data 4..12 --csv > sizes.csv"
    })
final class StatsCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Option(names = "--word", paramLabel = "N", converter = IntRange.Converter.class,
      description = "Word bits N, or a range like 8..32 (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  IntRange word;

  @Option(names = "--data", paramLabel = "A", converter = IntRange.Converter.class,
      description = "Data address bits A (2^A words), or a range (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  IntRange data;

  @Option(names = "--code", paramLabel = "C", converter = IntRange.Converter.class,
      description = "Code address bits C (2^C slots), or a range (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  IntRange code;

  @Mixin IsaOption isa;

  @Option(names = "--memory-bits", paramLabel = "A", converter = IntRange.Converter.class,
      description = "--isa classic: memory address bits A (2^A words), or a range (default: 4).",
      defaultValue = "4")
  IntRange memoryBits;

  @Option(names = "--csv", description = "Print CSV (with a header line) instead of a table.")
  boolean csv;

  @Option(names = "--build",
      description = "With a range: build every size and measure it (slower) instead of the"
          + " closed form.")
  boolean build;

  @Override
  public Integer call() {
    return isa.frontEnd().stats(this);
  }
}
