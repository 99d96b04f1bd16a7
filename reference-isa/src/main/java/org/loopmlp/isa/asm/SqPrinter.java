package org.loopmlp.isa.asm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Prints an {@link SqProgram} as {@code .sq} text that {@link SqAssembler#parse} reads back to an
 * equal program: the same config, all 2^C slots, the same initial memory and pc, the same labels.
 *
 * <p>Operands are printed by label where a label names exactly that address or slot (the first
 * such label), {@code .} for a jump to the current slot, nothing for a jump to the next slot, and
 * as numbers otherwise. Trailing cells that are 0 and trailing slots equal to the padding the
 * assembler would add are left out.
 */
public final class SqPrinter {
  private static final int VALUES_PER_LINE = 8;

  private SqPrinter() {}

  public static String print(SqProgram p) {
    MachineConfig config = p.config();
    MachineState state = p.initialState();
    Program program = p.program();
    StringBuilder out = new StringBuilder();
    out.append(".config word=").append(config.wordBits()).append(" data=")
        .append(config.dataBits()).append(" code=").append(config.codeBits());
    if (state.pc() != 0) {
      out.append(" pc=").append(state.pc());
    }
    out.append('\n');

    Map<Integer, List<String>> dataAt = byPosition(p.dataLabels());
    Map<Integer, List<String>> codeAt = byPosition(p.codeLabels());
    int width = labelWidth(p);

    printData(out, config, state, dataAt, width);
    printCode(out, p, dataAt, codeAt, width);
    return out.toString();
  }

  /** The .data section: cells up to the last non-zero or labelled one, labels starting lines. */
  private static void printData(StringBuilder out, MachineConfig config, MachineState state,
      Map<Integer, List<String>> dataAt, int width) {
    int m = config.dataSize();
    int dataEnd = 0;
    for (int i = 0; i < m; i++) {
      if (state.word(i) != 0) {
        dataEnd = i + 1;
      }
    }
    for (int at : dataAt.keySet()) {
      dataEnd = Math.max(dataEnd, Math.min(at + 1, m));
    }
    out.append(".data\n");
    StringBuilder line = null;
    int onLine = 0;
    for (int i = 0; i < dataEnd; i++) {
      List<String> names = dataAt.get(i);
      if (line == null || names != null || onLine == VALUES_PER_LINE) {
        if (line != null) {
          out.append(line.toString().stripTrailing()).append('\n');
        }
        line = new StringBuilder(prefix(names, width));
        onLine = 0;
      }
      line.append(state.word(i)).append(' ');
      onLine++;
    }
    if (line != null) {
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (dataAt.containsKey(m)) {
      out.append(prefix(dataAt.get(m), width).stripTrailing()).append('\n');
    }
  }

  /** The .code section: slots up to the last non-halting or labelled one, HALT where it can. */
  private static void printCode(StringBuilder out, SqProgram p, Map<Integer, List<String>> dataAt,
      Map<Integer, List<String>> codeAt, int width) {
    MachineConfig config = p.config();
    MachineState state = p.initialState();
    Program program = p.program();
    Integer zero = p.dataLabels().get(SqProgram.ZERO_CELL);
    int padCell = zero == null ? 0 : zero;
    int k = config.codeSize();
    int codeEnd = 0;
    for (int q = 0; q < k; q++) {
      if (!program.at(q).equals(Instruction.haltAt(q, padCell))) {
        codeEnd = q + 1;
      }
    }
    for (int at : codeAt.keySet()) {
      codeEnd = Math.max(codeEnd, Math.min(at + 1, k));
    }
    boolean haltAllowed = zero != null && state.word(zero) == 0;
    out.append(".code\n");
    for (int q = 0; q < codeEnd; q++) {
      Instruction ins = program.at(q);
      out.append(prefix(codeAt.get(q), width));
      if (haltAllowed && ins.equals(Instruction.haltAt(q, zero))) {
        out.append("HALT");
      } else {
        out.append(dataName(ins.a(), dataAt)).append(' ').append(dataName(ins.b(), dataAt));
        String target = target(ins.c(), q, k, codeAt);
        if (!target.isEmpty()) {
          out.append(' ').append(target);
        }
      }
      out.append('\n');
    }
    if (codeAt.containsKey(k)) {
      out.append(prefix(codeAt.get(k), width).stripTrailing()).append('\n');
    }
  }

  private static Map<Integer, List<String>> byPosition(Map<String, Integer> labels) {
    Map<Integer, List<String>> at = new LinkedHashMap<>();
    labels.forEach((name, position) ->
        at.computeIfAbsent(position, x -> new ArrayList<>()).add(name));
    return at;
  }

  private static int labelWidth(SqProgram p) {
    int width = 0;
    for (Map<String, Integer> labels : List.of(p.dataLabels(), p.codeLabels())) {
      for (List<String> names : byPosition(labels).values()) {
        width = Math.max(width, prefix(names, 0).length());
      }
    }
    return width;
  }

  private static String prefix(List<String> names, int width) {
    StringBuilder s = new StringBuilder();
    if (names != null) {
      for (String name : names) {
        s.append(name).append(": ");
      }
    }
    while (s.length() < width) {
      s.append(' ');
    }
    return s.toString();
  }

  private static String dataName(int address, Map<Integer, List<String>> dataAt) {
    List<String> names = dataAt.get(address);
    return names == null ? Integer.toString(address) : names.get(0);
  }

  private static String target(int c, int slot, int k, Map<Integer, List<String>> codeAt) {
    if (c == slot) {
      return ".";
    }
    List<String> names = codeAt.get(c);
    if (names != null) {
      return names.get(0);
    }
    return c == (slot + 1) % k ? "" : Integer.toString(c);
  }
}
