package org.loopmlp.isa.asm;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loopmlp.isa.asm.SqLexer.Token;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;

/**
 * Assembles classic SUBLEQ programs written in {@code .sq} text (docs/classic.md) into a
 * {@link ClassicProgram}: one memory for code and data, laid out in order from address 0.
 *
 * <pre>
 *   ; prints "Hi" through one output instruction whose operand the program rewrites
 *   .config isa=classic word=8 memory=5   ; memory= is optional (smallest that holds the image)
 *   loop:  S IO            ; print mem[pointer]: the pointer is this instruction's first word
 *          M1 loop         ; pointer -= -1: the next character
 *          ONE N -1        ; N -= 1; after the last character jump to -1 (halt)
 *          Z Z loop
 *   .data
 *   S:     "Hi"
 *   N:     2
 *   ONE:   1
 *   M1:    -1
 *   Z:     0
 * </pre>
 *
 * <p>Rules. {@code ;} starts a comment. {@code .config isa=classic word=N [memory=A]} comes
 * first. Lines are laid out one after another from address 0: in a {@code .code} section (the
 * default) a line is an instruction of three words {@code a b [c]} or {@code HALT}; after
 * {@code .data} a line is a sequence of words; the two sections may alternate. A line may start
 * with labels {@code name:}; a label names the address of the next word. An operand or data word
 * is a number (decimal with an optional sign, or hexadecimal {@code 0x1F}), a character
 * {@code 'c'} (its byte; {@code '\n'}, {@code '\t'}, {@code '\''}, {@code '\\'}, {@code '\0'}),
 * {@code IO} (-1, the terminal), a label, {@code .} (the address of the current instruction, or
 * of the word itself on a data line) or {@code ?} (the address after the word being written, as
 * in Mazonka's sqasm: for c, the next instruction); labels, {@code .} and {@code ?} may carry an
 * offset ({@code L+3}, {@code .-3}). A data line may hold a string {@code "Hi\n"} (one word per
 * byte, the same escapes plus {@code \"}). An omitted c is the next instruction, pc + 3 (wrapped
 * to N bits). {@code HALT} is {@code Z Z -1} and needs a label {@code Z} on a word holding 0.
 * Every word must fit in N-bit two's complement.
 */
public final class ClassicAssembler {
  /** The {@code .config} key and value that select this assembler. */
  public static final String ISA_CLASSIC = "isa=classic";

