package org.loopmlp.verify;

import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.RationalBackend;

/** The backends the tests run on. */
final class TestBackends {
  private TestBackends() {}

  /** The fast exact backend when the build has it, else the rational one. */
  static Backend exact() {
    return Backends.all().stream().filter(b -> b.name().equals("exact")).findFirst()
        .orElse(RationalBackend.INSTANCE);
  }

  static Backend rational() {
    return RationalBackend.INSTANCE;
  }

  static boolean campaign() {
    return Boolean.getBoolean("loopmlp.campaign");
  }
}
