package org.loopmlp.isa.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * Prints a {@link ClassicProgram} as text that reads back to an equal image: as {@code .sq}
 * ({@link ClassicAssembler} gives back the same config, image and labels) or as a {@code .slq}
 * memory image ({@code SlqImage} gives back the same words).
 */
public final class ClassicPrinter {
  private static final int SLQ_WORDS_PER_LINE = 3;

  private ClassicPrinter() {}

  /**
   * The program as classic {@code .sq}: the image in instructions of three words from address 0
   * while no label falls inside one (a label then starts a new line), the rest as {@code .data}
   * lines. An operand -1 prints as {@code IO}, a c equal to pc + 3 is left out.
   */
  public static String sq(ClassicProgram p) {
    ClassicConfig config = p.config();
    long[] image = p.image();
    Map<Integer, List<String>> at = new TreeMap<>();
    p.labels().forEach((name, address) ->
        at.computeIfAbsent(address, x -> new ArrayList<>()).add(name));
    StringBuilder out = new StringBuilder();
    out.append(".config ").append(ClassicAssembler.ISA_CLASSIC).append(" word=")
        .append(config.wordBits()).append(" memory=").append(config.memoryBits()).append('\n');
    boolean code = true;
    int i = 0;
    while (i < image.length) {
      boolean whole = i + 3 <= image.length && !at.containsKey(i + 1)
          && !at.containsKey(i + 2);
      if (whole != code) {
        out.append(whole ? ".code\n" : ".data\n");
        code = whole;
      }
      out.append(labels(at.get(i)));
      if (whole) {
        out.append(operand(image[i])).append(' ').append(operand(image[i + 1]));
        if (image[i + 2] != config.wrap(i + 3L)) {
          out.append(' ').append(image[i + 2]);
        }
        i += 3;
      } else {
        out.append(image[i]);
        i++;
      }
      out.append('\n');
    }
    if (at.containsKey(image.length)) {
      out.append(labels(at.get(image.length)).stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String operand(long word) {
    return word == -1 ? "IO" : Long.toString(word);
  }

  private static String labels(List<String> names) {
    if (names == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (String name : names) {
      s.append(name).append(": ");
    }
    return s.toString();
  }

  /**
   * The program's image as {@code .slq}: a {@code #} comment line with the config, then the
   * words, three to a line.
   */
  public static String slq(ClassicProgram p) {
    return slq(p.config(), p.image(), List.of());
  }

  /**
   * An image as {@code .slq}: a {@code #} comment line with the config, any further comment
   * lines given (each prefixed with {@code # }), then the words, three to a line.
   */
  public static String slq(ClassicConfig config, long[] image, List<String> comments) {
    StringBuilder s = new StringBuilder();
    s.append("# classic word=").append(config.wordBits()).append(" memory=")
        .append(config.memoryBits());
    if (config.inputMode() != ClassicConfig.InputMode.STORE) {
      s.append(" input-mode=").append(config.inputMode().name().toLowerCase());
    }
    s.append('\n');
    for (String c : comments) {
      s.append("# ").append(c).append('\n');
    }
    for (int i = 0; i < image.length; i++) {
      boolean last = i % SLQ_WORDS_PER_LINE == SLQ_WORDS_PER_LINE - 1 || i == image.length - 1;
      s.append(image[i]).append(last ? '\n' : ' ');
    }
    return s.toString();
  }
}
