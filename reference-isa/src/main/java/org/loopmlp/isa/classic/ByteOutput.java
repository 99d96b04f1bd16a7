package org.loopmlp.isa.classic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Where a classic machine's output goes, a byte (0..255) at a time. */
@FunctionalInterface
public interface ByteOutput {
  void write(int b);

  /** Drops every byte. */
  static ByteOutput discard() {
    return b -> {};
  }

  /** Writes every byte to a stream, flushing after a newline so that output shows as it runs. */
  static ByteOutput to(OutputStream out) {
    return b -> {
      try {
        out.write(b);
        if (b == '\n') {
          out.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Collects the bytes; {@link Collecting#bytes()} returns them. */
  static Collecting collecting() {
    return new Collecting();
  }

  /** An output that keeps what it is given. */
  final class Collecting implements ByteOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Collecting() {}

    @Override
    public void write(int b) {
      bytes.write(b);
    }

    public byte[] bytes() {
      return bytes.toByteArray();
    }

    public int size() {
      return bytes.size();
    }
  }
}
