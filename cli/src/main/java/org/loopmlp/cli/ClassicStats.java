package org.loopmlp.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicSizes;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.isa.classic.ClassicConfig;

/** {@code stats --isa classic}: per stage for one size, or one row per size of a range. */
final class ClassicStats {
  private ClassicStats() {}

  /** One size: the per-stage table of the built network; a range: the closed form per size. */
  static int print(StatsCommand o) {
    String construction = o.constructionOption.classicName();
    IntRange word = o.word;
    IntRange memory = o.memoryBits;
    ClassicSize.of(word.first(), memory.first());
    ClassicSize.of(word.last(), memory.last());
    boolean one = word.first() == word.last() && memory.first() == memory.last();
    if (one && !o.csv) {
      ClassicConfig config = ClassicSize.of(word.first(), memory.first());
      ClassicOptions.requireMemory(construction, config);
      stageTable(ClassicConstruction.build(construction, config), construction, o.out());
    } else {
      rows(construction, word, memory, o.csv, o.build, o.out());
    }
    o.out().flush();
    return ExitCodes.OK;
  }

  private static void stageTable(ClassicConstruction c, String construction, PrintWriter out) {
    ClassicConfig config = c.config();
    out.printf(Locale.ROOT, "%s construction, N=%d, 2^%d words (paper: %d layers)%n",
        construction, config.wordBits(), config.memoryBits(), PaperStage.PAPER_TOTAL_LAYERS);
    String row = "%-15s %-20s %-30s %6s %4s %7s %12s %12s %8s%n";
    out.printf(Locale.ROOT, row, "stage", "roles", "paper", "budget", "ours", "layers", "nnz",
        "parameters", "widest");
    long nnz = 0;
    long params = 0;
    int widest = 0;
    for (StageLemma<ClassicStepContext> l : c.lemmas()) {
      long sn = 0;
      long sp = 0;
      int sw = 0;
      for (int i = l.firstLayer(); i <= l.lastLayer(); i++) {
        LayerInfo info = c.layer(i);
        sn += info.layer().nonZeros();
        sp += info.layer().nonZeros() + info.layer().outputDimension();
        sw = Math.max(sw, info.layer().outputDimension());
      }
      nnz += sn;
      params += sp;
      widest = Math.max(widest, sw);
      out.printf(Locale.ROOT, row, l.name(), l.roleLabel(), l.paperLabel(), l.budget(),
          l.layerCount(), l.firstLayer() + ".." + l.lastLayer(), sn, sp, sw);
    }
    out.printf(Locale.ROOT, row, "total", "", "", PaperStage.PAPER_TOTAL_LAYERS, c.depth(), "",
        nnz, params, widest);
    SizeEstimate<ClassicConfig> e = ClassicSizes.of(construction, config);
    out.printf(Locale.ROOT, "state dimension %d; closed form: nnz %d, parameters %d (%s)%n",
        c.layout().dimension(), e.nonZeros(), e.parameters(),
        e.nonZeros() == nnz && e.parameters() == params ? "equal to the built network"
            : e.nonZeros() >= nnz && !exactSize(construction, config)
            ? "a bound: the repeated sign bit of a short word cancels some weights"
            : "DIFFERS from the built network");
  }

  private static void rows(String construction, IntRange word, IntRange memory, boolean csv,
      boolean build, PrintWriter out) {
    if (csv) {
      out.println("isa,N,A,m,layers,paper_layers,state_dimension,widest_layer,nnz,parameters,"
          + "memory_bytes,source");
    } else {
      out.printf(Locale.ROOT, "%s construction, %s (paper: %d layers)%n", construction,
          build ? "measured on built networks" : construction.equals(ClassicConstruction.NAME)
              ? "closed form (exact; no build)"
              : "closed form (exact when N > A, else a bound; no build)",
          PaperStage.PAPER_TOTAL_LAYERS);
      out.printf(Locale.ROOT, "%4s %3s %9s %6s %12s %12s %15s %15s %11s%n", "N", "A", "m",
          "layers", "state dim", "widest", "nnz", "parameters", "memory est.");
    }
    for (int n : word.values().toArray()) {
      for (int a : memory.values().toArray()) {
        row(construction, ClassicSize.of(n, a), csv, build, out);
      }
    }
  }

  private static void row(String construction, ClassicConfig config, boolean csv,
      boolean build, PrintWriter out) {
    SizeEstimate<ClassicConfig> e = ClassicSizes.of(construction, config);
    long nnz = e.nonZeros();
    long params = e.parameters();
    if (build) {
      ClassicOptions.requireMemory(construction, config);
      ClassicConstruction c = ClassicConstruction.build(construction, config);
      nnz = c.network().nonZeros();
      params = 0;
      for (LayerInfo l : c.layers()) {
        params += l.layer().nonZeros() + l.layer().outputDimension();
      }
    }
    int n = config.wordBits();
    int a = config.memoryBits();
    if (csv) {
      out.printf(Locale.ROOT, "classic,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s%n", n, a,
          config.memorySize(), e.depth(), PaperStage.PAPER_TOTAL_LAYERS, e.stateDimension(),
          e.widestLayer(), nnz, params, e.memoryBytes(), build ? "built"
              : exactSize(construction, config) ? "closed form" : "bound");
    } else {
      out.printf(Locale.ROOT, "%4d %3d %9d %6d %12d %12d %15d %15d %11s%n", n, a,
          config.memorySize(), e.depth(), e.stateDimension(), e.widestLayer(), nnz, params,
          MemoryBudget.mib(e.memoryBytes()));
    }
  }

  /** True when the closed form of {@code construction} is exact at {@code config}. */
  private static boolean exactSize(String construction, ClassicConfig config) {
    return construction.equals(ClassicConstruction.NAME)
        || config.wordBits() > config.memoryBits();
  }
}
