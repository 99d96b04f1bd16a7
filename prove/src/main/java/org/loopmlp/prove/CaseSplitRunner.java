package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the pieces of a stage's case split ({@link CaseTask}) and hands their results back in task
 * order. The prover cuts each goal's tree at a depth fixed by {@link #parallelism} and splices the
 * results in order, so the certificate and every count are those of one depth-first search,
 * whatever the runner and however many pieces it runs at once (tests assert the bytes).
 * {@link #threads} runs them on this JVM's cores; the {@code distributed} module runs them on
 * Spark executors.
 */
public interface CaseSplitRunner {
  /** How many pieces run at once (the split is cut into many more, for balance). */
  int parallelism();

  /**
   * Searches every task (indices 0, 1, ... in order) and hands each result to {@code inOrder} in
   * that order, on the calling thread. {@code worker} is this JVM's worker for the proof.
   */
  void run(List<CaseTask> tasks, CaseWorker worker, Consumer<CaseResult> inOrder);

  /** The search in one thread, without cutting the tree (the order it has always run in). */
  CaseSplitRunner SEQUENTIAL = new CaseSplitRunner() {
    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public void run(List<CaseTask> tasks, CaseWorker worker, Consumer<CaseResult> inOrder) {
      tasks.forEach(t -> inOrder.accept(worker.run(t)));
    }
  };

  /**
   * The default: {@link #threads} on every core ({@code availableProcessors}), or on the number
   * of threads the system property {@code loopmlp.prove.threads} gives.
   */
  static CaseSplitRunner defaults() {
    int n = Integer.getInteger("loopmlp.prove.threads",
        Runtime.getRuntime().availableProcessors());
    return threads(Math.max(1, n));
  }

  /**
   * The pieces on {@code n} threads of this JVM; at most a window of pieces is searched ahead of
   * the first one not yet handed back, so that memory holds a bounded part of the certificate.
   * {@code threads(1)} is {@link #SEQUENTIAL}.
   */
  static CaseSplitRunner threads(int n) {
    checkArgument(n >= 1, "threads must be >= 1, was %s", n);
    if (n == 1) {
      return SEQUENTIAL;
    }
    return new CaseSplitRunner() {
      @Override
      public int parallelism() {
        return n;
      }

      @Override
      public void run(List<CaseTask> tasks, CaseWorker worker, Consumer<CaseResult> inOrder) {
        int window = 32 * n;
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
          Thread t = new Thread(r, "loopmlp-prove");
          t.setDaemon(true);
          return t;
        });
        try {
          Deque<Future<CaseResult>> pending = new ArrayDeque<>();
          int next = 0;
          while (next < tasks.size() || !pending.isEmpty()) {
            while (next < tasks.size() && pending.size() < window) {
              CaseTask t = tasks.get(next++);
              pending.add(pool.submit(() -> worker.run(t)));
            }
            inOrder.accept(pending.removeFirst().get());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        } finally {
          pool.shutdownNow();
        }
      }
    };
  }
}
