package org.loopmlp.cli;

/**
 * A mistake in the command line or in the user's input (missing file, malformed program, size out
 * of range). Reported as one line on stderr with exit code {@link ExitCodes#USAGE}, never with a
 * stack trace.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message, null, false, false);
  }

  /** An error whose message is {@code String.format(format, args)}. */
  public static UserError because(String format, Object... args) {
    return new UserError(String.format(format, args));
  }
}
