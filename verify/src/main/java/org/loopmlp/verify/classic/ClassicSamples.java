package org.loopmlp.verify.classic;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import org.loopmlp.isa.classic.ClassicConfig;

/** Small classic programs written here, with the bytes each prints, for {@code check}. */
public final class ClassicSamples {
  private ClassicSamples() {}

  /** A program, its config, input and expected output. */
  public record Sample(String name, String description, ClassicConfig config, long[] image,
      byte[] input, byte[] expected) {}

  /** Prints "OK", clears a word and halts by jumping to -1. */
  static final long[] PRINT_OK = {12, -1, 3, 13, -1, 6, 14, 14, -1, 0, 0, 0, 79, 75, 5};

  /** Echoes its input until end of input (stored -1 makes X + 1 <= 0). */
  static final long[] ECHO = {-1, 15, 3, 16, 15, -1, 17, 15, 9, 15, -1, 12, 18, 18, 0,
      0, -1, 1, 0};

  /** Walks the operand of its own output instruction through "Hi!" and stops at its end. */
  static final long[] WALK = {18, -1, 3, 22, 0, 6, 23, 23, 9, 0, 23, 12, 24, 23, -1, 25, 25, 0,
      72, 105, 33, 0, -1, 0, -21, 0};

  public static ImmutableList<Sample> all() {
    return ImmutableList.of(
        new Sample("print-ok", "prints OK from two data words, halts at pc -1",
            ClassicConfig.of(8, 4), PRINT_OK, new byte[0], bytes("OK")),
        new Sample("echo", "echoes its input up to end of input (stored as -1)",
            ClassicConfig.of(10, 5), ECHO, bytes("echo \u00ff!"), bytes("echo \u00ff!")),
        new Sample("walk", "rewrites the operand of its own output instruction",
            ClassicConfig.of(8, 5), WALK, new byte[0], bytes("Hi!")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
