package org.loopmlp.isa.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

class SqPrinterTest {

  @Test
  void printsTheDesignExampleWithItsLabels() {
    SqProgram p = SqAssembler.parse("""
        .config word=8 data=4 code=4
        .data
        Z:   0
        ONE: 1
        X:   7
        .code
        loop: ONE X done
              Z Z loop
        done: HALT
        """, "design.sq");
    assertEquals("""
        .config word=8 data=4 code=4
        .data
        Z:    0
        ONE:  1
        X:    7
        .code
        loop: ONE X done
              Z Z loop
        done: HALT
        """, SqPrinter.print(p));
  }

  @Test
  void printsAnUnlabelledStateWithNumbersPcAndArrays() {
    MachineConfig c = MachineConfig.of(6, 4, 2);
    long[] memory = new long[16];
    for (int i = 0; i < 10; i++) {
      memory[i] = i - 5;
    }
    Program program = Program.padded(c,
        List.of(Instruction.of(3, 4, 1), Instruction.of(2, 2, 1), Instruction.of(1, 1, 3)), 1);
    SqProgram p = SqProgram.of(program, MachineState.of(c, memory, 2));
    assertEquals("""
        .config word=6 data=4 code=2 pc=2
        .data
        -5 -4 -3 -2 -1 0 1 2
        3 4
        .code
        3 4
        2 2 .
        1 1
        1 1 .
        """, SqPrinter.print(p));
    // Slot 2 jumps to the next slot, so c is left out; slot 3 is HALT on cell 1, which is not
    // the assembler's padding (cell 0 when there is no Z), so it is printed.
  }

  @Test
  void labelsMustBeValid() {
    MachineConfig c = MachineConfig.of(4, 1, 1);
    Program program = Program.padded(c, List.of(), 0);
    MachineState state = MachineState.initial(c);
    assertThrows(IllegalArgumentException.class, () -> new SqProgram(c, program, state,
        ImmutableMap.of("X", 3), ImmutableMap.of()));
    assertThrows(IllegalArgumentException.class, () -> new SqProgram(c, program, state,
        ImmutableMap.of("X", 0), ImmutableMap.of("X", 0)));
    assertThrows(IllegalArgumentException.class, () -> new SqProgram(c, program, state,
        ImmutableMap.of("HALT", 0), ImmutableMap.of()));
    assertThrows(IllegalArgumentException.class, () -> new SqProgram(c, program, state,
        ImmutableMap.of("Z", 2), ImmutableMap.of()));
  }
}
