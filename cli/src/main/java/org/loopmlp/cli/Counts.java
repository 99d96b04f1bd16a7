package org.loopmlp.cli;

import java.util.Locale;

/** Counts and rates as the commands print them. */
final class Counts {
  private Counts() {}

  /** {@code "1 step"}, {@code "24 steps"}. */
  static String steps(long n) {
    return n + (n == 1 ? " step" : " steps");
  }

  /** {@code 1.23M}, {@code 45.6k}, {@code 789}, {@code 1.50}: a rate per second. */
  static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
    }
    if (perSecond >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
    }
    if (perSecond >= 100) {
      return String.format(Locale.ROOT, "%.0f", perSecond);
    }
    return String.format(Locale.ROOT, "%.2f", perSecond);
  }
}
