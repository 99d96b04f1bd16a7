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
public final class PaperRegisters extends SubleqRegisters {
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
  private final Register pc1;

  private PaperRegisters(MachineConfig config) {
    super(config.dataSize(), config.wordBits(), Register.unsigned("pc", config.codeBits()),
        Register.unsigned("ra", config.dataBits()), Register.unsigned("rb", config.dataBits()),
        Register.unsigned("rc", config.codeBits()));
    this.config = config;
    int a = config.dataBits();
    int c = config.codeBits();
    ImmutableList.Builder<Register> cb = ImmutableList.builder();
    for (int q = 0; q < config.codeSize(); q++) {
      for (Field f : Field.values()) {
        cb.add(Register.unsigned(codeName(q, f), f == Field.C ? c : a));
      }
    }
    this.code = cb.build();
    this.pc1 = Register.unsigned("pc1", c);
  }

  /** The registers for {@code config}. */
  public static PaperRegisters of(MachineConfig config) {
    return new PaperRegisters(checkNotNull(config));
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

  public Register pc1() {
    return pc1;
  }

  /** The scratch registers, 0 between passes: ra, rb, rc, pc1, va, vb, r. */
  @Override
  public ImmutableList<Register> scratch() {
    return ImmutableList.of(ra(), rb(), rc(), pc1, va(), vb(), r());
  }

  /**
   * The machine state space: regions {@code code}, {@code mem}, {@code pc}, {@code scratch} in
   * that order.
   */
  @Override
  public StateLayout layout() {
    StateLayout.Builder b = StateLayout.builder();
    code.forEach(reg -> b.add(CODE, reg));
    memory().forEach(reg -> b.add(MEM, reg));
    b.add(PC, pc());
    scratch().forEach(reg -> b.add(SCRATCH, reg));
    return b.build();
  }
}
