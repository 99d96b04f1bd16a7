package org.loopmlp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Which exceptions are the user's mistakes (one line, exit 2) and what that line says. */
final class Errors {
  private Errors() {}

  /** The one-line message for a user error, or {@code null} when {@code e} is a bug. */
  static String userMessage(Throwable e) {
    if (e instanceof UserError) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException) {
      return Inputs.reason(((UncheckedIOException) e).getCause());
    }
    if (e instanceof IOException) {
      return Inputs.reason((IOException) e);
    }
    return null;
  }
}
