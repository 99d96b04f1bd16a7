package org.loopmlp.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.exact.NeuronComparison;
import org.loopmlp.exact.StateVector;
import org.loopmlp.exact.bench.BackendBenchmark;
import org.loopmlp.exact.bench.BenchmarkResult;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * {@code bench} on this project's machine: passes per second of the network on every backend and
 * construction against the bare CSR loop over the same weights (the speed limit of dense
 * evaluation) and over the {@code paper} construction's weights, and against the reference
 * machine.
 */
final class PaperBench {
  private final BenchCommand o;

  private PaperBench(BenchCommand o) {
    this.o = o;
  }

  /** The table over --sizes, or with --program a real program run to its halt. */
  static int run(BenchCommand o) {
    List<String> constructions = o.constructions(ConstructionOption.NAMES, o.constructions);
    if (o.program != null) {
      o.refuse("applies to the table only, not to --program", "--sizes");
      List<Backend> backends = o.backends(List.of(IncrementalBackend.INSTANCE.name()));
      return ProgramBench.run(Workload.load(o.program), constructions, backends, o.maxSteps,
          o.budget(), o.out(), o.err());
    }
    o.refuse("applies to --program only", "--max-steps");
    return new PaperBench(o).table(constructions,
        o.backends(Backends.all().stream().map(Backend::name).toList()), o.budget());
  }

  /** Passes compared neuron by neuron at least, and at most (within the time budget). */
  static final int VERIFIED_PASSES = 50;
  static final int MAX_VERIFIED_PASSES = 2000;

  /**
   * The incremental backend's work over the timed run, its row updates by layer, and its
   * comparison with dense evaluation.
   */
  record Incremental(IncrementalBackend.Stats perRun, long[] rowUpdatesByLayer,
      List<String> layerLabels, NeuronComparison.Result verified) {}

  /** One size and construction's figures. */
  record Row(MachineConfig config, String construction, int layers, long nonZeros,
      double buildSeconds, long heapBytes, long estimateBytes, double referenceStepsPerSecond,
      Map<String, BenchmarkResult> backends, BenchmarkResult bare, BenchmarkResult paperBare,
      Optional<Incremental> incremental) {}

