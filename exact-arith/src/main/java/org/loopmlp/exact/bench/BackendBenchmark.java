package org.loopmlp.exact.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apfloat.Aprational;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.ScaledIntegerVector;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;

/**
 * Multiply-adds per second of every backend against the bare CSR loop (SPEC §6: the speed
 * limit of a backend is a plain CSR multiply-add loop over the same arrays).
 *
 * <p>Method: the bare loop and the {@code exact}, {@code float64}, {@code float32} backends run
 * round-robin in slices of the budget, so that all see the same machine load; the
 * first third of the budget is untimed (JIT warm-up), then passes are timed until the budget is
 * spent (at least 3 timed passes each); the best and the median pass are reported. Rates count one multiply-add per stored weight. The {@code
 * rational} backend runs on a smaller slice of the same shape; next to it, {@code apfloat-direct}
 * evaluates that slice in apfloat {@code Aprational} arithmetic alone (the {@link Rational} type
 * holds small values in longs, so {@code rational} is much faster than apfloat on small integers).
 *
 * <p>{@code main} arguments (all optional): non-zeros of the layer (default 10^7), non-zeros per
 * row (default 10), seconds per evaluator (default 6), non-zeros of the slice used for {@code
 * rational} (default 10^6; its rate per multiply-add is extrapolated to the full layer).
 */
public final class BackendBenchmark {
  private BackendBenchmark() {}

  /** Times {@code backend} on {@code network} from {@code input} within about {@code budget}. */
  public static BenchmarkResult measure(
      Backend backend, Network network, StateVector input, Duration budget) {
    Backend.Compiled compiled = backend.compile(network);
    StateVector loaded = compiled.load(input);
    return time(backend.name(), network.nonZeros(), budget, () -> compiled.apply(loaded));
  }

  /** Times {@link BareCsrLoop} on {@code network} from {@code input} within about {@code budget}. */
  public static BenchmarkResult measureBareLoop(
      Network network, StateVector input, Duration budget) {
    BareCsrLoop loop = BareCsrLoop.of(network);
    long[] x = BareCsrLoop.integers(input);
    return time("bare-csr-long", network.nonZeros(), budget, () -> loop.run(x));
  }

