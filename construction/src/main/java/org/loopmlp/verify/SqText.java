package org.loopmlp.verify;

import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * A program and its memory as {@code .sq} text (DESIGN §2): the config line, every data cell in
 * address order under one label, and every slot as numeric {@code a b c} ({@code .} for a jump to
 * the slot itself), with comments marking HALT slots and the slot at pc.
 */
final class SqText {
  private SqText() {}

  static String of(Program program, MachineState state) {
    MachineConfig c = program.config();
    StringBuilder sb = new StringBuilder();
    sb.append(".config word=").append(c.wordBits()).append(" data=").append(c.dataBits())
        .append(" code=").append(c.codeBits()).append('\n');
    sb.append(".data\n");
    sb.append("mem:");
    for (int i = 0; i < c.dataSize(); i++) {
      sb.append(' ').append(state.word(i));
    }
    sb.append("   ; mem[0..").append(c.dataSize() - 1).append("]\n");
    sb.append(".code\n");
    for (int q = 0; q < c.codeSize(); q++) {
      Instruction ins = program.at(q);
      sb.append("  ").append(ins.a()).append(' ').append(ins.b()).append(' ')
          .append(ins.c() == q ? "." : Integer.toString(ins.c()));
      sb.append("   ; slot ").append(q);
      if (ins.isHaltAt(q)) {
        sb.append(" (halt)");
      }
      if (q == state.pc()) {
        sb.append(" <- pc");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