  private int table(List<String> constructions, List<Backend> backends, Duration budget) {
    for (MachineConfig c : o.sizes) {
      Builds.requireFits(c);
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    names.add(PaperConstruction.NAME);
    names.addAll(constructions);
    o.out().println(MachineInfo.line());
    o.out().flush();
    List<Row> rows = new ArrayList<>();
    boolean allEqual = true;
    try (Progress progress = Progress.start(o.err(), "bench", (long) o.sizes.size() * names.size()
        * (backends.size() + 3), "measurements")) {
      for (MachineConfig config : o.sizes) {
        SizeEstimate<MachineConfig> estimate = Builds.requireFits(config);
        Program program = endlessProgram(config);
        MachineState state = MachineState.initial(config).withWord(1, 1);
        double refRate = referenceStepsPerSecond(program, state, budget);
        BenchmarkResult paperBare = null;
        for (String name : names) {
          if (!Constructions.supports(name, config)) {
            progress.advance(backends.size() + 3);
            continue;
          }
          long before = usedHeapAfterGc();
          long start = System.nanoTime();
          Construction c = Constructions.build(name, config);
          double buildSeconds = (System.nanoTime() - start) / 1e9;
          long heap = usedHeapAfterGc() - before;
          progress.advance();
          StateVector input = StateCodec.forConstruction(c).encode(program, state);
          Row row = measure(config, c, input, backends, budget, progress, paperBare);
          if (paperBare == null) {
            paperBare = row.bare();
          }
          rows.add(new Row(config, name, c.network().depth(), c.network().nonZeros(),
              buildSeconds, heap, estimate.memoryBytes(), refRate, row.backends(), row.bare(),
              paperBare, row.incremental()));
          allEqual &= row.incremental().map(i -> i.verified().allEqual()).orElse(true);
        }
      }
    }
    print(rows, backends);
    return allEqual ? ExitCodes.OK : ExitCodes.FOUND;
  }

  /**
   * Every backend on one network: rational alone (it is slow), the others and the bare loop
   * round-robin so that they share the machine's load and cache state; then the incremental
   * backend against dense exact evaluation.
   */
  private Row measure(MachineConfig config, Construction c, StateVector input,
      List<Backend> backends, Duration budget, Progress progress, BenchmarkResult paperBare) {
    Map<String, BenchmarkResult> results = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<Backend.Compiled> compiled = new ArrayList<>();
    List<StateVector> inputs = new ArrayList<>();
    IncrementalBackend.Compiled incremental = null;
    for (Backend b : backends) {
      if (b.name().equals("rational")) {
        results.put(b.name(), BackendBenchmark.measure(b, c.network(), input, budget));
        progress.advance();
      } else {
        Backend.Compiled cb = b.compile(c.network());
        if (cb instanceof IncrementalBackend.Compiled) {
          incremental = (IncrementalBackend.Compiled) cb;
        }
        names.add(b.name());
        compiled.add(cb);
        inputs.add(input);
      }
    }
    IncrementalBackend.Stats before = incremental == null ? null : incremental.stats();
    long[] updatesBefore = incremental == null ? null : incremental.rowUpdatesByLayer();
    List<BenchmarkResult> compared = BackendBenchmark.compareLooped(c.network(), input, names,
        compiled, inputs, budget.multipliedBy(compiled.size() + 1));
    for (int i = 0; i < names.size(); i++) {
      results.put(names.get(i), compared.get(i + 1));
    }
    progress.advance(compiled.size() + 1);
    Optional<Incremental> inc = Optional.empty();
    if (incremental != null) {
      IncrementalBackend.Stats work = incremental.stats().minus(before);
      long[] updates = incremental.rowUpdatesByLayer();
      for (int i = 0; i < updates.length; i++) {
        updates[i] -= updatesBefore[i];
      }
      List<String> labels = c.network().layers().stream().map(l -> l.label()).toList();
      NeuronComparison.Result verified = NeuronComparison.loop(
          ExactBackend.INSTANCE.compile(c.network()),
          IncrementalBackend.INSTANCE.compile(c.network()), input, VERIFIED_PASSES,
          MAX_VERIFIED_PASSES, System.nanoTime() + budget.toNanos());
      inc = Optional.of(new Incremental(work, updates, labels, verified));
    }
    progress.advance();
    return new Row(config, c.name(), c.network().depth(), c.network().nonZeros(), 0, 0, 0, 0,
        results, compared.get(0), paperBare, inc);
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
    o.out().println();
    o.out().println("passes per second (one pass = one instruction; mean pass, each network looped"
        + " on its own output):");
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT,
        "| %-9s | %-12s | %6s | %10s | %9s", "N,A,C", "construction", "layers", "nnz",
        "reference"));
    for (Backend b : backends) {
      h.append(String.format(Locale.ROOT, " | %" + width(b) + "s", b.name()));
    }
    h.append(String.format(Locale.ROOT, " | %9s | %10s | %9s | %10s | %8s | %8s | %20s |",
        "bare CSR", "exact/bare", "incr/bare", "incr/paper", "net/ref", "build",
        "heap (est.)"));
    o.out().println(h);
    o.out().println(h.toString().replaceAll("[^|]", "-"));
    for (Row r : rows) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
          "| %-9s | %-12s | %6d | %,10d | %9s", Configs.format(r.config()), r.construction(),
          r.layers(), r.nonZeros(), Counts.rate(r.referenceStepsPerSecond())));
      double fastest = 0;
      for (Backend b : backends) {
        double perSecond = 1 / r.backends().get(b.name()).meanSeconds();
        s.append(String.format(Locale.ROOT, " | %" + width(b) + "s", Counts.rate(perSecond)));
        if (b.isExact()) {
          fastest = Math.max(fastest, perSecond);
        }
      }
      s.append(String.format(Locale.ROOT, " | %9s | %10s | %9s | %10s | %8s | %7.1fs | %20s |",
          Counts.rate(1 / r.bare().meanSeconds()), ratio(r.backends().get("exact"), r.bare()),
          ratio(r.backends().get("incremental"), r.bare()),
          ratio(r.backends().get("incremental"), r.paperBare()),
          fastest == 0 ? "-" : String.format(Locale.ROOT, "%.2g", fastest
              / r.referenceStepsPerSecond()), r.buildSeconds(),
          MemoryBudget.mib(r.heapBytes()) + " (" + MemoryBudget.mib(r.estimateBytes()) + ")"));
      o.out().println(s);
    }
    if (rows.stream().anyMatch(r -> r.incremental().isPresent())) {
      printIncremental(rows);
    }
    o.out().println();
    o.out().println("multiply-adds per second (mean pass) = passes/s x nnz; the incremental"
        + " backend's are the dense equivalent:");
    for (Row r : rows) {
      StringBuilder s = new StringBuilder("  " + Configs.format(r.config()) + " "
          + r.construction() + ":");
      for (Map.Entry<String, BenchmarkResult> e : r.backends().entrySet()) {
        s.append(String.format(Locale.ROOT, " %s %.3g,", e.getKey(),
            e.getValue().multiplyAddsPerPass() / e.getValue().meanSeconds()));
      }
      s.append(String.format(Locale.ROOT, " bare %.3g",
          r.bare().multiplyAddsPerPass() / r.bare().meanSeconds()));
      o.out().println(s);
    }
    o.out().flush();
  }

  private void printIncremental(List<Row> rows) {
    o.out().println();
    o.out().println("incremental backend, work per pass (mean over the timed run): input entries"
        + " changed, row updates (z_r += A_rc d_c), neurons whose output changed,"
        + " layers evaluated densely; its floor (the row updates at the bare loop's time per"
        + " multiply-add, measured in this run) and its passes/s as a fraction of the floor;"
        + " then every neuron of every layer compared with dense exact evaluation, pass by"
        + " pass:");
    String h = String.format(Locale.ROOT, "| %-9s | %-12s | %7s | %12s | %10s | %9s |"
        + " %10s | %11s | %10s | %-44s |", "N,A,C", "construction", "inputs", "row updates",
        "changed", "dense", "nnz", "floor", "incr/floor", "compared with dense exact evaluation");
    o.out().println(h);
    o.out().println(h.replaceAll("[^|]", "-"));
    for (Row r : rows) {
      if (r.incremental().isEmpty()) {
        continue;
      }
      IncrementalBackend.Stats s = r.incremental().get().perRun();
      NeuronComparison.Result v = r.incremental().get().verified();
      double n = Math.max(1, s.passes());
      String verdict = v.allEqual()
          ? String.format(Locale.ROOT, "%d passes, all %,d neurons equal", v.passes(),
              v.neurons())
          : "DIFFERS: " + v.firstDifference().get();
      Floor floor = Floor.of(s, r.bare());
      double incremental = 1 / r.backends().get(IncrementalBackend.INSTANCE.name()).meanSeconds();
      o.out().println(String.format(Locale.ROOT, "| %-9s | %-12s | %7.1f | %,12.0f |"
          + " %,10.1f | %4.2f / %2d | %,10d | %11s | %10.2f | %-44s |",
          Configs.format(r.config()), r.construction(), s.inputChanges() / n, s.rowUpdates() / n,
          s.changedOutputs() / n, s.denseLayers() / n, r.layers(), r.nonZeros(),
          Counts.rate(floor.passesPerSecond()), floor.fraction(incremental), verdict));
    }
    o.out().println();
    o.out().println("row updates per pass by layer (the layers with at least 1% of them):");
    for (Row r : rows) {
      if (r.incremental().isEmpty()) {
        continue;
      }
      Incremental inc = r.incremental().get();
      double n = Math.max(1, inc.perRun().passes());
      long total = Math.max(1, inc.perRun().rowUpdates());
      StringBuilder line = new StringBuilder("  " + Configs.format(r.config()) + " "
          + r.construction() + ":");
      for (int i = 0; i < inc.rowUpdatesByLayer().length; i++) {
        long u = inc.rowUpdatesByLayer()[i];
        if (u * 100 >= total) {
          line.append(String.format(Locale.ROOT, " %d %s %,.0f (%.0f%%),", i,
              inc.layerLabels().get(i), u / n, 100.0 * u / total));
        }
      }
      line.setLength(line.length() - (line.charAt(line.length() - 1) == ',' ? 1 : 0));
      o.out().println(line);
    }
  }

  private static int width(Backend b) {
    return Math.max(9, b.name().length());
  }

  private static String ratio(BenchmarkResult a, BenchmarkResult b) {
    return a == null || b == null ? "-"
        : String.format(Locale.ROOT, "%.2f", b.meanSeconds() / a.meanSeconds());
  }
}
