package org.loopmlp.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.StateVector;
import org.loopmlp.exact.bench.BackendBenchmark;
import org.loopmlp.exact.bench.BenchmarkResult;

/**
 * The floor of an incremental run: its arithmetic alone, at the speed of the bare CSR loop
 * measured in the same run ({@link org.loopmlp.exact.bench.BareCsrLoop}). A pass of the {@code
 * incremental} backend does {@code u} row updates ({@code z_r += A_rc d_c}, one multiply-add
 * each); at the bare loop's {@code t} seconds per multiply-add that is {@code u t} seconds, so no
 * evaluation that does those updates passes faster than {@code 1 / (u t)} per second. The rest of
 * a pass's time is what surrounds the arithmetic: change lists, decode, the host loop.
 *
 * @param rowUpdatesPerPass row updates per pass, the mean over a run
 * @param secondsPerMultiplyAdd the bare loop's mean pass over its multiply-adds per pass
 */
record Floor(double rowUpdatesPerPass, double secondsPerMultiplyAdd) {
  /** The floor of the passes {@code work} counts, at the speed of {@code bare}. */
  static Floor of(IncrementalBackend.Stats work, BenchmarkResult bare) {
    return new Floor(work.rowUpdates() / (double) Math.max(1, work.passes()),
        bare.meanSeconds() / Math.max(1, bare.multiplyAddsPerPass()));
  }

  /** The bare loop over {@code network}'s weights from {@code input}, timed within {@code budget}. */
  static BenchmarkResult bareLoop(Network network, StateVector input, Duration budget) {
    return BackendBenchmark.measureBareLoop(network, input, budget);
  }

  /** {@code compiled} when it is the {@code incremental} backend's, else empty. */
  static Optional<IncrementalBackend.Compiled> incremental(Backend.Compiled compiled) {
    return compiled instanceof IncrementalBackend.Compiled i ? Optional.of(i) : Optional.empty();
  }

  /** Passes per second at the floor: {@code 1 / (u t)}. */
  double passesPerSecond() {
    return 1 / Math.max(rowUpdatesPerPass * secondsPerMultiplyAdd, 1e-15);
  }

  /** {@code passesPerSecond} as a fraction of the floor's. */
  double fraction(double passesPerSecond) {
    return passesPerSecond / passesPerSecond();
  }

  /**
   * One phrase: the floor, how it is made, and {@code passesPerSecond} as a fraction of it, e.g.
   * "floor 75.5k passes/s (2,886 row updates/pass x 4.59 ns per multiply-add of the bare loop);
   * 0.41 of it".
   */
  String describe(double passesPerSecond) {
    return String.format(Locale.ROOT, "floor %s passes/s (%,.0f row updates/pass x %.2f ns per"
        + " multiply-add of the bare loop); %.2f of it", Counts.rate(passesPerSecond()),
        rowUpdatesPerPass, secondsPerMultiplyAdd * 1e9, fraction(passesPerSecond));
  }
}
