package org.loopmlp.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.StateVector;
import org.loopmlp.exact.bench.BackendBenchmark;
import org.loopmlp.exact.bench.BenchmarkResult;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopmlp bench}: steps per second of the reference machine and of the network on every
 * backend, the bare CSR loop over the same weights (the speed limit), and build time and memory,
 * at several sizes.
 */
@Command(
    name = "bench",
    header = "Benchmark: reference machine, every backend, the bare CSR loop; build time, memory.",
    description = {
        "For each size: builds the network (time, heap held), then measures steps (passes)",
        "per second of the reference machine and of the network on every backend, and of a",
        "bare CSR multiply-add loop over the same weights: the speed limit of sparse",
        "evaluation. exact/bare is the exact backend's rate over the bare loop's. Each figure",
        "is the median pass after a warm-up; the program keeps running (never halts)."
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  loopmlp bench",
        "  loopmlp bench --sizes 8,4,4 --seconds 1"
    })
final class BenchCommand extends Subcommand {
  @Option(names = "--sizes", paramLabel = "N,A,C", split = " ", converter = Configs.class,
      arity = "1..*", defaultValue = "8,4,4 16,8,8 16,12,10",
      description = "Sizes to measure (default: ${DEFAULT-VALUE}).")
  List<MachineConfig> sizes;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
      description = "Time budget per measurement in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  /** One size's figures. */
  record Row(MachineConfig config, long nonZeros, double buildSeconds, long heapBytes,
      long estimateBytes, double referenceStepsPerSecond, Map<String, BenchmarkResult> backends,
      BenchmarkResult bare) {}

  @Override
  public Integer call() {
    if (!(seconds > 0) || seconds > 600) {
      throw UserError.because("--seconds must be in (0, 600], was %s", seconds);
    }
    for (MachineConfig c : sizes) {
      Builds.requireFits(c);
    }
    Duration budget = Duration.ofMillis(Math.round(seconds * 1000));
    List<Backend> backends = Backends.all();
    out().println(MachineInfo.line());
    out().flush();
    List<Row> rows = new ArrayList<>();
    try (Progress progress = Progress.start(err(), "bench", (long) sizes.size()
        * (backends.size() + 3), "measurements")) {
      for (MachineConfig config : sizes) {
        SizeEstimate estimate = Builds.requireFits(config);
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        Construction c = PaperConstruction.build(config);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long heap = usedHeapAfterGc() - before;
        progress.advance();

        Program program = endlessProgram(config);
        MachineState state = MachineState.initial(config).withWord(1, 1);
        double refRate = referenceStepsPerSecond(program, state, budget);
        progress.advance();

        StateVector input = StateCodec.forConstruction(c).encode(program, state);
        Map<String, BenchmarkResult> results = new LinkedHashMap<>();
        // The fast backends and the bare loop are timed round-robin, so that they share the
        // machine's load and cache state; the slow exact reference (rational) is timed alone.
        List<Backend> fast = new ArrayList<>();
        for (Backend b : backends) {
          if (b.name().equals("rational")) {
            results.put(b.name(), BackendBenchmark.measure(b, c.network(), input, budget));
            progress.advance();
          } else {
            fast.add(b);
          }
        }
        List<BenchmarkResult> compared = BackendBenchmark.compare(c.network(), input, fast,
            budget.multipliedBy(fast.size() + 1));
        BenchmarkResult bare = compared.get(0);
        for (int i = 0; i < fast.size(); i++) {
          results.put(fast.get(i).name(), compared.get(i + 1));
        }
        progress.advance(fast.size() + 1);
        rows.add(new Row(config, c.network().nonZeros(), buildSeconds, heap,
            estimate.memoryBytes(), refRate, results, bare));
      }
    }
    print(rows, backends);
    return ExitCodes.OK;
  }

  /**
   * A program that never halts: slot q subtracts mem[q mod m] from mem[(q + 1) mod m] and goes
   * to slot q + 1 whichever way the branch goes, so the pc always changes.
   */
  static Program endlessProgram(MachineConfig config) {
    List<Instruction> code = new ArrayList<>();
    int m = config.dataSize();
    int k = config.codeSize();
    for (int q = 0; q < k; q++) {
      code.add(Instruction.of(q % m, (q + 1) % m, (q + 1) % k));
    }
    return Program.padded(config, code, 0);
  }

  /** Median rate over chunks of 256 steps, after a warm-up of a third of the budget. */
  private static double referenceStepsPerSecond(Program program, MachineState state,
      Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos() / 3;
    MachineState s = state;
    while (System.nanoTime() < deadline) {
      s = SubleqMachine.step(program, s);
    }
    List<Double> rates = new ArrayList<>();
    long end = System.nanoTime() + budget.toNanos();
    while (System.nanoTime() < end || rates.size() < 3) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 256; i++) {
        s = SubleqMachine.step(program, s);
      }
      rates.add(256 / ((System.nanoTime() - t0) / 1e9));
    }
    sink = s.pc();
    rates.sort(null);
    return rates.get(rates.size() / 2);
  }

  static volatile int sink;

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private void print(List<Row> rows, List<Backend> backends) {
    out().println();
    out().println("steps per second (one step = one pass of the network = one instruction;"
        + " median pass):");
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "| %-9s | %10s | %9s",
        "N,A,C", "nnz", "reference"));
    for (Backend b : backends) {
      h.append(String.format(Locale.ROOT, " | %9s", b.name()));
    }
    h.append(String.format(Locale.ROOT, " | %9s | %10s | %8s | %20s |", "bare CSR", "exact/bare",
        "build", "heap (est.)"));
    out().println(h);
    out().println(h.toString().replaceAll("[^|]", "-"));
    for (Row r : rows) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "| %-9s | %,10d | %9s",
          Configs.format(r.config()), r.nonZeros(), rate(r.referenceStepsPerSecond())));
      for (Backend b : backends) {
        s.append(String.format(Locale.ROOT, " | %9s", rate(1 / r.backends().get(b.name())
            .medianSeconds())));
      }
      BenchmarkResult exact = r.backends().get("exact");
      String ratio = exact == null ? "-" : String.format(Locale.ROOT, "%.2f",
          r.bare().medianSeconds() / exact.medianSeconds());
      s.append(String.format(Locale.ROOT, " | %9s | %10s | %7.1fs | %20s |",
          rate(1 / r.bare().medianSeconds()), ratio, r.buildSeconds(),
          MemoryBudget.mib(r.heapBytes()) + " (" + MemoryBudget.mib(r.estimateBytes()) + ")"));
      out().println(s);
    }
    out().println();
    out().println("multiply-adds per second (median pass) = steps/s x nnz:");
    for (Row r : rows) {
      StringBuilder s = new StringBuilder("  " + Configs.format(r.config()) + ":");
      for (Map.Entry<String, BenchmarkResult> e : r.backends().entrySet()) {
        s.append(String.format(Locale.ROOT, " %s %.3g,", e.getKey(), e.getValue().medianRate()));
      }
      s.append(String.format(Locale.ROOT, " bare %.3g", r.bare().medianRate()));
      out().println(s);
    }
    out().flush();
  }

  private static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
    }
    if (perSecond >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
    }
    if (perSecond >= 100) {
      return String.format(Locale.ROOT, "%.0f", perSecond);
    }
    return String.format(Locale.ROOT, "%.2f", perSecond);
  }
}
