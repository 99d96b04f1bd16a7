package org.loopmlp.cli;

import java.util.Locale;

/** Refuses work whose estimated memory does not fit in the heap, before allocating any of it. */
public final class MemoryBudget {
  private MemoryBudget() {}

  /** The heap this JVM may still grow into (max heap minus what is in use now). */
  public static long availableBytes() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Throws a {@link UserError} quoting the estimate and the available heap when {@code
   * estimatedBytes} exceeds {@code available}.
   */
  public static void require(String what, long estimatedBytes, long available) {
    if (estimatedBytes > available) {
      throw UserError.because(
          "%s needs about %s but only %s of heap is available; choose a smaller size or give"
              + " Java more heap (LOOPMLP_JAVA_OPTS=-Xmx...)",
          what, mib(estimatedBytes), mib(available));
    }
  }

  /** A byte count as {@code 12.3 MiB} or {@code 4.1 GiB}. */
  public static String mib(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }
}
