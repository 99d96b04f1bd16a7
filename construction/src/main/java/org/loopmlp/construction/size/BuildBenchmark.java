package org.loopmlp.construction.size;

import java.util.Locale;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;

/**
 * Builds the paper construction for a config (default N=16, A=10, C=10) and prints the build
 * time, the size report and the heap the construction occupies, next to the closed-form
 * estimate. Usage: {@code BuildBenchmark [N A C [construction]]} (construction: paper, compact).
 */
public final class BuildBenchmark {
  private BuildBenchmark() {}

  public static void main(String[] args) {
    MachineConfig config = args.length >= 3
        ? MachineConfig.of(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
            Integer.parseInt(args[2]))
        : MachineConfig.of(16, 10, 10);
    SizeEstimate estimate = SizeReport.estimate(config);
    System.out.println("closed-form estimate of the paper construction: " + estimate);
    long before = usedHeap();
    long start = System.nanoTime();
    Construction c = Constructions.build(args.length >= 4 ? args[3] : PaperConstruction.NAME,
        config);
    long buildNanos = System.nanoTime() - start;
    long after = usedHeap();
    SizeReport report = SizeReport.of(c);
    System.out.print(report.toTable());
    System.out.printf(Locale.ROOT, "build time %.2f s, nnz %d, heap held by the construction"
        + " %.1f MiB (paper estimate %.1f MiB)%n", buildNanos / 1e9, c.network().nonZeros(),
        (after - before) / (1024.0 * 1024.0), estimate.memoryBytes() / (1024.0 * 1024.0));
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
