package org.loopmlp.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives malformed inputs from valid ones: truncations, flipped bits and bytes, huge and
 * boundary numbers in place of numbers, deep nesting, invalid UTF-8, and inserted, deleted,
 * duplicated, swapped and repeated lines. Each input gets one to four stacked mutations; the
 * same random state gives the same input.
 */
final class Mutator {
  /** Inputs are capped at this size so that a run of repetitions cannot grow without bound. */
  static final int MAX_BYTES = 1 << 18;

  private static final String[] NUMBERS = {
      "0", "-0", "1", "-1", "2", "255", "256", "-129", "32767", "65536", "2147483647",
      "2147483648", "-2147483648", "-2147483649", "4294967296", "9223372036854775807",
      "9223372036854775808", "-9223372036854775809", "18446744073709551616",
      "340282366920938463463374607431768211456", "0x7fffffff", "0x80000000", "0xFFFFFFFFFFFFFFFF",
      "0x", "1/0", "0/0", "-1/-1", "1/2147483648", "1e9", "1.5", "+7", "--1", "00000000000001",
  };

  private static final byte[][] INVALID_UTF8 = {
      {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
      (byte) 0x80}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
  };

  private static final String[] SPECIALS = {
      "\u0000", "\r", "\n", "\r\n", "\t", " ", "  ", ":", ";", "#", ".", "+", "-", ",", "/", "=",
      "..", "\u001b[2J", "\u00e9", "\u2028", "\uFEFF", "x:", "HALT", ".data", ".code", ".config",
      "pc=", "end", "l -", "s 0", "t 0 1", "o 0", "row 0 0 0", "name ", "label ",
  };

  private static final String[] NESTING = {"(", "[", "{", "+", "-", ".", ",", ":", "0"};

  private Mutator() {}

  /** One malformed input derived from {@code seed}. */
  static byte[] mutate(byte[] seed, SplittableRandom random) {
    byte[] b = seed;
    int count = 1 + (random.nextInt(8) == 0 ? random.nextInt(4) : random.nextInt(2));
    for (int k = 0; k < count; k++) {
      b = once(b, random);
      if (b.length > MAX_BYTES) {
        b = java.util.Arrays.copyOf(b, MAX_BYTES);
      }
    }
    return b;
  }

  private static byte[] once(byte[] b, SplittableRandom random) {
    switch (random.nextInt(14)) {
      case 0:
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
      case 1: {
        if (b.length == 0) {
          return b;
        }
        byte[] c = b.clone();
        c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
        return c;
      }
      case 2: {
        if (b.length == 0) {
          return b;
        }
        byte[] c = b.clone();
        c[random.nextInt(c.length)] = (byte) random.nextInt(256);
        return c;
      }
      case 3:
        return insert(b, random.nextInt(b.length + 1),
            INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
      case 4:
        return insert(b, random.nextInt(b.length + 1),
            SPECIALS[random.nextInt(SPECIALS.length)].getBytes(StandardCharsets.UTF_8));
      case 5:
      case 6:
        return replaceNumber(b, random, NUMBERS[random.nextInt(NUMBERS.length)]);
      case 7:
        return replaceNumber(b, random, longNumber(random));
      case 8: {
        String unit = NESTING[random.nextInt(NESTING.length)];
        return insert(b, random.nextInt(b.length + 1),
            unit.repeat(1 + random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8));
      }
      case 9:
        return deleteRange(b, random);
      case 10:
      case 11:
        return lines(b, random);
      case 12:
        return spliceToken(b, random);
      default: {
        byte[] noise = new byte[1 + random.nextInt(16)];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (byte) random.nextInt(256);
        }
        return insert(b, random.nextInt(b.length + 1), noise);
      }
    }
  }

