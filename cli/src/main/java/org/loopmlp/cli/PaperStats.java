package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeReport;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.isa.MachineConfig;

/** {@code stats} on this project's machine: per stage for one size, or one row per size. */
final class PaperStats {
  private final StatsCommand o;
  private final String name;

  private PaperStats(StatsCommand o) {
    this.o = o;
    this.name = o.constructionOption.name();
  }

  static int run(StatsCommand o) {
    return new PaperStats(o).print();
  }

  private int print() {
    List<MachineConfig> configs = configs();
    if (configs.size() == 1) {
      return oneSize(configs.get(0));
    }
    if (!o.build && name.equals(CompactConstruction.NAME)) {
      throw UserError.because("the %s construction has no exact closed form; add --build to"
          + " measure it at every size", name);
    }
    List<Row> rows = new ArrayList<>();
    if (o.build) {
      for (MachineConfig config : configs) {
        Builds.requireFits(name, config);
      }
      try (Progress progress = Progress.start(o.err(), "stats", configs.size(), "sizes")) {
        for (MachineConfig config : configs) {
          Construction c = Builds.build(name, config, o.err());
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
    printRows(rows);
    return ExitCodes.OK;
  }

  private List<MachineConfig> configs() {
    // Each bound of MachineConfig is an interval per dimension, so checking the two corners
    // checks every size of the ranges, before a range as wide as 1..2^31 is expanded.
    Configs.of(o.word.first(), o.data.first(), o.code.first());
    Configs.of(o.word.last(), o.data.last(), o.code.last());
    List<MachineConfig> configs = new ArrayList<>();
    for (int n : o.word.values().toArray()) {
      for (int a : o.data.values().toArray()) {
        for (int c : o.code.values().toArray()) {
          configs.add(Configs.of(n, a, c));
        }
      }
    }
    return configs;
  }

  private int oneSize(MachineConfig config) {
    try {
      Builds.requireFits(name, config);
    } catch (UserError e) {
      // One size is built and measured; a range is printed from the closed form, which
      // needs no heap, so name a range that includes this size.
      int a = config.dataBits();
      String range = a > 1 ? (a - 1) + ".." + a : a + ".." + (a + 1);
      throw new UserError(e.getMessage() + "; a range is shown from the closed form without"
          + " building, e.g. --data " + range);
    }
    SizeReport report = SizeReport.of(Builds.build(name, config, o.err()));
    o.out().print(o.csv ? report.toCsv() : report.toTable());
    o.out().flush();
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

  private void printRows(List<Row> rows) {
    if (o.csv) {
      o.out().println("N,A,C,m,k,layers,paper_layers,state_dimension,widest_layer,nnz,"
          + "parameters,memory_bytes,source");
      for (Row r : rows) {
        MachineConfig c = r.config();
        o.out().printf(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s%n", c.wordBits(),
            c.dataBits(), c.codeBits(), c.dataSize(), c.codeSize(), r.depth(),
            PaperStage.PAPER_TOTAL_LAYERS, r.stateDimension(), r.widestLayer(), r.nonZeros(),
            r.parameters(), r.memoryBytes(), r.measured() ? "built" : "closed form");
      }
    } else {
      o.out().printf(Locale.ROOT, "%s construction, %s (paper: %d layers)%n", name,
          o.build ? "measured on built networks" : "closed form (exact; no build)",
          PaperStage.PAPER_TOTAL_LAYERS);
      o.out().printf(Locale.ROOT, "%4s %3s %3s %9s %9s %6s %12s %12s %15s %15s %11s%n", "N",
          "A", "C", "m", "k", "layers", "state dim", "widest", "nnz", "parameters",
          "memory est.");
      for (Row r : rows) {
        MachineConfig c = r.config();
        o.out().printf(Locale.ROOT, "%4d %3d %3d %9d %9d %6d %12d %12d %15d %15d %11s%n",
            c.wordBits(), c.dataBits(), c.codeBits(), c.dataSize(), c.codeSize(), r.depth(),
            r.stateDimension(), r.widestLayer(), r.nonZeros(), r.parameters(),
            MemoryBudget.mib(r.memoryBytes()));
      }
    }
    o.out().flush();
  }
}
