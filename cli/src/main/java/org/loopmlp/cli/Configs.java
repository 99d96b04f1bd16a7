package org.loopmlp.cli;

import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a machine size written {@code N,A,C} (word bits, data address bits, code bits). */
public final class Configs implements ITypeConverter<MachineConfig> {
  @Override
  public MachineConfig convert(String text) {
    return parse(text);
  }

  /** {@code "8,4,4"} as a config; any mistake is a {@link TypeConversionException} in one line. */
  public static MachineConfig parse(String text) {
    try {
      return parseOrFail(text);
    } catch (UserError e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  private static MachineConfig parseOrFail(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 3) {
      throw new TypeConversionException(
          "expected N,A,C (word bits, data address bits, code address bits), e.g. 8,4,4; got '"
              + text + "'");
    }
    int[] v = new int[3];
    String[] names = {"word bits N", "data address bits A", "code address bits C"};
    for (int i = 0; i < 3; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        String part = parts[i].trim();
        throw new TypeConversionException(part.matches("[+-]?\\d+")
            ? names[i] + " " + part + " is out of range in '" + text + "'"
            : names[i] + " must be an integer, got '" + part + "' in '" + text + "'");
      }
    }
    return of(v[0], v[1], v[2]);
  }

  /** A {@code --config N,A,C} given as text, or a {@link UserError} naming the option. */
  static MachineConfig parseOption(String text) {
    try {
      return parse(text);
    } catch (TypeConversionException e) {
      throw new UserError("Invalid value for option '--config': " + e.getMessage());
    }
  }

  /** The config (N, A, C), or a one-line {@link UserError} naming the value out of range. */
  public static MachineConfig of(int wordBits, int dataBits, int codeBits) {
    try {
      return MachineConfig.of(wordBits, dataBits, codeBits);
    } catch (IllegalArgumentException e) {
      throw new UserError("config " + wordBits + "," + dataBits + "," + codeBits
          + " is out of range: " + e.getMessage());
    }
  }

  /** {@code N,A,C} as typed on the command line. */
  public static String format(MachineConfig config) {
    return config.wordBits() + "," + config.dataBits() + "," + config.codeBits();
  }
}
