package org.loopmlp.exact;

import java.io.IOException;
import java.nio.file.Path;

/** A network file that is not in {@link NetworkFormat}: names the file, the line and what was expected. */
public final class NetworkFormatException extends IOException {
  private final Path file;
  private final long line;

  NetworkFormatException(Path file, long line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line number where reading stopped. */
  public long line() {
    return line;
  }
}
