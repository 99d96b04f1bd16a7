package org.loopmlp.isa.asm;

/**
 * A mistake in a {@code .sq} program text: where it is (file, 1-based line and column) and what
 * was expected there. {@link #getMessage()} reads {@code file:line:column: message}.
 */
public final class SqFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public SqFormatException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** 1-based line number. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token. */
  public int column() {
    return column;
  }

  /** The message without the position prefix. */
  public String reason() {
    return reason;
  }
}
