package org.loopmlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files the commands write for the user: checked before any work, shared when written. */
final class OutputFiles {
  private OutputFiles() {}

  /** Writes a file's bytes to a stream. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Refuses, before any work is done, an output file that cannot be written, and one that exists
   * unless {@code force} (as {@code prove --out} refuses a directory that is not empty).
   */
  static void checkTarget(String option, Path file, boolean force) {
    Inputs.checkWritableTarget(option, file);
    if (!force && Files.exists(file)) {
      throw UserError.because("%s %s exists; choose another name, or add --force to replace it",
          option, file);
    }
  }

  /** Refuses two options that name the same file. */
  static void checkDistinct(String option, Path file, String otherOption, Path other) {
    if (file != null && other != null
        && file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())) {
      throw UserError.because("%s and %s name the same file %s", otherOption, option, file);
    }
  }

  /** Temporary files are private (rw-------); an exported file is for sharing (rw-r--r--). */
  static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes through a temporary file and an atomic rename, so a failure leaves no half file. */
  static void writeAtomically(Path file, Writer writer) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".loopmlp-", ".tmp");
      try (OutputStream o = Files.newOutputStream(tmp)) {
        writer.write(o);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      readableByAll(file);
    } catch (IOException e) {
      throw Inputs.cannotWrite(file, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The temporary file is already moved or cannot be removed; nothing else to do.
        }
      }
    }
  }
}
