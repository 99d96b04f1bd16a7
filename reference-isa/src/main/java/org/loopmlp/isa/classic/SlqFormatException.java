package org.loopmlp.isa.classic;

import org.loopmlp.isa.TextFormatException;

/**
 * A mistake in a {@code .slq} memory image: where it is (file, 1-based line and column) and
 * what was expected there. {@link #getMessage()} reads {@code file:line:column: message}.
 */
public final class SlqFormatException extends TextFormatException {
  private static final long serialVersionUID = 1L;

  public SlqFormatException(String file, int line, int column, String reason) {
    super(file, line, column, reason);
  }
}
