package org.loopmlp.distributed;

import java.util.Locale;

/** A mistake of the user's: printed as one line, exit 2, never a stack trace. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message, null, false, false);
  }

  static UserError because(String format, Object... args) {
    return new UserError(String.format(Locale.ROOT, format, args));
  }
}
