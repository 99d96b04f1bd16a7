package org.loopmlp.exact;

import com.google.common.collect.ImmutableList;

/** The registry of backends by name. */
public final class Backends {
  private Backends() {}

  /** All backends, trusted first. */
  public static ImmutableList<Backend> all() {
    return ImmutableList.of(RationalBackend.INSTANCE, ExactBackend.INSTANCE,
        IncrementalBackend.INSTANCE, ParallelExactBackend.INSTANCE, Float64Backend.INSTANCE,
        Float32Backend.INSTANCE, NarrowFloatBackend.FLOAT16, NarrowFloatBackend.BFLOAT16);
  }

  /** The backend called {@code name}; fails with the list of known names. */
  public static Backend named(String name) {
    for (Backend b : all()) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown backend '" + name + "', expected one of "
        + all().stream().map(Backend::name).toList());
  }
}
