package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.IntToLongFunction;

/**
 * The reference classic SUBLEQ machine: one memory of 2^A N-bit words for code and data,
 * instructions of three words at pc, address -1 the terminal (docs/SPEC.md, the classic
 * machine). Step at pc, unless pc < 0 or pc + 2 >= 2^A (halted, a fixed point):
 *
 * <pre>
 *   a = mem[pc], b = mem[pc+1], c = mem[pc+2]
 *   a == -1 and b == -1:  echo: read a byte and print it (nothing at end of input); pc += 3
 *   a == -1:              mem[b mod 2^A] = next byte (0..255), -1 at end of input;  pc += 3
 *   b == -1:              print the low 8 bits of mem[a mod 2^A];                   pc += 3
 *   otherwise:            r = wrap_N(mem[b mod 2^A] - mem[a mod 2^A]); mem[b mod 2^A] = r;
 *                         pc = r <= 0 ? c : pc + 3
 * </pre>
 *
 * pc + 3 wraps to N bits. A byte stored into an N-bit word wraps too (N < 9). Plain integer
 * arithmetic only: this is what every classic construction is checked against.
 */
public final class ClassicMachine {
  /** The word that names the terminal as an operand. */
  public static final long IO = -1;
  /** What {@link #detail} is given for the input when there is no more. */
  public static final int END_OF_INPUT = -1;

  private ClassicMachine() {}

  /**
   * The intermediate values of executing the instruction at {@code state.pc()}, when the next
   * input byte is {@code nextInput} (0..255, or {@link #END_OF_INPUT}); the input is used only by
   * a step that reads.
   */
  public static ClassicStepDetail detail(ClassicState state, int nextInput) {
    checkNotNull(state, "state");
    return detail(state.config(), state::word, state.pc(), nextInput);
  }

  /** {@link #detail(ClassicState, int)} over a memory array that the caller may own. */
  static ClassicStepDetail detail(ClassicConfig config, long[] memory, long pc, int nextInput) {
    return detail(config, a -> memory[a], pc, nextInput);
  }

  /** The same over a reader of the memory's words (reads at most five). */
  private static ClassicStepDetail detail(ClassicConfig config, IntToLongFunction memory,
      long pc, int nextInput) {
    checkArgument(nextInput >= END_OF_INPUT && nextInput <= 255,
        "next input must be a byte 0..255 or -1 (end of input), was %s", nextInput);
    if (config.haltsAt(pc)) {
      long m0 = memory.applyAsLong(0);
      return new ClassicStepDetail(ClassicOp.HALTED, pc, 0, 0, 0, 0, 0, m0, m0, END_OF_INPUT,
          false, m0, -1, false, pc, pc);
    }
    int at = (int) pc;
    long a = memory.applyAsLong(at);
    long b = memory.applyAsLong(at + 1);
    long c = memory.applyAsLong(at + 2);
    int addrA = config.address(a);
    int addrB = config.address(b);
    long memA = memory.applyAsLong(addrA);
    long memB = memory.applyAsLong(addrB);
    long pcPlusThree = config.wrap(pc + 3);
    if (a == IO && b == IO) {
      int out = nextInput == END_OF_INPUT ? -1 : nextInput;
      return new ClassicStepDetail(ClassicOp.ECHO, pc, a, b, c, addrA, addrB, memA, memB,
          nextInput, false, memB, out, false, pcPlusThree, pcPlusThree);
    }
    if (a == IO) {
      if (config.inputMode() == ClassicConfig.InputMode.ADD) {
        long r = config.wrap(memB + nextInput);
        boolean branch = r <= 0;
        return new ClassicStepDetail(ClassicOp.INPUT, pc, a, b, c, addrA, addrB, memA, memB,
            nextInput, true, r, -1, branch, pcPlusThree, branch ? c : pcPlusThree);
      }
      long stored = config.wrap(nextInput);
      return new ClassicStepDetail(ClassicOp.INPUT, pc, a, b, c, addrA, addrB, memA, memB,
          nextInput, true, stored, -1, false, pcPlusThree, pcPlusThree);
    }
    if (b == IO) {
      return new ClassicStepDetail(ClassicOp.OUTPUT, pc, a, b, c, addrA, addrB, memA, memB,
          END_OF_INPUT, false, memB, (int) (memA & 0xFF), false, pcPlusThree, pcPlusThree);
    }
    long r = config.wrap(memB - memA);
    boolean branch = r <= 0;
    return new ClassicStepDetail(ClassicOp.SUBTRACT, pc, a, b, c, addrA, addrB, memA, memB,
        END_OF_INPUT, true, r, -1, branch, pcPlusThree, branch ? c : pcPlusThree);
  }

  /** The state after the step described by {@code d}, which was computed for {@code state}. */
  public static ClassicState apply(ClassicState state, ClassicStepDetail d) {
    if (d.op() == ClassicOp.HALTED) {
      return state;
    }
    return state.afterStep(d.writes(), d.addrB(), d.result(), d.nextPc());
  }

  /** One step with the given next input byte (or {@link #END_OF_INPUT}). */
  public static ClassicState step(ClassicState state, int nextInput) {
    return apply(state, detail(state, nextInput));
  }
}
