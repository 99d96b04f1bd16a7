package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where a classic machine's input comes from: a byte that can be looked at before a step and
 * taken by a step that reads. {@link #peek} is {@link ClassicMachine#END_OF_INPUT} at the end.
 */
public interface ByteInput {
  /** The next byte (0..255), or {@link ClassicMachine#END_OF_INPUT}; does not take it. */
  int peek();

  /** Takes the byte {@link #peek} shows; nothing at the end of input. */
  void take();

  /** How many bytes have been taken. */
  long taken();

  /** No input at all. */
  static ByteInput none() {
    return of(new byte[0]);
  }

  /** The given bytes, then end of input. */
  static ByteInput of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new ByteInput() {
      private int next;

      @Override
      public int peek() {
        return next < copy.length ? copy[next] & 0xFF : ClassicMachine.END_OF_INPUT;
      }

      @Override
      public void take() {
        if (next < copy.length) {
          next++;
        }
      }

      @Override
      public long taken() {
        return next;
      }
    };
  }

  /** The bytes of a stream (read one at a time, when a step needs them), then end of input. */
  static ByteInput of(InputStream in) {
    checkNotNull(in, "in");
    return new ByteInput() {
      private int buffered = -2;
      private long count;

      @Override
      public int peek() {
        if (buffered == -2) {
          try {
            buffered = in.read();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return buffered;
      }

      @Override
      public void take() {
        if (peek() >= 0) {
          buffered = -2;
          count++;
        }
      }

      @Override
      public long taken() {
        return count;
      }
    };
  }
}
