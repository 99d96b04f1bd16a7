package org.loopmlp.cli;

import java.util.stream.IntStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An inclusive range of integers written {@code 8} or {@code 4..16}. */
public record IntRange(int first, int last) {
  public IntRange {
    if (first > last) {
      throw new TypeConversionException(
          "range " + first + ".." + last + " is empty (the first value must not exceed the last)");
    }
  }

  public static IntRange single(int value) {
    return new IntRange(value, value);
  }

  /** Parses {@code "8"} or {@code "4..16"}. */
  public static IntRange parse(String text) {
    String t = text.trim();
    int dots = t.indexOf("..");
    try {
      if (dots < 0) {
        return single(Integer.parseInt(t));
      }
      return new IntRange(Integer.parseInt(t.substring(0, dots).trim()),
          Integer.parseInt(t.substring(dots + 2).trim()));
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "expected a number or a range like 4..16, got '" + text + "'");
    }
  }

  public IntStream values() {
    return IntStream.rangeClosed(first, last);
  }

  /** How many values; a long, since {@code -2^31..2^31-1} holds 2^32. */
  public long size() {
    return (long) last - first + 1;
  }

  @Override
  public String toString() {
    return first == last ? Integer.toString(first) : first + ".." + last;
  }

  /** picocli converter for options that take a range. */
  public static final class Converter implements ITypeConverter<IntRange> {
    @Override
    public IntRange convert(String value) {
      return parse(value);
    }
  }
}
