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
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Assembles the {@code .sq} program text of SPEC §4 into an {@link SqProgram}.
 *
 * <pre>
 *   .config word=8 data=4 code=4     ; N=8, m=16, k=16 (optional pc=P, default 0)
 *   .data
 *   Z:   0                           ; reserved zero cell, used by HALT and the padding
 *   ONE: 1
 *   X:   7
 *   .code
 *   loop: ONE X done                 ; X -= 1; if X &lt;= 0 goto done
 *         Z Z loop
 *   done: HALT                       ; Z Z .
 * </pre>
 *
 * <p>Rules. {@code ;} starts a comment. A line may start with labels {@code name:}; a label on a
 * line of its own names the next cell or slot. {@code .config} comes first. Data cells are
 * allocated from address 0 in order of appearance, several values on a line make an array; cells
 * never listed are 0. Instructions take slots from 0. Operands a and b are data labels or
 * addresses, c is a code label, a slot number or {@code .} (the current slot); labels and
 * {@code .} may carry an offset ({@code ARR+2}, {@code .-1}). A missing c means the next slot,
 * (slot + 1) mod 2^C, so the instruction always continues there. Numbers are decimal (with an
 * optional sign) or hexadecimal ({@code 0x1F}); data values must fit in N-bit two's complement.
 * {@code HALT} is {@code Z Z .} and needs a data label {@code Z} holding 0.
 *
 * <p>Padding. Slots after the last instruction are {@code HALT} built on Z's address when the
 * program defines Z; otherwise on address 0. A padding slot {@code x x q} is then a fixed point
 * after at most one step (it clears mem[x] and jumps to itself), so running off the end of the
 * program always stops.
 */
