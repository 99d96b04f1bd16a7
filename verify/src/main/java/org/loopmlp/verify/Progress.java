package org.loopmlp.verify;

/**
 * Sees a campaign advance: how much of it is done (states, tries or mutants) out of the total.
 * Called from one thread at a time, with {@code done} never decreasing.
 */
@FunctionalInterface
public interface Progress {
  Progress NONE = (done, total) -> {};

  void advanced(long done, long total);
}
