package org.loopmlp.exact.bench;

/**
 * Timing of repeated passes of one evaluator over one network.
 *
 * @param name the backend name, or {@code "bare-csr-long"} for {@link BareCsrLoop}
 * @param multiplyAddsPerPass non-zero weights evaluated per pass
 * @param passes timed passes (after warm-up)
 * @param bestSeconds fastest pass
 * @param medianSeconds median pass
 * @param meanSeconds mean pass: total time over timed passes (the throughput of a long run)
 */
public record BenchmarkResult(
    String name, long multiplyAddsPerPass, int passes, double bestSeconds, double medianSeconds,
    double meanSeconds) {

  /** Multiply-adds per second of the fastest pass. */
  public double bestRate() {
    return multiplyAddsPerPass / bestSeconds;
  }

  /** Multiply-adds per second of the median pass. */
  public double medianRate() {
    return multiplyAddsPerPass / medianSeconds;
  }
}
