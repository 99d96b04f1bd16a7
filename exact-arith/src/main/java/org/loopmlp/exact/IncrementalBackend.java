package org.loopmlp.exact;

import com.google.common.collect.ImmutableList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Exact evaluation at the speed of what changes: each pass updates only the neurons whose inputs
 * changed since the previous pass, and computes exactly the value of every neuron that the
 * {@code exact} backend computes.
 *
 * <p>Method. For every layer the backend keeps, from the previous pass, each row's
 * pre-activation {@code z_r = B_r + sum_c A_rc x_c} and output {@code y_r = ReLU(z_r)}. When the
 * layer's input changes from {@code x} to {@code x'} in a set {@code C} of coordinates, it walks
 * a column-major copy of the layer and adds {@code A_rc (x'_c - x_c)} to {@code z_r} for every
 * stored weight of every column {@code c} in {@code C} ({@link Stats#rowUpdates}); then it
 * re-applies ReLU to the rows those columns reach only, and passes on to the next layer the rows whose
 * output changed, with the change. A layer whose change set would cost more than a dense
 * evaluation ({@link #DENSE_WORK_RATIO}) is evaluated densely instead, its rows split across the
 * cores ({@link RowChunks}).
 *
 * <p>Why this is exact. Everything is integer arithmetic in longs, and the values are bounded so
 * that no sum overflows ({@link IncrementalLayer#maxSafeInput}, checked before every layer with
 * a bound on its input that is kept up to date as outputs change). Integer addition is
 * associative and commutative, so {@code (B_r + sum_c A_rc x_c) + sum_{c in C} A_rc (x'_c - x_c)
 * = B_r + sum_c A_rc x'_c} exactly, in whatever order the terms are added: the updated {@code
 * z_r} is the very integer a dense evaluation computes, and there is no drift however many passes
 * run. An output {@code y_r} can change only if {@code z_r} changed, and {@code z_r} can change
 * only if some input it reads changed, so the untouched rows are right as they are.
 *
 * <p>Falls back to the {@code exact} backend where long arithmetic cannot be proved safe: a
 * network with a fraction or a weight beyond a long runs on {@code exact} entirely; an input
 * that is not a vector of longs, or a layer whose input bound exceeds its safe bound, hands the
 * rest of that pass over to {@code exact} and the next pass starts afresh.
 *
 * <p>State. A compiled network keeps one cache per thread (so it is safe to share between
 * threads, each thread updating its own). A pass's input is compared with the previous pass's:
 * the previous pass's own output (the looped case), that output with a few entries replaced
 * ({@link StateVector#withEntries}: a host that writes ports and clears flags between passes),
 * or the same input again is recognised without reading it; any other input is compared entry
 * by entry. The output is a version of a
 * persistent vector ({@link VersionedVector}), so returning it costs nothing per unchanged entry.
 * Observers see every layer, as a view of the cache valid during the call ({@link
 * LayerObserver}); without an observer no layer is materialized.
 */
public final class IncrementalBackend implements Backend {
  public static final IncrementalBackend INSTANCE = new IncrementalBackend();

  /**
   * A layer is updated incrementally when {@code DENSE_WORK_RATIO} times its update work (stored
   * weights in the changed columns) is at most the work of a dense evaluation (stored weights
   * plus rows), and evaluated densely otherwise. Measured on the paper construction at
   * (16,10,10), looping an endless program, in passes per CPU-second: ratio 1: 1,796, ratio 2:
   * 1,796, ratio 4: 1,422 (a scattered update of one stored weight costs about one to two
   * multiply-adds of the dense row loop, as each column lists its rows in increasing order).
   */
  static final int DENSE_WORK_RATIO = 2;

  private IncrementalBackend() {}

  @Override
  public String name() {
    return "incremental";
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public Compiled compile(Network network) {
    return new Compiled(network);
  }

  /**
   * Counts over every pass so far, for reports and tests.
   *
   * @param passes passes evaluated
   * @param exactPasses passes handed over (in whole or from some layer on) to the {@code exact}
   *     backend
   * @param incrementalLayers layers updated from their change set
   * @param denseLayers layers evaluated densely (the first pass, or a large change set)
   * @param inputChanges input entries that differed from the previous pass's input (counted
   *     from the second pass of a run on: the first pass reads its whole input)
   * @param rowUpdates scattered updates {@code z_r += A_rc (x'_c - x_c)}, one per stored weight
   *     of a changed column
   * @param changedOutputs neurons whose output changed, summed over layers
   * @param denseMultiplyAdds multiply-adds of the dense layer evaluations
   */
  public record Stats(long passes, long exactPasses, long incrementalLayers, long denseLayers,
      long inputChanges, long rowUpdates, long changedOutputs,
      long denseMultiplyAdds) {
    /** The counts of {@code this} minus those of an earlier snapshot. */
    public Stats minus(Stats earlier) {
      return new Stats(passes - earlier.passes, exactPasses - earlier.exactPasses,
          incrementalLayers - earlier.incrementalLayers, denseLayers - earlier.denseLayers,
          inputChanges - earlier.inputChanges, rowUpdates - earlier.rowUpdates,
          changedOutputs - earlier.changedOutputs,
          denseMultiplyAdds - earlier.denseMultiplyAdds);
    }
  }

  /** One thread's counts of {@link Stats}, and per layer its row updates and dense passes. */
  static final class Counts {
    long passes;
    long exactPasses;
    long incrementalLayers;
    long denseLayers;
    long inputChanges;
    long rowUpdates;
    long changedOutputs;
    long denseMultiplyAdds;
    final long[] rowUpdatesByLayer;
    final long[] denseByLayer;

    Counts(int depth) {
      this.rowUpdatesByLayer = new long[depth];
      this.denseByLayer = new long[depth];
    }
  }

  /** A network compiled for incremental evaluation. Safe to share between threads. */
  public static final class Compiled implements Backend.Compiled {
    private final Network network;
    private final ExactBackend.Compiled exact;
    /** Null when some layer cannot run in long arithmetic: then every pass runs on exact. */
    private final ImmutableList<IncrementalLayer> layers;
    private final ThreadLocal<IncrementalEvaluator> evaluators;
    /** Each thread's counts, summed by {@link #stats}. */
    private final Queue<Counts> counts = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Counts> threadCounts;

    private Compiled(Network network) {
      this.network = network;
      this.exact = ExactBackend.INSTANCE.compile(network);
      boolean longs = true;
      for (int i = 0; i < network.depth(); i++) {
        longs &= IncrementalLayer.runsInLongs(exact.integerLayer(i));
      }
      if (longs) {
        ImmutableList.Builder<IncrementalLayer> b = ImmutableList.builder();
        for (int i = 0; i < network.depth(); i++) {
          b.add(IncrementalLayer.of(exact.integerLayer(i)));
        }
        this.layers = b.build();
      } else {
        this.layers = null;
      }
      this.threadCounts = ThreadLocal.withInitial(() -> {
        Counts c = new Counts(network.depth());
        counts.add(c);
        return c;
      });
      this.evaluators = ThreadLocal.withInitial(() -> new IncrementalEvaluator(this,
          threadCounts.get()));
    }

    @Override
    public Network network() {
      return network;
    }

    ExactBackend.Compiled exact() {
      return exact;
    }

    ImmutableList<IncrementalLayer> layers() {
      return layers;
    }

    /** True when passes run incrementally; false when the network needs the exact backend. */
    public boolean isIncremental() {
      return layers != null;
    }

    /**
     * Counts so far, over every thread. Each thread counts in plain fields of its own (no
     * atomic operation per pass), so another thread's latest passes are included once they
     * happen-before this call (the calling thread's own, or a thread's joined or awaited).
     */
    public Stats stats() {
      long[] t = new long[8];
      for (Counts c : counts) {
        long[] v = {c.passes, c.exactPasses, c.incrementalLayers, c.denseLayers, c.inputChanges,
            c.rowUpdates, c.changedOutputs, c.denseMultiplyAdds};
        for (int i = 0; i < t.length; i++) {
          t[i] += v[i];
        }
      }
      return new Stats(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }

    /** Row updates so far in each layer, over every thread (as {@link #stats} counts). */
    public long[] rowUpdatesByLayer() {
      return sums(c -> c.rowUpdatesByLayer);
    }

    /** Dense evaluations so far of each layer (first passes and large change sets). */
    public long[] denseEvaluationsByLayer() {
      return sums(c -> c.denseByLayer);
    }

    private long[] sums(Function<Counts, long[]> perLayer) {
      long[] r = new long[network.depth()];
      for (Counts c : counts) {
        long[] v = perLayer.apply(c);
        for (int i = 0; i < r.length; i++) {
          r[i] += v[i];
        }
      }
      return r;
    }

    /**
     * An output of this backend, or an edit of one ({@link StateVector#withEntries}), as it is
     * (integers it reads without converting, and the looped case it recognises); any other
     * vector converted exactly.
     */
    @Override
    public StateVector load(StateVector input) {
      if (input instanceof VersionedVector
          || (input instanceof EditedVector e && e.base() instanceof VersionedVector)) {
        return input;
      }
      return ScaledIntegerVector.copyOf(input);
    }

    @Override
    public StateVector apply(StateVector input, LayerObserver observer) {
      network.checkInput(input);
      if (layers == null) {
        Counts c = threadCounts.get();
        c.passes++;
        c.exactPasses++;
        return exact.apply(input, observer);
      }
      return evaluators.get().apply(input, observer);
    }
  }
}
