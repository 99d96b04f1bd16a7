package org.loopmlp.isa;

/**
 * Every intermediate value of one SUBLEQ step, computed with plain integer arithmetic. The stage
 * lemmas of the construction are stated against these values.
 *
 * @param pc the program counter before the step
 * @param a first operand address (subtrahend)
 * @param b second operand address (minuend and destination)
 * @param c branch target
 * @param memA mem[a] before the step (signed)
 * @param memB mem[b] before the step (signed)
 * @param result wrap_N(mem[b] - mem[a]) (signed), written to mem[b]
 * @param overflowed true when mem[b] - mem[a] does not fit in N bits (the result wrapped)
 * @param branch true when result <= 0
 * @param pcPlusOne (pc + 1) mod 2^C
 * @param nextPc c when branch, else pcPlusOne
 */
public record StepDetail(
    int pc, int a, int b, int c, long memA, long memB, long result, boolean overflowed,
    boolean branch, int pcPlusOne, int nextPc) {}
