package org.loopmlp.properties.classic;

import java.util.EnumSet;
import java.util.Set;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicStepDetail;

/** The corners of one classic step that the exhaustive check must reach, from the reference step. */
enum StepCorner {
  SUBTRACT, INPUT, OUTPUT, ECHO, BRANCH_TAKEN, END_OF_INPUT_READ, A_EQUALS_B,
  WRITES_RUNNING_INSTRUCTION, WRITES_NEXT_INSTRUCTION, HALT_NEGATIVE_PC, HALT_OFF_THE_END,
  WRAPS;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** The corners one step reaches. */
  static Set<StepCorner> of(ClassicConfig config, ClassicStepDetail d) {
    Set<StepCorner> s = EnumSet.noneOf(StepCorner.class);
    switch (d.op()) {
      case HALTED -> s.add(d.pc() < 0 ? HALT_NEGATIVE_PC : HALT_OFF_THE_END);
      case SUBTRACT -> s.add(SUBTRACT);
      case INPUT -> s.add(INPUT);
      case OUTPUT -> s.add(OUTPUT);
      case ECHO -> s.add(ECHO);
      default -> throw new AssertionError(d.op());
    }
    if (d.op() == ClassicOp.HALTED) {
      return s;
    }
    if (d.branch()) {
      s.add(BRANCH_TAKEN);
    }
    if (d.readsInput() && d.input() == -1) {
      s.add(END_OF_INPUT_READ);
    }
    if (d.op() == ClassicOp.SUBTRACT && d.addrA() == d.addrB()) {
      s.add(A_EQUALS_B);
    }
    if (d.writes() && d.addrB() >= d.pc() && d.addrB() <= d.pc() + 2) {
      s.add(WRITES_RUNNING_INSTRUCTION);
    }
    if (d.writes() && d.addrB() >= d.pc() + 3 && d.addrB() <= d.pc() + 5) {
      s.add(WRITES_NEXT_INSTRUCTION);
    }
    if (d.op() == ClassicOp.SUBTRACT && d.memB() - d.memA() != d.result()) {
      s.add(WRAPS);
    }
    return s;
  }
}
