package org.loopmlp.isa.classic;

/** What the instruction at pc does, decided by its operands a and b (docs/SPEC.md). */
public enum ClassicOp {
  /** pc < 0 or pc + 2 >= 2^A: nothing runs, the state is a fixed point. Not a step. */
  HALTED,
  /** {@code mem[b] = wrap_N(mem[b] - mem[a])}; jump to c when the result is {@code <= 0}. */
  SUBTRACT,
  /** {@code a == -1, b != -1}: read a byte into mem[b] (-1 at end of input). */
  INPUT,
  /** {@code b == -1, a != -1}: print the low 8 bits of mem[a]; c is ignored. */
  OUTPUT,
  /** {@code a == b == -1}: read a byte and print it (nothing at end of input). */
  ECHO;

  /** True when this step takes a byte from the input. */
  public boolean readsInput() {
    return this == INPUT || this == ECHO;
  }
}
