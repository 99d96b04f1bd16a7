package org.loopmlp.verify;

/**
 * What a differential campaign covered, counted per pass from the reference machine's step (and
 * per try for {@link #HALT_REACHED}). A campaign whose generator misses a category has not
 * exercised the corner of the machine that category names.
 */
public enum Coverage {
  /** The result was <= 0 and pc jumped to c. */
  BRANCH_TAKEN("branch taken"),
  /** The result was > 0 and pc moved to pc + 1. */
  BRANCH_NOT_TAKEN("branch not taken"),
  /** mem[b] - mem[a] did not fit in N bits and wrapped. */
  OVERFLOW("overflow"),
  /** The instruction subtracts a cell from itself. */
  A_EQUALS_B("a == b"),
  /** mem[a], mem[b] or the result was the most negative word -2^(N-1). */
  MOST_NEGATIVE("most negative value"),
  /** pc was the last slot and moved to slot 0 (pc + 1 wrapped). */
  PC_WRAP("pc wrap-around"),
  /** The run reached a fixed point (a halted state). */
  HALT_REACHED("halt reached");

  private final String label;

  Coverage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
