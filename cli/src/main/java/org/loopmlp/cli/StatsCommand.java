package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.NarrowConstruction;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeReport;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopmlp stats}: the size of the construction, per stage or across a range of sizes. */
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

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (default) or classic (sizes N and --memory-bits A).")
  String isa;

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
    if (isa.equals("classic")) {
      return ClassicStats.print(constructionOption.classicName(), word, memoryBits, csv, build,
          out(), err());
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    // Each bound of MachineConfig is an interval per dimension, so checking the two corners
    // checks every size of the ranges, before a range as wide as 1..2^31 is expanded.
    Configs.of(word.first(), data.first(), code.first());
    Configs.of(word.last(), data.last(), code.last());
    List<MachineConfig> configs = new ArrayList<>();
    for (int n : word.values().toArray()) {
      for (int a : data.values().toArray()) {
        for (int c : code.values().toArray()) {
          configs.add(Configs.of(n, a, c));
        }
      }
    }
    if (configs.size() == 1) {
      MachineConfig config = configs.get(0);
      try {
        Builds.requireFits(constructionOption.name(), config);
      } catch (UserError e) {
        // One size is built and measured; a range is printed from the closed form, which
        // needs no heap, so name a range that includes this size.
        int a = config.dataBits();
        String range = a > 1 ? (a - 1) + ".." + a : a + ".." + (a + 1);
        throw new UserError(e.getMessage() + "; a range is shown from the closed form without"
            + " building, e.g. --data " + range);
      }
      SizeReport report = SizeReport.of(Builds.build(constructionOption.name(), config, err()));
      out().print(csv ? report.toCsv() : report.toTable());
      out().flush();
      return ExitCodes.OK;
    }
    List<Row> rows = new ArrayList<>();
    String name = constructionOption.name();
    if (!build && name.equals(CompactConstruction.NAME)) {
      throw UserError.because("the %s construction has no exact closed form; add --build to"
          + " measure it at every size", name);
    }
    if (build) {
      for (MachineConfig config : configs) {
        Builds.requireFits(name, config);
      }
      try (Progress progress = Progress.start(err(), "stats", configs.size(), "sizes")) {
        for (MachineConfig config : configs) {
          Construction c = Builds.build(constructionOption.name(), config, err());
          rows.add(Row.measured(SizeReport.of(c),
              SizeReport.estimate(name, config).orElseThrow()));
          progress.advance();
        }
      }
    } else {
      for (MachineConfig config : configs) {
        rows.add(Row.estimated(SizeReport.estimate(name, config).orElseThrow()));
      }
    }
    print(rows);
    return ExitCodes.OK;
  }

  /** One size: measured on a built network, or from the closed form. */
  record Row(MachineConfig config, int depth, long stateDimension, long widestLayer,
      long nonZeros, long parameters, long memoryBytes, boolean measured) {
    static Row estimated(SizeEstimate<MachineConfig> e) {
      return new Row(e.config(), e.depth(), e.stateDimension(), e.widestLayer(), e.nonZeros(),
          e.parameters(), e.memoryBytes(), false);
    }

    static Row measured(SizeReport r, SizeEstimate<MachineConfig> e) {
      return new Row(r.config(), r.depth(), r.stateDimension(), r.widestLayer(), r.nonZeros(),
          r.parameters(), e.memoryBytes(), true);
    }
  }

  private void print(List<Row> rows) {
    if (csv) {
      out().println("N,A,C,m,k,layers,paper_layers,state_dimension,widest_layer,nnz,parameters,"
          + "memory_bytes,source");
      for (Row r : rows) {
        MachineConfig c = r.config();
        out().printf(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s%n", c.wordBits(),
            c.dataBits(), c.codeBits(), c.dataSize(), c.codeSize(), r.depth(),
            PaperStage.PAPER_TOTAL_LAYERS, r.stateDimension(), r.widestLayer(), r.nonZeros(),
            r.parameters(), r.memoryBytes(), r.measured() ? "built" : "closed form");
      }
    } else {
      out().printf(Locale.ROOT, "%s construction, %s (paper: %d layers)%n",
          constructionOption.name(),
          build ? "measured on built networks" : "closed form (exact; no build)",
          PaperStage.PAPER_TOTAL_LAYERS);
      out().printf(Locale.ROOT, "%4s %3s %3s %9s %9s %6s %12s %12s %15s %15s %11s%n", "N", "A",
          "C", "m", "k", "layers", "state dim", "widest", "nnz", "parameters", "memory est.");
      for (Row r : rows) {
        MachineConfig c = r.config();
        out().printf(Locale.ROOT, "%4d %3d %3d %9d %9d %6d %12d %12d %15d %15d %11s%n",
            c.wordBits(), c.dataBits(), c.codeBits(), c.dataSize(), c.codeSize(), r.depth(),
            r.stateDimension(), r.widestLayer(), r.nonZeros(), r.parameters(),
            MemoryBudget.mib(r.memoryBytes()));
      }
    }
    out().flush();
  }
}
