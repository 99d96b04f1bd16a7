package org.loopmlp.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Reading the user's files, with every failure turned into one {@link UserError} line. */
public final class Inputs {
  private Inputs() {}

  /** The UTF-8 text of {@code file}; a {@link UserError} that says why when it cannot be read. */
  public static String readText(Path file) {
    if (Files.isDirectory(file)) {
      throw UserError.because("%s is a directory, expected a file", file);
    }
    if (!Files.exists(file)) {
      throw UserError.because("%s: no such file", file);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      // Some editors start UTF-8 files with a byte order mark; it is not part of the text.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw UserError.because("cannot read %s: not UTF-8 text", file);
    }
  }

  /**
   * Refuses, before any work is done, an output path that cannot be a new or replaced file: a
   * directory, or a path whose parent directory does not exist.
   */
  public static void checkWritableTarget(String option, Path out) {
    if (Files.isDirectory(out)) {
      throw UserError.because("cannot write %s %s: it is a directory", option, out);
    }
    // The parent as the user typed it (a bare file name lives in the working directory).
    Path parent = out.getParent() != null ? out.getParent() : Path.of(".");
    if (!Files.isDirectory(parent)) {
      throw UserError.because("cannot write %s %s: the directory %s does not exist", option, out,
          parent);
    }
    if (!Files.isWritable(parent) && !Files.isWritable(out)) {
      throw UserError.because("cannot write %s %s: permission denied", option, out);
    }
  }

  /** One line saying why {@code file} could not be read (or written). */
  public static UserError cannotRead(Path file, IOException e) {
    return new UserError("cannot read " + file + ": " + reason(e));
  }

  /** One line saying why {@code file} could not be written. */
  public static UserError cannotWrite(Path file, IOException e) {
    return new UserError("cannot write " + file + ": " + reason(e));
  }

  /** A short human reason for an I/O failure, without the exception's class name. */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a parent of the path is not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    }
    // A FileSystemException's message starts with the (possibly absolute or temporary) path
    // the library used; the caller names the user's path, so keep only the reason.
    String m = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
        ? ((FileSystemException) e).getReason() : e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
