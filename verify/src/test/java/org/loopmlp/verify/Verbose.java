package org.loopmlp.verify;

/**
 * Tables and reports a test can show: printed only with {@code -Dloopmlp.verbose=true}, so that a
 * green {@code mvn -B verify} reads as a short report. Assertions never depend on them.
 */
final class Verbose {
  private static final boolean ON = Boolean.getBoolean("loopmlp.verbose");

  private Verbose() {}

  static void println(Object o) {
    if (ON) {
      System.out.println(o);
    }
  }

  static void printf(String format, Object... args) {
    if (ON) {
      System.out.printf(format, args);
    }
  }
}
