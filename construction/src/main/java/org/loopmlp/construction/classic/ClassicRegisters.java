package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.SubleqRegisters;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The registers of the classic machine's state space for one config: the memory {@code mem[i]}
 * (2^A words of N bits, two's complement, code and data alike) and {@code pc} (an N-bit two's
 * complement word); the ports, which the host and the network share; and the scratch registers,
 * which are 0 between passes.
 *
 * <p>Ports. The host fills {@code in.byte} (8 bits) with the next input byte, or sets {@code
 * in.eof} (with {@code in.byte} 0) at the end of input, before a pass; the network copies both.
 * The network sets {@code in.taken} when the step read the byte, {@code out.byte} and {@code
 * out.valid} when it printed one, and {@code executed} when an instruction ran (0 at a halted pc,
 * so a halted state is a fixed point). The host clears these four between passes.
 *
 * <p>Scratch: {@code ra, rb, rc} (the words at pc, pc + 1, pc + 2), {@code p3} (pc + 3), {@code
 * run} (pc holds an instruction), {@code io_a, io_b} (a == -1, b == -1), {@code va, vb} (the
 * operands read), {@code op.sub, op.in, op.out, op.echo} (what the step does), {@code r} (the
 * value written) and {@code br} (the branch is taken).
 */
public final class ClassicRegisters extends SubleqRegisters {
  public static final String MEM = "mem";
  public static final String PC = "pc";
  public static final String IN = "in";
  public static final String OUT = "out";
  public static final String SCRATCH = "scratch";
  /** Bits of an I/O byte. */
  public static final int BYTE_BITS = 8;

  private final ClassicConfig config;
  private final Register inByte = Register.unsigned("in.byte", BYTE_BITS);
  private final Register inEof = Register.unsigned("in.eof", 1);
  private final Register inTaken = Register.unsigned("in.taken", 1);
  private final Register outByte = Register.unsigned("out.byte", BYTE_BITS);
  private final Register outValid = Register.unsigned("out.valid", 1);
  private final Register executed = Register.unsigned("executed", 1);
  private final Register p3;
  private final Register run = Register.unsigned("run", 1);
  private final Register ioA = Register.unsigned("io_a", 1);
  private final Register ioB = Register.unsigned("io_b", 1);
  private final Register opSub = Register.unsigned("op.sub", 1);
  private final Register opIn = Register.unsigned("op.in", 1);
  private final Register opOut = Register.unsigned("op.out", 1);
  private final Register opEcho = Register.unsigned("op.echo", 1);
  private final Register br = Register.unsigned("br", 1);

  private ClassicRegisters(ClassicConfig config) {
    super(config.memorySize(), config.wordBits(), Register.signed("pc", config.wordBits()),
        Register.signed("ra", config.wordBits()), Register.signed("rb", config.wordBits()),
        Register.signed("rc", config.wordBits()));
    this.config = config;
    this.p3 = Register.signed("p3", config.wordBits());
  }

  /** The registers for {@code config}. */
  public static ClassicRegisters of(ClassicConfig config) {
    return new ClassicRegisters(checkNotNull(config, "config"));
  }

  public ClassicConfig config() {
    return config;
  }


  public Register inByte() {
    return inByte;
  }

  public Register inEof() {
    return inEof;
  }

  public Register inTaken() {
    return inTaken;
  }

  public Register outByte() {
    return outByte;
  }

  public Register outValid() {
    return outValid;
  }

  public Register executed() {
    return executed;
  }

  public Register p3() {
    return p3;
  }

  public Register run() {
    return run;
  }

  public Register ioA() {
    return ioA;
  }

  public Register ioB() {
    return ioB;
  }

  public Register opSub() {
    return opSub;
  }

  public Register opIn() {
    return opIn;
  }

  public Register opOut() {
    return opOut;
  }

  public Register opEcho() {
    return opEcho;
  }

  /** The four op flags: sub, in, out, echo. */
  public ImmutableList<Register> ops() {
    return ImmutableList.of(opSub, opIn, opOut, opEcho);
  }

  public Register br() {
    return br;
  }

  /** The host's input port: {@code in.byte}, {@code in.eof}. */
  public ImmutableList<Register> inputPort() {
    return ImmutableList.of(inByte, inEof);
  }

  /** The flags the network sets and the host clears: taken, out.byte, out.valid, executed. */
  public ImmutableList<Register> passFlags() {
    return ImmutableList.of(inTaken, outByte, outValid, executed);
  }

  /** The scratch registers, 0 between passes. */
  @Override
  public ImmutableList<Register> scratch() {
    return ImmutableList.of(ra(), rb(), rc(), p3, run, ioA, ioB, va(), vb(), opSub, opIn, opOut,
        opEcho, r(), br);
  }

  /**
   * The state space: regions {@code mem}, {@code pc}, {@code in} (in.byte, in.eof, in.taken),
   * {@code out} (out.byte, out.valid, executed) and {@code scratch}, in that order.
   */
  @Override
  public StateLayout layout() {
    StateLayout.Builder b = StateLayout.builder();
    memory().forEach(reg -> b.add(MEM, reg));
    b.add(PC, pc());
    b.add(IN, inByte).add(IN, inEof).add(IN, inTaken);
    b.add(OUT, outByte).add(OUT, outValid).add(OUT, executed);
    scratch().forEach(reg -> b.add(SCRATCH, reg));
    return b.build();
  }
}