public final class SqAssembler {
  private static final Pattern REFERENCE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|\\.)(?:([+-])([0-9]+))?");
  private static final String CONFIG_SYNTAX = "'.config word=N data=A code=C'";

  private SqAssembler() {}

  /** Reads and assembles a file (UTF-8); errors name the file as given. */
  public static SqProgram read(Path path) throws IOException {
    return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
  }

  /** Assembles {@code text}; {@code fileName} is used in error messages. */
  public static SqProgram parse(String text, String fileName) {
    return new Assembly(fileName).assemble(text);
  }

  private enum Section { NONE, DATA, CODE }

  private record Label(Token token, boolean data, int position) {}

  private record CodeLine(int slot, List<Token> tokens) {}

  /** One assembly run: pass 1 lays out cells, slots and labels; pass 2 resolves operands. */
  private static final class Assembly extends SqAssembly<SqProgram> {
    private MachineConfig config;
    private int pc;
    private Section section = Section.NONE;
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final List<Token> dataValues = new ArrayList<>();
    private final List<CodeLine> codeLines = new ArrayList<>();

    Assembly(String file) {
      super(file, false, CONFIG_SYNTAX, "the first data or code line");
    }

    @Override
    boolean configured() {
      return config != null;
    }

    // ---- pass 1 ----

    @Override
    void layOut(List<Token> tokens) {
      Token first = tokens.get(0);
      int k = 0;
      List<Token> lineLabels = new ArrayList<>();
      while (k < tokens.size() && tokens.get(k).text().endsWith(":")) {
        lineLabels.add(tokens.get(k));
        k++;
      }
      List<Token> rest = tokens.subList(k, tokens.size());
      if (section == Section.NONE) {
        throw error(first, "expected .data or .code before '%s'", first.text());
      }
      boolean data = section == Section.DATA;
      int position = data ? dataValues.size() : codeLines.size();
      for (Token label : lineLabels) {
        define(label, data, position);
      }
      if (rest.isEmpty()) {
        return;
      }
      if (data) {
        for (Token value : rest) {
          if (dataValues.size() >= config.dataSize()) {
            throw error(value, "more data than 2^%s = %s cells: expected at most %s values",
                config.dataBits(), config.dataSize(), config.dataSize());
          }
          dataValues.add(value);
        }
      } else {
        if (codeLines.size() >= config.codeSize()) {
          throw error(rest.get(0),
              "more instructions than 2^%s = %s slots: expected at most %s instructions",
              config.codeBits(), config.codeSize(), config.codeSize());
        }
        codeLines.add(new CodeLine(codeLines.size(), List.copyOf(rest)));
      }
    }

    private void define(Token token, boolean data, int position) {
      String name = token.text().substring(0, token.text().length() - 1);
      if (!SqProgram.LABEL.matcher(name).matches() || name.equals("HALT")) {
        throw error(token, "malformed label '%s': expected a name of letters, digits and _ "
            + "(not starting with a digit, not HALT) followed by ':'", token.text());
      }
      Label previous = labels.get(name);
      if (previous != null) {
        throw error(token, "duplicate label '%s': already defined at line %s, column %s", name,
            previous.token().line(), previous.token().column());
      }
      if (name.equals(SqProgram.ZERO_CELL) && !data) {
        throw error(token, "'Z' is reserved for the zero cell: expected it in the .data section");
      }
      labels.put(name, new Label(token, data, position));
    }

    @Override
    void directive(Token name, List<Token> args) {
      switch (name.text()) {
        case ".config" -> {
          if (config != null) {
            throw error(name, "duplicate .config: expected exactly one");
          }
          configure(name, args);
        }
        case ".data", ".code" -> {
          if (config == null) {
            throw error(name, "missing .config: expected %s before %s", CONFIG_SYNTAX,
                name.text());
          }
          if (!args.isEmpty()) {
            throw error(args.get(0), "unexpected '%s': expected nothing after %s",
                args.get(0).text(), name.text());
          }
          section = name.text().equals(".data") ? Section.DATA : Section.CODE;
        }
        default -> throw error(name, "unknown directive '%s': expected .config, .data or .code",
            name.text());
      }
    }

    private void configure(Token directive, List<Token> args) {
      Map<String, Integer> values = new LinkedHashMap<>();
      Map<String, Token> where = new LinkedHashMap<>();
      for (Token arg : args) {
        SqLexer.Entry entry = lexer.entry(arg);
        String key = entry.key();
        Token valueToken = entry.value();
        String value = valueToken.text();
        if (key.equals("isa") && value.equals("classic")) {
          throw error(arg, "isa=classic: a classic program; add --isa classic");
        }
        if (!List.of("word", "data", "code", "pc").contains(key)) {
          throw error(arg, "unknown .config key '%s': expected word, data, code or pc", key);
        }
        if (values.containsKey(key)) {
          throw error(arg, "duplicate .config key '%s'", key);
        }
        BigInteger v = number(valueToken);
        values.put(key, v.bitLength() < 31 ? v.intValue() : Integer.MAX_VALUE);
        where.put(key, valueToken);
      }
      for (String key : List.of("word", "data", "code")) {
        if (!values.containsKey(key)) {
          throw error(directive, "missing '%s=' in .config: expected %s", key, CONFIG_SYNTAX);
        }
      }
      int word = checkRange(where.get("word"), "word", values.get("word"), 2,
          MachineConfig.MAX_WORD_BITS);
      int data = checkRange(where.get("data"), "data", values.get("data"), 1,
          MachineConfig.MAX_DATA_BITS);
      int code = checkRange(where.get("code"), "code", values.get("code"), 1,
          MachineConfig.MAX_CODE_BITS);
      config = MachineConfig.of(word, data, code);
      if (values.containsKey("pc")) {
        pc = checkRange(where.get("pc"), "pc", values.get("pc"), 0, config.codeSize() - 1);
      }
    }

    private int checkRange(Token at, String key, int value, int min, int max) {
      if (value < min || value > max) {
        throw error(at, "%s=%s is out of range: expected %s to %s", key, at.text(), min, max);
      }
      return value;
    }


    // ---- pass 2 ----

    @Override
    SqProgram resolve() {
      long[] memory = new long[config.dataSize()];
      for (int i = 0; i < dataValues.size(); i++) {
        Token t = dataValues.get(i);
        if (!SqLexer.NUMBER.matcher(t.text()).matches()
            && REFERENCE.matcher(t.text()).matches()) {
          throw error(t, "malformed data value '%s': expected an integer (data values are "
              + "numbers, not labels)", t.text());
        }
        BigInteger v = number(t);
        if (v.compareTo(BigInteger.valueOf(config.minWord())) < 0
            || v.compareTo(BigInteger.valueOf(config.maxWord())) > 0) {
          throw error(t, "value %s does not fit in %s bits: expected %s to %s", t.text(),
              config.wordBits(), config.minWord(), config.maxWord());
        }
        memory[i] = v.longValue();
      }
      Label zero = labels.get(SqProgram.ZERO_CELL);
      if (zero != null && zero.position() >= config.dataSize()) {
        throw error(zero.token(), "the reserved cell Z is at address %s, outside data memory "
            + "[0, %s): expected a data value after 'Z:'", zero.position(), config.dataSize());
      }
      List<Instruction> code = new ArrayList<>();
      for (CodeLine line : codeLines) {
        code.add(instruction(line, zero, memory));
      }
      int padCell = zero == null ? 0 : zero.position();
      ImmutableMap.Builder<String, Integer> dataLabels = ImmutableMap.builder();
      ImmutableMap.Builder<String, Integer> codeLabels = ImmutableMap.builder();
      labels.forEach((name, label) ->
          (label.data() ? dataLabels : codeLabels).put(name, label.position()));
      return new SqProgram(config, Program.padded(config, code, padCell),
          MachineState.of(config, memory, pc), dataLabels.build(), codeLabels.build());
    }

    private Instruction instruction(CodeLine line, Label zero, long[] memory) {
      List<Token> t = line.tokens();
      Token head = t.get(0);
      if (head.text().equals("HALT")) {
        if (t.size() > 1) {
          throw error(t.get(1), "HALT takes no operands: expected the end of the line");
        }
        if (zero == null) {
          throw error(head, "HALT needs the reserved cell Z: expected a data line 'Z: 0'");
        }
        if (memory[zero.position()] != 0) {
          Token value = dataValues.get(zero.position());
          throw error(value, "the reserved cell Z must hold 0 because HALT is used: found %s",
              value.text());
        }
        return Instruction.haltAt(line.slot(), zero.position());
      }
      if (t.size() < 2 || t.size() > 3) {
        Token at = t.size() > 3 ? t.get(3) : head;
        throw error(at, "expected an instruction 'a b [c]' or HALT, found %s token%s", t.size(),
            t.size() == 1 ? "" : "s");
      }
      int a = address(t.get(0));
      int b = address(t.get(1));
      int c = t.size() == 3 ? target(t.get(2), line.slot())
          : (line.slot() + 1) % config.codeSize();
      return Instruction.of(a, b, c);
    }

    private int address(Token token) {
      long value = reference(token, true, -1);
      if (value < 0 || value >= config.dataSize()) {
        throw error(token, "operand out of range: '%s' is address %s, expected 0 to %s "
            + "(data memory of 2^%s cells)", token.text(), value, config.dataSize() - 1,
            config.dataBits());
      }
      return (int) value;
    }

    private int target(Token token, int slot) {
      long value = reference(token, false, slot);
      if (value < 0 || value >= config.codeSize()) {
        throw error(token, "operand out of range: '%s' is slot %s, expected 0 to %s "
            + "(2^%s code slots)", token.text(), value, config.codeSize() - 1,
            config.codeBits());
      }
      return (int) value;
    }

    /** A number, a label or '.', with an optional +n / -n offset. */
    private long reference(Token token, boolean data, int slot) {
      String text = token.text();
      String expected = data ? "a data label or address" : "a code label, slot number or '.'";
      if (SqLexer.NUMBERISH.matcher(text).matches()) {
        if (!SqLexer.NUMBER.matcher(text).matches()) {
          throw error(token, "malformed number '%s': expected %s", text, expected);
        }
        BigInteger v = number(token);
        return v.bitLength() < 40 ? v.longValue() : Long.MAX_VALUE;
      }
      Matcher m = REFERENCE.matcher(text);
      if (!m.matches()) {
        throw error(token, "malformed operand '%s': expected %s, optionally +n or -n", text,
            expected);
      }
      String name = m.group(1);
      long base;
      if (name.equals(".")) {
        if (data) {
          throw error(token, "'.' is the current code slot: expected %s", expected);
        }
        base = slot;
      } else {
        Label label = labels.get(name);
        if (label == null) {
          throw error(token, "unknown label '%s': expected %s", name, expected);
        }
        if (label.data() != data) {
          throw error(token, "'%s' is a %s label: expected %s", name,
              label.data() ? "data" : "code", expected);
        }
        base = label.position();
      }
      if (m.group(2) == null) {
        return base;
      }
      String digits = m.group(3);
      long offset = digits.length() > 12 ? Long.MAX_VALUE / 2 : Long.parseLong(digits);
      return m.group(2).equals("+") ? base + offset : base - offset;
    }
  }
}
