package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A classic SUBLEQ memory image read from {@code .slq} text (docs/SPEC.md, the {@code .slq}
 * format): whitespace-separated decimal integers (an optional sign, then digits), loaded from
 * address 0; {@code #} starts a comment that runs to the end of its line. Every word keeps the
 * line and column it came from, so that a word that does not fit a config is reported where it
 * is written.
 */
public final class SlqImage {
  private final String file;
  private final long[] words;
  private final int[] lines;
  private final int[] columns;

  private SlqImage(String file, long[] words, int[] lines, int[] columns) {
    this.file = file;
    this.words = words;
    this.lines = lines;
    this.columns = columns;
  }

  /**
   * Reads an image.
   *
   * @param file the name to report errors against (as the user typed it)
   * @param text the whole text
   * @throws SlqFormatException at the first token that is not an integer or does not fit in 64
   *     bits, or at the end of a text without a word (empty or only comments: a machine that
   *     would run all-zero memory to its step limit)
   */
  public static SlqImage parse(String file, String text) {
    checkNotNull(file, "file");
    checkNotNull(text, "text");
    int n = text.length();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int lineStart = 0;
    long[] words = new long[16];
    int[] lines = new int[16];
    int[] columns = new int[16];
    int count = 0;
    while (i < n) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        line++;
        i++;
        lineStart = i;
      } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\u000B') {
        i++;
      } else if (ch == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else {
        int start = i;
        while (i < n && !isSeparator(text.charAt(i))) {
          i++;
        }
        int column = text.codePointCount(lineStart, start) + 1;
        long value = parseWord(file, line, column, text.substring(start, i));
        if (count == words.length) {
          words = Arrays.copyOf(words, count * 2);
          lines = Arrays.copyOf(lines, count * 2);
          columns = Arrays.copyOf(columns, count * 2);
        }
        words[count] = value;
        lines[count] = line;
        columns[count] = column;
        count++;
      }
    }
    if (count == 0) {
      throw new SlqFormatException(file, line, text.codePointCount(lineStart, n) + 1,
          "no words: the image is empty or only comments; a program needs at least one word");
    }
    return new SlqImage(file, Arrays.copyOf(words, count), Arrays.copyOf(lines, count),
        Arrays.copyOf(columns, count));
  }

  private static boolean isSeparator(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\u000B'
        || ch == '#';
  }

  private static long parseWord(String file, int line, int column, String token) {
    int digits = token.startsWith("-") || token.startsWith("+") ? 1 : 0;
    boolean ok = token.length() > digits;
    for (int k = digits; k < token.length() && ok; k++) {
      ok = token.charAt(k) >= '0' && token.charAt(k) <= '9';
    }
    if (!ok) {
      throw new SlqFormatException(file, line, column,
          "expected an integer, found '" + printable(token) + "'");
    }
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw new SlqFormatException(file, line, column,
          "integer " + printable(token) + " is out of range (more than 64 bits)");
    }
  }

  /** At most 32 characters of a token, with anything outside printable ASCII escaped. */
  static String printable(String token) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < token.length() && sb.length() < 32; k++) {
      char c = token.charAt(k);
      if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.length() < 32 ? sb.toString() : sb + "...";
  }

  public String file() {
    return file;
  }

  /** The number of words in the image. */
  public int size() {
    return words.length;
  }

  /** The words, address order. */
  public long[] words() {
    return words.clone();
  }

  /** The smallest A with 2^A >= size (at least {@link ClassicConfig#MIN_MEMORY_BITS}). */
  public int smallestMemoryBits() {
    int a = ClassicConfig.MIN_MEMORY_BITS;
    while ((1L << a) < words.length) {
      a++;
    }
    return a;
  }

  /** The smallest N whose words hold every value of the image. */
  public int smallestWordBits() {
    int bits = ClassicConfig.MIN_WORD_BITS;
    for (long w : words) {
      while (bits < 64 && (w < -(1L << (bits - 1)) || w > (1L << (bits - 1)) - 1)) {
        bits++;
      }
    }
    return bits;
  }

  /**
   * The state a run of this image starts in under {@code config}.
   *
   * @throws SlqFormatException at the first word that does not fit in N bits, or at the first
   *     word past the end of memory
   */
  public ClassicState load(ClassicConfig config) {
    checkNotNull(config, "config");
    if (words.length > config.memorySize()) {
      int k = config.memorySize();
      throw new SlqFormatException(file, lines[k], columns[k], "the image has " + words.length
          + " words, more than the 2^" + config.memoryBits() + " = " + config.memorySize()
          + " words of memory (word " + k + " is here)");
    }
    for (int k = 0; k < words.length; k++) {
      if (!config.fitsWord(words[k])) {
        throw new SlqFormatException(file, lines[k], columns[k], "value " + words[k]
            + " (word " + k + ") does not fit in " + config.wordBits() + "-bit words ["
            + config.minWord() + ", " + config.maxWord() + "]");
      }
    }
    return ClassicState.load(config, words);
  }
}
