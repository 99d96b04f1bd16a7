package org.loopmlp.isa;

/**
 * A mistake in a program text or memory image: where it is (file, 1-based line and column) and
 * what was expected there. {@link #getMessage()} reads {@code file:line:column: message}. Each
 * format has its own subclass, so that a caller can tell which reader refused the text.
 */
public abstract class TextFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  protected TextFormatException(String file, int line, int column, String reason) {
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
