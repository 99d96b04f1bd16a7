package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * The registers every SUBLEQ machine's state space has, whatever else it holds: the memory words
 * {@code mem[i]}, {@code pc}, and the scratch registers of one step, {@code ra, rb, rc} (the
 * instruction's a, b, c), {@code va, vb} (the operands read) and {@code r} (the difference). Each
 * machine chooses their widths and adds its own ({@link PaperRegisters} the program, the
 * classic machine's {@link org.loopmlp.construction.classic.ClassicRegisters} the I/O ports).
 */
public abstract class SubleqRegisters implements StateRegisters {
  private final ImmutableList<Register> memory;
  private final Register pc;
  private final Register ra;
  private final Register rb;
  private final Register rc;
  private final Register va;
  private final Register vb;
  private final Register r;

  /** The registers {@code mem[0..words)} of {@code wordBits} bits, the rest as given. */
  protected SubleqRegisters(int words, int wordBits, Register pc, Register ra, Register rb,
      Register rc) {
    ImmutableList.Builder<Register> mb = ImmutableList.builderWithExpectedSize(words);
    for (int i = 0; i < words; i++) {
      mb.add(Register.signed("mem[" + i + "]", wordBits));
    }
    this.memory = mb.build();
    this.pc = checkNotNull(pc, "pc");
    this.ra = checkNotNull(ra, "ra");
    this.rb = checkNotNull(rb, "rb");
    this.rc = checkNotNull(rc, "rc");
    this.va = Register.signed("va", wordBits);
    this.vb = Register.signed("vb", wordBits);
    this.r = Register.signed("r", wordBits);
  }

  /** Word {@code i} of memory. */
  public final Register mem(int i) {
    checkElementIndex(i, memory.size(), "address");
    return memory.get(i);
  }

  public final ImmutableList<Register> memory() {
    return memory;
  }

  public final Register pc() {
    return pc;
  }

  public final Register ra() {
    return ra;
  }

  public final Register rb() {
    return rb;
  }

  public final Register rc() {
    return rc;
  }

  public final Register va() {
    return va;
  }

  public final Register vb() {
    return vb;
  }

  public final Register r() {
    return r;
  }
}
