package org.loopmlp.isa.asm;

import org.loopmlp.isa.TextFormatException;

/**
 * A mistake in a {@code .sq} program text: where it is (file, 1-based line and column) and what
 * was expected there. {@link #getMessage()} reads {@code file:line:column: message}.
 */
public final class SqFormatException extends TextFormatException {
  private static final long serialVersionUID = 1L;

  public SqFormatException(String file, int line, int column, String reason) {
    super(file, line, column, reason);
  }
}