  private static String longNumber(SplittableRandom random) {
    int digits = random.nextInt(10) == 0 ? 10_000 + random.nextInt(40_000)
        : 20 + random.nextInt(400);
    StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
    s.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < digits; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] c = new byte[b.length + what.length];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(what, 0, c, at, what.length);
    System.arraycopy(b, at, c, at + what.length, b.length - at);
    return c;
  }

  private static byte[] deleteRange(byte[] b, SplittableRandom random) {
    if (b.length == 0) {
      return b;
    }
    int from = random.nextInt(b.length);
    int to = Math.min(b.length, from + 1 + random.nextInt(64));
    byte[] c = new byte[b.length - (to - from)];
    System.arraycopy(b, 0, c, 0, from);
    System.arraycopy(b, to, c, from, b.length - to);
    return c;
  }

  /** Replaces a run of digits (with its sign), chosen uniformly, by {@code number}. */
  private static byte[] replaceNumber(byte[] b, SplittableRandom random, String number) {
    byte[] n = number.getBytes(StandardCharsets.US_ASCII);
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < b.length && runs.size() < 100_000; i++) {
      if (isDigit(b[i]) && (i == 0 || !isDigit(b[i - 1]))) {
        int to = i;
        while (to < b.length && isDigit(b[to])) {
          to++;
        }
        runs.add(new int[] {i > 0 && (b[i - 1] == '-' || b[i - 1] == '+') ? i - 1 : i, to});
      }
    }
    if (runs.isEmpty()) {
      return insert(b, random.nextInt(b.length + 1), n);
    }
    int[] run = runs.get(random.nextInt(runs.size()));
    int from = run[0];
    int to = run[1];
    byte[] c = new byte[b.length - (to - from) + n.length];
    System.arraycopy(b, 0, c, 0, from);
    System.arraycopy(n, 0, c, from, n.length);
    System.arraycopy(b, to, c, from + n.length, b.length - to);
    return c;
  }

  private static boolean isDigit(byte x) {
    return x >= '0' && x <= '9';
  }

  /** Deletes, duplicates, swaps, moves or repeats whole lines. */
  private static byte[] lines(byte[] b, SplittableRandom random) {
    List<byte[]> lines = split(b);
    if (lines.isEmpty()) {
      return b;
    }
    int i = random.nextInt(lines.size());
    int j = random.nextInt(lines.size());
    switch (random.nextInt(5)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(j, lines.get(i));
      case 2 -> {
        byte[] t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
      }
      case 3 -> lines.add(j, lines.remove(i));
      default -> {
        int times = 1 + random.nextInt(random.nextInt(8) == 0 ? 5_000 : 100);
        byte[] line = lines.get(i);
        for (int k = 0; k < times && (long) k * (line.length + 1) < MAX_BYTES; k++) {
          lines.add(i, line);
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
    for (byte[] line : lines) {
      out.write(line, 0, line.length);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static List<byte[]> split(byte[] b) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n') {
        if (i > start || i < b.length) {
          lines.add(java.util.Arrays.copyOfRange(b, start, i));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  /** Replaces one whitespace-separated token by another token of the same input. */
  private static byte[] spliceToken(byte[] b, SplittableRandom random) {
    List<int[]> tokens = new ArrayList<>();
    int i = 0;
    while (i < b.length && tokens.size() < 4096) {
      while (i < b.length && b[i] <= ' ') {
        i++;
      }
      int s = i;
      while (i < b.length && b[i] > ' ') {
        i++;
      }
      if (i > s) {
        tokens.add(new int[] {s, i});
      }
    }
    if (tokens.size() < 2) {
      return b;
    }
    int[] target = tokens.get(random.nextInt(tokens.size()));
    int[] source = tokens.get(random.nextInt(tokens.size()));
    byte[] piece = java.util.Arrays.copyOfRange(b, source[0], source[1]);
    byte[] c = new byte[b.length - (target[1] - target[0]) + piece.length];
    System.arraycopy(b, 0, c, 0, target[0]);
    System.arraycopy(piece, 0, c, target[0], piece.length);
    System.arraycopy(b, target[1], c, target[0] + piece.length, b.length - target[1]);
    return c;
  }
}
