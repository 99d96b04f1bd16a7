package org.loopmlp.verify;

import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;

/** The backends the tests run on, by their command-line names. */
final class TestBackends {
  private TestBackends() {}

  /** The fast exact backend: scaled integers, long arithmetic with BigInteger fallback. */
  static Backend exact() {
    return Backends.named("exact");
  }

  /** Exact evaluation of only what changed since the previous pass. */
  static Backend incremental() {
    return Backends.named("incremental");
  }

  /** The trusted, slow exact backend. */
  static Backend rational() {
    return Backends.named("rational");
  }

  static Backend float64() {
    return Backends.named("float64");
  }

  static Backend float32() {
    return Backends.named("float32");
  }

  /** True under the {@code campaign} profile (larger sizes, more tries). */
  static boolean campaign() {
    return Boolean.getBoolean("loopmlp.campaign");
  }
}
