package org.loopmlp.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs the partitions of a campaign on a plain thread pool and merges their results in partition
 * order, so that the merged result is the one a single thread computes: each partition's result
 * depends on its own range only, and {@code merge(a, b)} (a before b) ignores b once a {@code
 * stops} the campaign (its first counterexample). Partitions after a stopping one are not run.
 */
final class Partitions {
  private Partitions() {}

  /** Threads by default: every core. */
  static int everyCore() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * {@code part(0)} merged with {@code part(1)}, ... in order, up to the first that stops; on
   * {@code threads} threads (1: in this thread, in order).
   */
  static <P> P run(int count, int threads, IntFunction<P> part, BinaryOperator<P> merge,
      Predicate<P> stops) {
    if (threads <= 1 || count <= 1) {
      P whole = part.apply(0);
      for (int i = 1; i < count && !stops.test(whole); i++) {
        whole = merge.apply(whole, part.apply(i));
      }
      return whole;
    }
    AtomicInteger firstStop = new AtomicInteger(Integer.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
      Thread t = new Thread(r, "campaign");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<P>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          if (index > firstStop.get()) {
            return null; // after a counterexample: merge ignores it
          }
          P p = part.apply(index);
          if (stops.test(p)) {
            firstStop.accumulateAndGet(index, Math::min);
          }
          return p;
        }));
      }
      P whole = get(futures.get(0));
      for (int i = 1; i < count && !stops.test(whole); i++) {
        whole = merge.apply(whole, get(futures.get(i)));
      }
      return whole;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <P> P get(Future<P> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
