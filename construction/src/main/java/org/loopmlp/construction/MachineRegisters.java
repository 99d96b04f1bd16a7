package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import org.loopmlp.isa.MachineConfig;

/**
 * The registers of the machine state space for one config (SPEC §7): the program {@code
 * code[q].a}, {@code code[q].b} (A bits), {@code code[q].c} (C bits); the memory {@code mem[i]} (N
 * bits, two's complement); {@code pc} (C bits); and the scratch registers {@code ra, rb} (A bits),
 * {@code rc, pc1} (C bits), {@code va, vb, r} (N bits, two's complement), which are 0 between two
 * passes.
 */
public final class MachineRegisters implements StateRegisters {
  public static final String CODE = "code";
  public static final String MEM = "mem";
  public static final String PC = "pc";
  public static final String SCRATCH = "scratch";

  /** The three fields of an instruction slot. */
  public enum Field {
    A, B, C;

    /** {@code a}, {@code b} or {@code c}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MachineConfig config;
  private final ImmutableList<Register> code;
  private final ImmutableList<Register> memory;
  private final Register pc;
  private final Register ra;
  private final Register rb;
  private final Register rc;
  private final Register pc1;
  private final Register va;
  private final Register vb;
  private final Register r;

  private MachineRegisters(MachineConfig config) {
    this.config = config;
    int n = config.wordBits();
    int a = config.dataBits();
    int c = config.codeBits();
    ImmutableList.Builder<Register> cb = ImmutableList.builder();
    for (int q = 0; q < config.codeSize(); q++) {
      for (Field f : Field.values()) {
        cb.add(Register.unsigned(codeName(q, f), f == Field.C ? c : a));
      }
    }
    this.code = cb.build();
    ImmutableList.Builder<Register> mb = ImmutableList.builder();
    for (int i = 0; i < config.dataSize(); i++) {
      mb.add(Register.signed("mem[" + i + "]", n));
    }
    this.memory = mb.build();
    this.pc = Register.unsigned("pc", c);
    this.ra = Register.unsigned("ra", a);
    this.rb = Register.unsigned("rb", a);
    this.rc = Register.unsigned("rc", c);
    this.pc1 = Register.unsigned("pc1", c);
    this.va = Register.signed("va", n);
    this.vb = Register.signed("vb", n);
    this.r = Register.signed("r", n);
  }

  /** The registers for {@code config}. */
  public static MachineRegisters of(MachineConfig config) {
    return new MachineRegisters(checkNotNull(config));
  }

  private static String codeName(int q, Field f) {
    return "code[" + q + "]." + f.label();
  }

  public MachineConfig config() {
    return config;
  }

  /** Field {@code f} of slot {@code q}. */
  public Register code(int q, Field f) {
    checkElementIndex(q, config.codeSize(), "slot");
    return code.get(q * 3 + f.ordinal());
  }

  /** Every code register, slot by slot, fields a, b, c. */
  public ImmutableList<Register> code() {
    return code;
  }

  /** Word {@code i} of memory. */
  public Register mem(int i) {
    checkElementIndex(i, config.dataSize(), "address");
    return memory.get(i);
  }

  public ImmutableList<Register> memory() {
    return memory;
  }

  public Register pc() {
    return pc;
  }

  public Register ra() {
    return ra;
  }

  public Register rb() {
    return rb;
  }

  public Register rc() {
    return rc;
  }

  public Register pc1() {
    return pc1;
  }

  public Register va() {
    return va;
  }

  public Register vb() {
    return vb;
  }

  public Register r() {
    return r;
  }

  /** The scratch registers, 0 between passes: ra, rb, rc, pc1, va, vb, r. */
  @Override
  public ImmutableList<Register> scratch() {
    return ImmutableList.of(ra, rb, rc, pc1, va, vb, r);
  }

  /**
   * The machine state space: regions {@code code}, {@code mem}, {@code pc}, {@code scratch} in
   * that order.
   */
  @Override
  public StateLayout layout() {
    StateLayout.Builder b = StateLayout.builder();
    code.forEach(reg -> b.add(CODE, reg));
    memory.forEach(reg -> b.add(MEM, reg));
    b.add(PC, pc);
    scratch().forEach(reg -> b.add(SCRATCH, reg));
    return b.build();
  }
}
