package org.loopmlp.exact;

/**
 * The {@code exact} backend with the rows of each large layer split across all cores ({@link
 * RowChunks}): the same values, bit for bit, because every row is the same exact integer sum
 * whichever core computes it. A layer that cannot run in unchecked long arithmetic (fractions,
 * or a bound at or above 2^62) runs as in {@link ExactBackend}, on one core.
 */
public final class ParallelExactBackend implements Backend {
  public static final ParallelExactBackend INSTANCE = new ParallelExactBackend();

  private ParallelExactBackend() {}

  @Override
  public String name() {
    return "exact-parallel";
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public Compiled compile(Network network) {
    return new Compiled(network);
  }

  /** A network compiled to integer layers cut into row chunks. Safe to share between threads. */
  public static final class Compiled implements Backend.Compiled {
    private final ExactBackend.Compiled exact;
    private final RowChunks[] chunks;

    private Compiled(Network network) {
      this.exact = ExactBackend.INSTANCE.compile(network);
      this.chunks = new RowChunks[network.depth()];
      for (int i = 0; i < chunks.length; i++) {
        chunks[i] = RowChunks.of(exact.integerLayer(i));
      }
    }

    @Override
    public Network network() {
      return exact.network();
    }

    @Override
    public ScaledIntegerVector load(StateVector input) {
      return ScaledIntegerVector.copyOf(input);
    }

    @Override
    public ScaledIntegerVector apply(StateVector input, LayerObserver observer) {
      network().checkInput(input);
      ScaledIntegerVector x = ScaledIntegerVector.copyOf(input);
      for (int i = 0; i < chunks.length; i++) {
        x = applyLayer(i, x);
        observer.afterLayer(i, network().layer(i), x);
      }
      return x;
    }

    private ScaledIntegerVector applyLayer(int index, ScaledIntegerVector x) {
      IntegerLayer layer = exact.integerLayer(index);
      long[] xs = x.longsUnsafe();
      if (xs != null && x.isInteger() && IncrementalLayer.runsInLongs(layer)) {
        long bound = IntegerLayer.saturatedAdd(
            IntegerLayer.saturatedMultiply(layer.maxRowAbsSum, x.maxAbsLong()), layer.maxAbsBias);
        if (bound < ExactBackend.SAFE_BOUND) {
          RowChunks rc = chunks[index];
          long[] y = new long[layer.rows];
          long[] max = new long[rc.count()];
          rc.forEach(c -> max[c] = DenseRows.relu(layer, rc.from(c), rc.to(c), xs, y));
          long m = 0;
          for (long v : max) {
            m = Math.max(m, v);
          }
          return ScaledIntegerVector.wrapLongs(y, m);
        }
      }
      return exact.applyLayer(index, x);
    }
  }
}
