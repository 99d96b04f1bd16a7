package org.loopmlp.isa.classic;

/**
 * Every intermediate value of one classic SUBLEQ step, computed with plain integer arithmetic.
 * The stage lemmas of the classic construction are stated against these values. For a halted
 * state every field but {@code op} and {@code pc} repeats the state (nothing is read, written,
 * printed or taken from the input).
 *
 * @param op what the step does
 * @param pc the program counter before the step (signed N-bit word)
 * @param a mem[pc] (the operand word, signed; -1 means input)
 * @param b mem[pc + 1] (signed; -1 means output)
 * @param c mem[pc + 2] (signed branch target)
 * @param addrA a modulo 2^A, the cell read as the subtrahend (output prints mem[addrA])
 * @param addrB b modulo 2^A, the cell read and written (input stores into it)
 * @param memA mem[addrA] before the step
 * @param memB mem[addrB] before the step
 * @param input the byte taken from the input (0..255), -1 at end of input, or -1 when the step
 *     reads none
 * @param writes true when the step writes mem[addrB] (subtract and input)
 * @param result the value the step writes to mem[addrB] (subtract: wrap_N(memB - memA); input:
 *     the byte or -1, or in add mode wrap_N(memB + byte)); memB when it writes nothing
 * @param output the byte printed (0..255), or -1 when the step prints nothing
 * @param branch true when the step jumps to c
 * @param pcPlusThree wrap_N(pc + 3)
 * @param nextPc c when branch, else pcPlusThree; pc for a halted state
 */
public record ClassicStepDetail(
    ClassicOp op, long pc, long a, long b, long c, int addrA, int addrB, long memA, long memB,
    int input, boolean writes, long result, int output, boolean branch, long pcPlusThree,
    long nextPc) {

  /** True when the step takes a byte from the input (also at end of input). */
  public boolean readsInput() {
    return op.readsInput();
  }

  /** True when the step prints a byte. */
  public boolean prints() {
    return output >= 0;
  }
}