  /**
   * Times the same layer evaluated directly in apfloat {@code Aprational} arithmetic, without
   * {@link Rational}'s long fast path: what apfloat alone gives.
   */
  public static BenchmarkResult measureAprational(
      Network network, StateVector input, Duration budget) {
    List<Aprational[]> weights = new ArrayList<>();
    List<Aprational[]> biases = new ArrayList<>();
    for (SparseLayer l : network.layers()) {
      weights.add(Arrays.stream(l.weightArray()).map(Rational::toAprational)
          .toArray(Aprational[]::new));
      biases.add(Arrays.stream(l.biasArray()).map(Rational::toAprational)
          .toArray(Aprational[]::new));
    }
    Aprational[] x0 = Arrays.stream(input.toRationals()).map(Rational::toAprational)
        .toArray(Aprational[]::new);
    return time("apfloat-direct", network.nonZeros(), budget, () -> {
      Aprational[] x = x0;
      for (int i = 0; i < network.depth(); i++) {
        SparseLayer l = network.layer(i);
        Aprational[] w = weights.get(i);
        Aprational[] y = new Aprational[l.outputDimension()];
        for (int r = 0; r < y.length; r++) {
          Aprational acc = biases.get(i)[r];
          for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
            acc = acc.add(w[k].multiply(x[l.column(k)]));
          }
          y[r] = acc.signum() < 0 ? Aprational.ZERO : acc;
        }
        x = y;
      }
      sink = x;
    });
  }

  /** Sink for results, so that the JIT cannot drop a pass. */
  private static volatile Object sink;

  /** A named pass to time. */
  private record Pass(String name, long nnz, Runnable run) {}

  private static BenchmarkResult time(String name, long nnz, Duration budget, Runnable pass) {
    return timeInterleaved(List.of(new Pass(name, nnz, pass)), budget).get(0);
  }

  /**
   * Times several passes round-robin in slices (each in turn runs its passes for a slice of the
   * budget, at least one pass), so that all of them see the same machine load, and each runs as
   * a program runs it: after its own previous pass, its data where that pass left it in the
   * caches, not after another evaluator's sweep over its own weights. {@code budget} is for all
   * of them together.
   */
  private static List<BenchmarkResult> timeInterleaved(List<Pass> passes, Duration budget) {
    long budgetNanos = budget.toNanos();
    long slice = Math.max(1, budgetNanos / (SLICES * passes.size()));
    long warmEnd = System.nanoTime() + budgetNanos / 3;
    do {
      for (Pass p : passes) {
        runSlice(p, slice / 3, null);
      }
    } while (System.nanoTime() < warmEnd);
    List<List<Long>> times = new ArrayList<>();
    passes.forEach(p -> times.add(new ArrayList<>()));
    long end = System.nanoTime() + budgetNanos - budgetNanos / 3;
    while (times.get(0).size() < 3 || System.nanoTime() < end) {
      for (int i = 0; i < passes.size(); i++) {
        runSlice(passes.get(i), slice, times.get(i));
      }
    }
    sink = times;
    List<BenchmarkResult> results = new ArrayList<>();
    for (int i = 0; i < passes.size(); i++) {
      long[] sorted = times.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
      double total = Arrays.stream(sorted).sum();
      results.add(new BenchmarkResult(passes.get(i).name(), passes.get(i).nnz(), sorted.length,
          sorted[0] * 1e-9, sorted[sorted.length / 2] * 1e-9, total / sorted.length * 1e-9));
    }
    return results;
  }

  /** Round-robin turns per evaluator in {@link #timeInterleaved} (two thirds of them timed). */
  private static final int SLICES = 30;

  /** Passes of {@code p} for about {@code nanos} (at least one), each time into {@code times}. */
  private static void runSlice(Pass p, long nanos, List<Long> times) {
    long end = System.nanoTime() + nanos;
    long t0;
    do {
      t0 = System.nanoTime();
      p.run().run();
      if (times != null) {
        times.add(System.nanoTime() - t0);
      }
    } while (t0 < end);
  }

  /**
   * The bare loop and every backend of {@code backends} on the same network, timed round-robin
   * within about {@code budget} in total; the bare loop's result comes first.
   */
  public static List<BenchmarkResult> compare(
      Network network, StateVector input, List<Backend> backends, Duration budget) {
    List<Pass> passes = new ArrayList<>();
    BareCsrLoop loop = BareCsrLoop.of(network);
    long[] x = BareCsrLoop.integers(input);
    passes.add(new Pass("bare-csr-long", network.nonZeros(), () -> sink = loop.run(x)));
    for (Backend b : backends) {
      Backend.Compiled compiled = b.compile(network);
      StateVector loaded = compiled.load(input);
      passes.add(new Pass(b.name(), network.nonZeros(), () -> sink = compiled.apply(loaded)));
    }
    return timeInterleaved(passes, budget);
  }

  /**
   * The bare loop over {@code bareNetwork} and every compiled network of {@code looped}, timed
   * round-robin within about {@code budget} in total, the bare loop's result first. Each
   * compiled network is looped: a pass's input is that network's previous output (starting
   * from {@code inputs.get(i)}), as when a program runs, so that an incremental backend sees
   * the changes of real passes; the bare loop, a cost model whose work does not depend on its
   * input, repeats one pass over {@code bareInput}. Names are {@code names.get(i)}.
   */
  public static List<BenchmarkResult> compareLooped(Network bareNetwork, StateVector bareInput,
      List<String> names, List<Backend.Compiled> looped, List<StateVector> inputs,
      Duration budget) {
    checkArgument(names.size() == looped.size() && looped.size() == inputs.size(),
        "%s names, %s networks, %s inputs", names.size(), looped.size(), inputs.size());
    List<Pass> passes = new ArrayList<>();
    BareCsrLoop loop = BareCsrLoop.of(bareNetwork);
    long[] x = BareCsrLoop.integers(bareInput);
    passes.add(new Pass("bare-csr-long", bareNetwork.nonZeros(), () -> sink = loop.run(x)));
    for (int i = 0; i < looped.size(); i++) {
      Backend.Compiled compiled = looped.get(i);
      StateVector[] state = {compiled.load(inputs.get(i))};
      passes.add(new Pass(names.get(i), compiled.network().nonZeros(),
          () -> state[0] = compiled.apply(state[0])));
    }
    return timeInterleaved(passes, budget);
  }

  /**
   * One layer with {@code nonZeros} weights, {@code perRow} per row at distinct random columns,
   * a square input space, weights in {@code [-3, 3] \ {0}} and biases in {@code [-2, 2]}.
   */
  public static Network randomLayer(int nonZeros, int perRow, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rows = nonZeros / perRow;
    int[] rowStart = new int[rows + 1];
    int[] columns = new int[rows * perRow];
    Rational[] weights = new Rational[columns.length];
    Rational[] biases = new Rational[rows];
    int[] cols = new int[perRow];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < perRow; j++) {
        cols[j] = rnd.nextInt(rows);
      }
      Arrays.sort(cols);
      int k = rowStart[r];
      for (int j = 0; j < perRow; j++) {
        if (j == 0 || cols[j] != cols[j - 1]) {
          columns[k] = cols[j];
          int w = rnd.nextInt(6) - 3;
          weights[k] = Rational.of(w >= 0 ? w + 1 : w);
          k++;
        }
      }
      rowStart[r + 1] = k;
      biases[r] = Rational.of(rnd.nextInt(5) - 2);
    }
    return Network.of(List.of(SparseLayer.ofCsr("benchmark", rows, rowStart,
        Arrays.copyOf(columns, rowStart[rows]), Arrays.copyOf(weights, rowStart[rows]),
        biases)));
  }

  /** An input of small non-negative integers 0..3. */
  public static StateVector randomInput(int dimension, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] x = new long[dimension];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(4);
    }
    return ScaledIntegerVector.ofLongs(x);
  }

  public static void main(String[] args) {
    int nnz = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int perRow = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Duration budget = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 6);
    int sliceNnz = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    long seed = 2410_09375L;

    Network network = randomLayer(nnz, perRow, seed);
    StateVector input = randomInput(network.inputDimension(), seed + 1);
    System.out.printf(Locale.ROOT, "layer: %,d rows x %,d columns, %,d non-zeros, seed %d%n",
        network.layer(0).outputDimension(), network.inputDimension(), network.nonZeros(), seed);
    System.out.printf(Locale.ROOT,
        "method: %ds per evaluator, bare/exact/float64/float32 interleaved pass by pass;"
            + " first third untimed warm-up, then >= 3 timed passes; best and median pass%n", budget.toSeconds());

    List<Backend> fast = Backends.all().stream().filter(b -> !b.name().equals("rational"))
        .toList();
    List<BenchmarkResult> results =
        compare(network, input, fast, budget.multipliedBy(fast.size() + 1));
    BenchmarkResult bare = results.get(0);
    for (BenchmarkResult r : results) {
      print(r, bare, "");
    }
    Backend rational = Backends.named("rational");
    Network slice = sliceNnz < nnz ? randomLayer(sliceNnz, perRow, seed) : network;
    StateVector sliceInput = randomInput(slice.inputDimension(), seed + 1);
    String note = slice == network ? "" : String.format(Locale.ROOT,
        "  (on a %,d-non-zero slice; rate per multiply-add extrapolated)", slice.nonZeros());
    print(measure(rational, slice, sliceInput, budget), bare, note);
    print(measureAprational(slice, sliceInput, budget), bare, note);
  }

  private static void print(BenchmarkResult r, BenchmarkResult bare, String note) {
    System.out.printf(Locale.ROOT,
        "%-14s best %9.3f ms/pass %10.1f M madd/s  median %10.1f M madd/s  ratio to bare"
            + " (best) %.3f  (median) %.3f  passes %d%s%n",
        r.name(), r.bestSeconds() * 1e3, r.bestRate() / 1e6, r.medianRate() / 1e6,
        r.bestRate() / bare.bestRate(), r.medianRate() / bare.medianRate(), r.passes(), note);
  }
}
