package org.loopmlp.construction.size;

import java.util.List;
import java.util.Locale;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * Builds the paper construction for a config (default N=16, A=10, C=10) and prints the build
 * time, the size report and the heap the construction occupies, next to the closed-form
 * estimate, then the compile time and one pass on every backend. Usage: {@code BuildBenchmark [N A C [construction]]} (construction: paper, compact).
 */
public final class BuildBenchmark {
  private BuildBenchmark() {}

  public static void main(String[] args) {
    MachineConfig config = args.length >= 3
        ? MachineConfig.of(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
            Integer.parseInt(args[2]))
        : MachineConfig.of(16, 10, 10);
    SizeEstimate<MachineConfig> estimate = SizeReport.estimate(config);
    System.out.println("closed-form estimate of the paper construction: " + estimate);
    long before = usedHeap();
    long start = System.nanoTime();
    Construction c = Constructions.build(args.length >= 4 ? args[3] : PaperConstruction.NAME,
        config);
    long buildNanos = System.nanoTime() - start;
    long after = usedHeap();
    SizeReport report = SizeReport.of(c);
    System.out.print(report.toTable());
    MachineState state = MachineState.initial(config);
    Program program = Program.padded(config, List.of(Instruction.of(0, 1, 0)), 0);
    for (Backend backend : Backends.all()) {
      long compileStart = System.nanoTime();
      LoopedMlp mlp = LoopedMlp.of(c, backend);
      long passStart = System.nanoTime();
      MachineState next = mlp.step(program, state);
      long passEnd = System.nanoTime();
      System.out.printf(Locale.ROOT, "%-9s compile %.2f s, one pass %.3f s%s%n", backend.name(),
          (passStart - compileStart) / 1e9, (passEnd - passStart) / 1e9,
          next.equals(SubleqMachine.step(program, state)) ? "" : "  (differs from the reference)");
    }
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
