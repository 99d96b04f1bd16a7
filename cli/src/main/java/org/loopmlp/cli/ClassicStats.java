package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicSizes;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.classic.ClassicConfig;

/** {@code stats --isa classic} and {@code export --isa classic}. */
final class ClassicStats {
  private ClassicStats() {}

  static ClassicConfig config(int n, int a) {
    try {
      return ClassicConfig.of(n, a);
    } catch (IllegalArgumentException e) {
      throw new UserError("classic config N=" + n + ", A=" + a + " is out of range: "
          + e.getMessage());
    }
  }

  /** One size: the per-stage table of the built network; a range: the closed form per size. */
  static int print(String construction, IntRange word, IntRange memory, boolean csv,
      boolean build, PrintWriter out, PrintWriter err) {
    config(word.first(), memory.first());
    config(word.last(), memory.last());
    boolean one = word.first() == word.last() && memory.first() == memory.last();
    if (one && !csv) {
      ClassicConfig config = config(word.first(), memory.first());
      ClassicOptions.requireMemory(construction, config);
      ClassicConstruction c = ClassicConstruction.build(construction, config);
      out.printf(Locale.ROOT, "%s construction, N=%d, 2^%d words (paper: %d layers)%n",
          construction, config.wordBits(), config.memoryBits(), PaperStage.PAPER_TOTAL_LAYERS);
      out.printf(Locale.ROOT, "%-15s %-20s %-30s %6s %4s %7s %12s %12s %8s%n", "stage", "roles",
          "paper", "budget", "ours", "layers", "nnz", "parameters", "widest");
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
        out.printf(Locale.ROOT, "%-15s %-20s %-30s %6d %4d %7s %12d %12d %8d%n", l.name(),
            l.roleLabel(), l.paperLabel(), l.budget(), l.layerCount(),
            l.firstLayer() + ".." + l.lastLayer(), sn, sp, sw);
      }
      out.printf(Locale.ROOT, "%-15s %-20s %-30s %6d %4d %7s %12d %12d %8d%n", "total", "", "",
          PaperStage.PAPER_TOTAL_LAYERS, c.depth(), "", nnz, params, widest);
      SizeEstimate<ClassicConfig> e = ClassicSizes.of(construction, config);
      out.printf(Locale.ROOT, "state dimension %d; closed form: nnz %d, parameters %d (%s)%n",
          c.layout().dimension(), e.nonZeros(), e.parameters(),
          e.nonZeros() == nnz && e.parameters() == params ? "equal to the built network"
              : e.nonZeros() >= nnz && !exactSize(construction, config)
              ? "a bound: the repeated sign bit of a short word cancels some weights"
              : "DIFFERS from the built network");
      out.flush();
      return ExitCodes.OK;
    }
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
        ClassicConfig config = config(n, a);
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
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** True when the closed form of {@code construction} is exact at {@code config}. */
  private static boolean exactSize(String construction, ClassicConfig config) {
    return construction.equals(ClassicConstruction.NAME)
        || config.wordBits() > config.memoryBits();
  }

  /** Writes the classic network for N, A in the network file format. */
  static int export(String construction, Integer word, Integer memoryBits, Path file,
      PrintWriter out, PrintWriter err) {
    if (word == null || memoryBits == null) {
      throw new UserError("export --isa classic needs --word N and --memory-bits A");
    }
    ClassicConfig config = config(word, memoryBits);
    ClassicOptions.requireMemory(construction, config);
    ClassicConstruction c = ClassicConstruction.build(construction, config);
    try {
      NetworkFormat.write(c.network(), file);
      ExportCommand.readableByAll(file);
    } catch (IOException e) {
      throw Inputs.cannotWrite(file, e);
    }
    out.printf(Locale.ROOT, "wrote %s: %s N=%d, 2^%d words, %d layers, %,d weights, state"
        + " dimension %d%n", file, construction, config.wordBits(), config.memoryBits(),
        c.depth(), c.network().nonZeros(), c.layout().dimension());
    out.flush();
    return ExitCodes.OK;
  }
}
