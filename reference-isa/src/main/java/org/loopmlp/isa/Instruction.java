package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One SUBLEQ instruction {@code (a, b, c)}: {@code mem[b] -= mem[a]; if (mem[b] <= 0) goto c}.
 * Ranges are checked against a config by {@link Program}.
 */
public record Instruction(int a, int b, int c) {
  public Instruction {
    checkArgument(a >= 0 && b >= 0 && c >= 0, "operands must be >= 0: (%s, %s, %s)", a, b, c);
  }

  public static Instruction of(int a, int b, int c) {
    return new Instruction(a, b, c);
  }

  /** {@code HALT} at {@code slot}: {@code Z Z slot}, a fixed point while mem[Z] == 0. */
  public static Instruction haltAt(int slot, int zeroCell) {
    return new Instruction(zeroCell, zeroCell, slot);
  }

  /** True when this is {@code x x slot}: after at most one step it is a fixed point. */
  public boolean isHaltAt(int slot) {
    return a == b && c == slot;
  }

  public boolean fits(MachineConfig config) {
    return a < config.dataSize() && b < config.dataSize() && c < config.codeSize();
  }

  @Override
  public String toString() {
    return a + " " + b + " " + c;
  }
}
