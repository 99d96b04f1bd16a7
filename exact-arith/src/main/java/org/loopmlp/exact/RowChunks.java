package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The rows of one layer cut into chunks of about equal work (stored weights plus rows), and a
 * way to run a job on every chunk, on all cores when the layer is large enough to pay for it.
 *
 * <p>Determinism: each chunk writes only its own rows (and its own slots of any per-chunk
 * result), and an exact integer sum does not depend on the order in which rows are computed,
 * so the result is the same whichever core computes which chunk and in whatever order.
 */
final class RowChunks {
  /** Below this much work (multiply-adds plus rows) a layer runs on the calling thread. */
  static final int MIN_PARALLEL_WORK = 1 << 15;

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  /** Chunk {@code c} is rows {@code [bounds[c], bounds[c + 1])}. */
  private final int[] bounds;

  private RowChunks(int[] bounds) {
    this.bounds = bounds;
  }

  /** One chunk for a small layer or a single core; otherwise a few chunks per core. */
  static RowChunks of(IntegerLayer layer) {
    long work = (long) layer.rowStart[layer.rows] + layer.rows;
    int parts = PROCESSORS > 1 && work >= MIN_PARALLEL_WORK ? PROCESSORS * 4 : 1;
    return split(layer.rowStart, layer.rows, parts);
  }

  /** {@code rows} rows cut into at most {@code parts} chunks of about equal work. */
  static RowChunks split(int[] rowStart, int rows, int parts) {
    checkArgument(parts >= 1, "parts must be >= 1, was %s", parts);
    int n = Math.max(1, Math.min(parts, rows));
    int[] bounds = new int[n + 1];
    long total = (long) rowStart[rows] + rows;
    int r = 0;
    for (int c = 1; c < n; c++) {
      long target = total * c / n;
      while (r < rows && (long) rowStart[r] + r < target) {
        r++;
      }
      bounds[c] = r;
    }
    bounds[n] = rows;
    return new RowChunks(bounds);
  }

  int count() {
    return bounds.length - 1;
  }

  int from(int chunk) {
    return bounds[chunk];
  }

  int to(int chunk) {
    return bounds[chunk + 1];
  }

  /** Runs {@code job} on every chunk: on the calling thread for one chunk, else on the pool. */
  void forEach(IntConsumer job) {
    if (count() == 1) {
      job.accept(0);
    } else {
      Pool.POOL.invoke(new Chunks(job, 0, count()));
    }
  }

  /** The pool, created on first parallel use: one worker per available processor. */
  private static final class Pool {
    static final ForkJoinPool POOL = new ForkJoinPool(PROCESSORS);
  }

  /** Chunks {@code [lo, hi)}, split in halves down to single chunks. */
  private static final class Chunks extends RecursiveAction {
    private final IntConsumer job;
    private final int lo;
    private final int hi;

    Chunks(IntConsumer job, int lo, int hi) {
      this.job = job;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    protected void compute() {
      if (hi - lo == 1) {
        job.accept(lo);
      } else {
        int mid = (lo + hi) >>> 1;
        invokeAll(new Chunks(job, lo, mid), new Chunks(job, mid, hi));
      }
    }
  }
}
