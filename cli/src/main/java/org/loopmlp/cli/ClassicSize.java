package org.loopmlp.cli;

import org.loopmlp.isa.classic.ClassicConfig;
import picocli.CommandLine.Option;

/**
 * The size of a classic network without a program to size it ({@code check}, {@code export},
 * {@code prove}): {@code --config N,A}, or {@code --word N} and {@code --memory-bits A}; N
 * defaults to 8 on every command ({@link ClassicOptions#DEFAULT_WORD_BITS}) and A to 4.
 */
final class ClassicSize {
  /** The options of this group, which apply to {@code --isa classic} only. */
  static final String[] NAMES = {"--word", "--memory-bits"};

  @Option(names = "--word", paramLabel = "N",
      description = "--isa classic: word bits N (default: 8).")
  Integer word;

  @Option(names = "--memory-bits", paramLabel = "A",
      description = "--isa classic: memory address bits A, 2^A words (default: 4).")
  Integer memoryBits;

  /** The size of {@code --config N,A} (null when not given), or of --word and --memory-bits. */
  ClassicConfig config(String configText) {
    if (configText != null) {
      if (word != null || memoryBits != null) {
        throw UserError.because("give --config N,A or --word and --memory-bits, not both");
      }
      return parse(configText);
    }
    return of(word == null ? ClassicOptions.DEFAULT_WORD_BITS : word,
        memoryBits == null ? ClassicOptions.DEFAULT_MEMORY_BITS : memoryBits);
  }

  /** {@code N,A}: word bits and memory address bits. */
  static ClassicConfig parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 2) {
      throw new UserError("Invalid value for option '--config': --isa classic expects N,A (word"
          + " bits, memory address bits), e.g. 16,8; was '" + text + "'");
    }
    try {
      return of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new UserError("Invalid value for option '--config': '" + text + "' is not N,A");
    }
  }

  /** The classic config N, A, or one line naming what is out of range. */
  static ClassicConfig of(int n, int a) {
    try {
      return ClassicConfig.of(n, a);
    } catch (IllegalArgumentException e) {
      throw new UserError("classic config N=" + n + ", A=" + a + " is out of range: "
          + e.getMessage());
    }
  }
}
