package org.loopmlp.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.loopmlp.isa.asm.SqAssembler;
import org.loopmlp.isa.asm.SqFormatException;
import org.loopmlp.isa.asm.SqProgram;

/** Loading the user's {@code .sq} programs, every mistake as one {@link UserError} line. */
final class Programs {
  private Programs() {}

  /** Reads and assembles {@code file}; errors read {@code file:line:column: what was expected}. */
  static SqProgram load(Path file) {
    String text = Inputs.readText(file);
    try {
      return SqAssembler.parse(text, file.toString());
    } catch (SqFormatException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Address to the data labels that name it, for printing memory. */
  static Map<Integer, String> labelsByAddress(SqProgram p) {
    Map<Integer, String> m = new TreeMap<>();
    p.dataLabels().forEach((label, address) -> m.merge(address, label, (x, y) -> x + "," + y));
    return m;
  }
}
