package org.loopmlp.cli;

/** The exit codes of every {@code loopmlp} command. */
public final class ExitCodes {
  /** Everything held: lemmas proved, engines agree, no counterexample. */
  public static final int OK = 0;
  /** A counterexample or a disagreement between engines was found and printed. */
  public static final int FOUND = 1;
  /** A usage or input error, reported as one line on stderr. */
  public static final int USAGE = 2;
  /** An internal error: a bug in the toolkit (reported with its stack trace). */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