  private static final Pattern REFERENCE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|\\.|\\?)(?:([+-])([0-9]+))?");
  private static final Pattern CONFIG_ISA = Pattern.compile(
      "(?m)^[\\uFEFF]?[ \\t]*\\.config\\b[^;\\n]*\\bisa=classic\\b");
  private static final String CONFIG_SYNTAX = "'.config isa=classic word=N [memory=A]'";
  private static final String IO = "IO";

  private ClassicAssembler() {}

  /** True when the text's {@code .config} line says {@code isa=classic}. */
  public static boolean declaresClassic(String text) {
    return CONFIG_ISA.matcher(text).find();
  }

  /** Reads and assembles a file (UTF-8); errors name the file as given. */
  public static ClassicProgram read(Path path) throws IOException {
    return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
  }

  /**
   * Assembles {@code text}; {@code fileName} is used in error messages.
   *
   * @throws SqFormatException at the first mistake, with its line and column
   */
  public static ClassicProgram parse(String text, String fileName) {
    return new Assembly(fileName).assemble(text);
  }

  /** How a laid-out word gets its value. */
  private enum Source {
    /** An operand or data token. */
    TOKEN,
    /** One byte of a string (the token's text is the byte's value). */
    STRING_BYTE,
    /** An omitted c: the next instruction, pc + 3, wrapped to N bits as the machine does. */
    OMITTED_C
  }

  /**
   * A word still to be resolved: where it was written, its address, the address {@code .}
   * stands for (its instruction's, or its own on a data line), and how to read it.
   */
  private record Pending(Token token, int address, int base, Source source) {}

  private record Label(Token token, int address) {}

  private static final class Assembly extends SqAssembly<ClassicProgram> {
    private Integer wordBits;
    private Integer memoryBits;
    private Token configToken;
    private boolean code = true;
    private final Map<String, Label> labels = new LinkedHashMap<>();
    /** Every word in address order, resolved once every label is known. */
    private final List<Pending> words = new ArrayList<>();
    private final List<Token> halts = new ArrayList<>();
    private ClassicConfig config;

    Assembly(String file) {
      super(file, true, CONFIG_SYNTAX, "the first line of the program");
    }

    @Override
    boolean configured() {
      return configToken != null;
    }

    // ---- pass 1: lay out words and labels ----

    @Override
    void layOut(List<Token> tokens) {
      int k = 0;
      while (k < tokens.size() && tokens.get(k).text().endsWith(":")
          && !tokens.get(k).text().startsWith("'") && !tokens.get(k).text().startsWith("\"")) {
        define(tokens.get(k), words.size());
        k++;
      }
      List<Token> rest = tokens.subList(k, tokens.size());
      if (rest.isEmpty()) {
        return;
      }
      if (code) {
        instruction(rest);
      } else {
        for (Token t : rest) {
          if (t.text().startsWith("\"")) {
            for (int b : unescape(t, t.text().substring(1, t.text().length() - 1))) {
              words.add(new Pending(new Token(Integer.toString(b), t.line(), t.column()),
                  words.size(), words.size(), Source.STRING_BYTE));
            }
          } else {
            words.add(new Pending(t, words.size(), words.size(), Source.TOKEN));
          }
        }
      }
    }

    private void instruction(List<Token> t) {
      Token head = t.get(0);
      int pc = words.size();
      if (head.text().equals("HALT")) {
        if (t.size() > 1) {
          throw error(t.get(1), "HALT takes no operands: expected the end of the line");
        }
        halts.add(head);
        Token z = new Token("Z", head.line(), head.column());
        words.add(new Pending(z, pc, pc, Source.TOKEN));
        words.add(new Pending(z, pc + 1, pc, Source.TOKEN));
        words.add(new Pending(new Token("-1", head.line(), head.column()), pc + 2, pc,
            Source.TOKEN));
        return;
      }
      if (t.size() < 2 || t.size() > 3) {
        Token at = t.size() > 3 ? t.get(3) : head;
        throw error(at, "expected an instruction 'a b [c]' or HALT, found %s token%s (data "
            + "words go after .data)", t.size(), t.size() == 1 ? "" : "s");
      }
      words.add(new Pending(t.get(0), pc, pc, Source.TOKEN));
      words.add(new Pending(t.get(1), pc + 1, pc, Source.TOKEN));
      if (t.size() == 3) {
        words.add(new Pending(t.get(2), pc + 2, pc, Source.TOKEN));
      } else {
        words.add(new Pending(head, pc + 2, pc, Source.OMITTED_C));
      }
    }

    private void define(Token token, int address) {
      String name = token.text().substring(0, token.text().length() - 1);
      if (!SqProgram.LABEL.matcher(name).matches() || name.equals("HALT") || name.equals(IO)) {
        throw error(token, "malformed label '%s': expected a name of letters, digits and _ "
            + "(not starting with a digit, not HALT or IO) followed by ':'", token.text());
      }
      Label previous = labels.get(name);
      if (previous != null) {
        throw error(token, "duplicate label '%s': already defined at line %s, column %s", name,
            previous.token().line(), previous.token().column());
      }
      labels.put(name, new Label(token, address));
    }

    @Override
    void directive(Token name, List<Token> args) {
      switch (name.text()) {
        case ".config" -> {
          if (configToken != null) {
            throw error(name, "duplicate .config: expected exactly one");
          }
          configure(name, args);
        }
        case ".data", ".code" -> {
          if (configToken == null) {
            throw error(name, "missing .config: expected %s before %s", CONFIG_SYNTAX,
                name.text());
          }
          if (!args.isEmpty()) {
            throw error(args.get(0), "unexpected '%s': expected nothing after %s",
                args.get(0).text(), name.text());
          }
          code = name.text().equals(".code");
        }
        default -> throw error(name, "unknown directive '%s': expected .config, .data or .code",
            name.text());
      }
    }

    private void configure(Token directive, List<Token> args) {
      configToken = directive;
      boolean classic = false;
      Map<String, Token> seen = new LinkedHashMap<>();
      for (Token arg : args) {
        SqLexer.Entry entry = lexer.entry(arg);
        String key = entry.key();
        Token valueToken = entry.value();
        String value = valueToken.text();
        if (!List.of("isa", "word", "memory").contains(key)) {
          throw error(arg, "unknown .config key '%s': expected isa, word or memory", key);
        }
        if (seen.containsKey(key)) {
          throw error(arg, "duplicate .config key '%s'", key);
        }
        seen.put(key, arg);
        switch (key) {
          case "isa" -> {
            if (!value.equals("classic")) {
              throw error(valueToken, "isa=%s: expected isa=classic", value);
            }
            classic = true;
          }
          case "word" -> wordBits = smallInt(valueToken, "word",
              ClassicConfig.MIN_WORD_BITS, ClassicConfig.MAX_WORD_BITS);
          default -> memoryBits = smallInt(valueToken, "memory",
              ClassicConfig.MIN_MEMORY_BITS, ClassicConfig.MAX_MEMORY_BITS);
        }
      }
      if (!classic) {
        throw error(directive, "missing 'isa=classic' in .config: expected %s", CONFIG_SYNTAX);
      }
      if (wordBits == null) {
        throw error(directive, "missing 'word=' in .config: expected %s", CONFIG_SYNTAX);
      }
    }

    private int smallInt(Token at, String key, int min, int max) {
      BigInteger v = number(at);
      if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
        throw error(at, "%s=%s is out of range: expected %s to %s", key, at.text(), min, max);
      }
      return v.intValue();
    }


    /** The bytes of a quoted string or character body, escapes decoded. */
    private List<Integer> unescape(Token at, String body) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < body.length(); i++) {
        char ch = body.charAt(i);
        if (ch == '\\') {
          char e = body.charAt(++i);
          switch (e) {
            case 'n' -> out.add(10);
            case 't' -> out.add(9);
            case 'r' -> out.add(13);
            case '0' -> out.add(0);
            case '\\', '\'', '"' -> out.add((int) e);
            default -> throw error(at, "unknown escape '\\%s': expected \\n, \\t, \\r, \\0, "
                + "\\\\, \\' or \\\"", e);
          }
        } else if (ch >= 0x20 && ch < 0x7F) {
          out.add((int) ch);
        } else {
          throw error(at, "character U+%04X in %s: expected printable ASCII or an escape",
              (int) ch, at.text());
        }
      }
      return out;
    }

    // ---- pass 2: resolve every word ----

    @Override
    ClassicProgram resolve() {
      int size = words.size();
      if (memoryBits == null) {
        int a = ClassicConfig.MIN_MEMORY_BITS;
        while ((1L << a) < size && a < ClassicConfig.MAX_MEMORY_BITS) {
          a++;
        }
        memoryBits = a;
      }
      config = ClassicConfig.of(wordBits, memoryBits);
      if (size > config.memorySize()) {
        Token at = words.get(config.memorySize()).token();
        throw error(at, "the program has %s words, more than the 2^%s = %s words of memory "
            + "(word %s is here)", size, memoryBits, config.memorySize(), config.memorySize());
      }
      if (!halts.isEmpty()) {
        Label z = labels.get("Z");
        if (z == null) {
          throw error(halts.get(0), "HALT needs a zero word: expected a data line 'Z: 0'");
        }
      }
      long[] image = new long[size];
      for (int i = 0; i < size; i++) {
        image[i] = word(words.get(i));
      }
      for (Token halt : halts) {
        int z = labels.get("Z").address();
        if (z >= size || image[z] != 0) {
          throw error(halt, "HALT is Z Z -1 and needs Z to hold 0: Z is address %s, which "
              + "holds %s", z, z >= size ? "nothing (past the program)" : image[z]);
        }
      }
      ImmutableMap.Builder<String, Integer> names = ImmutableMap.builder();
      labels.forEach((name, label) -> names.put(name, label.address()));
      return ClassicProgram.of(config, image, names.build());
    }

    private long word(Pending p) {
      Token token = p.token();
      String text = token.text();
      BigInteger value;
      if (p.source() == Source.OMITTED_C) {
        return config.wrap(p.base() + 3L);
      } else if (p.source() == Source.STRING_BYTE) {
        value = new BigInteger(text);
      } else if (text.startsWith("'")) {
        List<Integer> bytes = unescape(token, text.substring(1, text.length() - 1));
        if (bytes.size() != 1) {
          throw error(token, "malformed character %s: expected one character such as 'A' or "
              + "'\\n' (a string is written \"...\")", text);
        }
        value = BigInteger.valueOf(bytes.get(0));
      } else if (text.equals(IO)) {
        value = BigInteger.valueOf(ClassicMachine.IO);
      } else if (SqLexer.NUMBERISH.matcher(text).matches()) {
        value = number(token);
      } else {
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
          throw error(token, "malformed operand '%s': expected a number, 'c', IO, a label, "
              + "'.' or '?', optionally +n or -n", text);
        }
        String name = m.group(1);
        long base;
        if (name.equals(".")) {
          base = p.base();
        } else if (name.equals("?")) {
          base = p.address() + 1;
        } else {
          Label label = labels.get(name);
          if (label == null) {
            throw error(token, "unknown label '%s': expected a label defined somewhere in "
                + "the program", name);
          }
          base = label.address();
        }
        long offset = 0;
        if (m.group(2) != null) {
          String digits = m.group(3);
          offset = digits.length() > 12 ? Long.MAX_VALUE / 4 : Long.parseLong(digits);
          offset = m.group(2).equals("+") ? offset : -offset;
        }
        value = BigInteger.valueOf(base + offset);
      }
      if (value.compareTo(BigInteger.valueOf(config.minWord())) < 0
          || value.compareTo(BigInteger.valueOf(config.maxWord())) > 0) {
        throw error(token, "value %s of '%s' does not fit in %s-bit words: expected %s to %s",
            value, text, config.wordBits(), config.minWord(), config.maxWord());
      }
      return value.longValue();
    }
  }
}
