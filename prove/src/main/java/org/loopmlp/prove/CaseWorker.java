package org.loopmlp.prove;

/**
 * Searches {@link CaseTask}s of one construction's proof, from any thread at once (each thread
 * keeps its own work arrays per stage). Made by {@link PaperProver#worker} or {@link
 * ClassicProver#worker}; a distributed runner makes one per executor from the same
 * construction, so that a task's result does not depend on where it ran.
 */
public final class CaseWorker {
  private final LemmaSearch<?, ?, ?, ?> search;

  CaseWorker(LemmaSearch<?, ?, ?, ?> search) {
    this.search = search;
  }

  /** The subtree of {@code task}, searched. */
  public CaseResult run(CaseTask task) {
    return search.runTask(task);
  }
}
