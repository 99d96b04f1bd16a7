package org.loopmlp.verify.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.RegisterBits;
import org.loopmlp.construction.classic.ClassicCodec;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.construction.classic.ClassicRegisters;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;
import org.loopmlp.verify.Bits;
import org.loopmlp.verify.ExhaustiveCheck;

/**
 * The classic machine's states for the {@link ExhaustiveCheck}: every memory, every pc (all 2^N
 * words, so also the halting ones) and each of {@link #INPUTS} offered at the input port (end of
 * input, 0, 1, 2, 3, 0x55, 0xAA, 0xFF: every value of the low bits a small word keeps, and bytes
 * with every bit pattern). A pass agrees when its output is the encoding of the reference step's
 * state with the port as offered and the flags the step sets (input taken, byte printed,
 * instruction executed).
 *
 * <p>State number = (pc * 8 + input) * 2^(N 2^A) + memory; word i is bits [i N, (i + 1) N) of
 * the memory number.
 */
public final class ClassicStates implements ExhaustiveCheck.Space<ClassicStates.Finding> {
  /** The input offers enumerated with every state. */
  public static final int[] INPUTS = {ClassicMachine.END_OF_INPUT, 0, 1, 2, 3, 0x55, 0xAA, 0xFF};

  /** Where one pass from {@code state} with {@code input} offered differs from the step. */
  public record Finding(ClassicState state, int input, String what) {
    @Override
    public String toString() {
      return state + " input " + input + ": " + what;
    }
  }

  private final ClassicConstruction construction;
  private final ClassicConfig config;
  private final ClassicCodec codec;
  private final ExhaustiveCheck.Shape shape;
  private final int[][] memIndex;
  private final int[] pcIndex;
  private final int[] takenIndex;
  private final int[] outByteIndex;
  private final int[] outValidIndex;
  private final int[] executedIndex;

  private ClassicStates(ClassicConstruction construction) {
    this.construction = construction;
    this.config = construction.config();
    this.codec = ClassicCodec.forConstruction(construction);
    int bits = config.wordBits() * config.memorySize() + config.wordBits() + 3;
    checkArgument(bits < 63, "2^%s states at %s: too many to enumerate", bits, config);
    ClassicRegisters regs = construction.registers();
    this.memIndex = RegisterBits.memory(construction.layout(), regs, -1).words();
    this.pcIndex = RegisterBits.indices(construction.layout(), regs.pc());
    this.takenIndex = RegisterBits.indices(construction.layout(), regs.inTaken());
    this.outByteIndex = RegisterBits.indices(construction.layout(), regs.outByte());
    this.outValidIndex = RegisterBits.indices(construction.layout(), regs.outValid());
    this.executedIndex = RegisterBits.indices(construction.layout(), regs.executed());
    this.shape = new ExhaustiveCheck.Shape(construction.name(), config.toString(), "all memories"
        + " x all pc x " + INPUTS.length + " input offers", construction.network(), 1L << bits,
        Bits.memoryBits(memIndex, config.wordBits()));
  }

  public static ClassicStates of(ClassicConstruction construction) {
    return new ClassicStates(checkNotNull(construction, "construction"));
  }

  /** The exhaustive check of {@code construction} on {@code backend}. */
  public static ExhaustiveCheck<Finding> check(ClassicConstruction construction,
      Backend backend) {
    return ExhaustiveCheck.of(of(construction), backend);
  }

  @Override
  public ExhaustiveCheck.Shape shape() {
    return shape;
  }

  @Override
  public Optional<String> refusal() {
    return Optional.empty();
  }

  @Override
  public ExhaustiveCheck.Enumerator enumerator() {
    return new ExhaustiveCheck.Enumerator() {
      @Override
      public void unit(long unit, long[] x) {
        long pc = config.wrap(unit >>> 3);
        RationalVector v = codec.encode(ClassicState.of(config, new long[config.memorySize()],
            pc), INPUTS[(int) (unit & 7)]);
        for (int c = 0; c < x.length; c++) {
          x[c] = v.isOne(c) ? 1 : 0;
        }
      }

      @Override
      public void expected(long index, long[] y) {
        ClassicState before = stateOf(index);
        ClassicStepDetail d = ClassicMachine.detail(before, inputOf(index));
        ClassicState after = ClassicMachine.apply(before, d);
        if (d.writes()) {
          Bits.put(y, memIndex[d.addrB()], after.word(d.addrB()));
        }
        Bits.put(y, pcIndex, after.pc());
        Bits.put(y, takenIndex, d.readsInput() ? 1 : 0);
        Bits.put(y, outByteIndex, d.prints() ? d.output() : 0);
        Bits.put(y, outValidIndex, d.prints() ? 1 : 0);
        Bits.put(y, executedIndex, d.op() != ClassicOp.HALTED ? 1 : 0);
      }
    };
  }

  private int memoryBits() {
    return config.wordBits() * config.memorySize();
  }

  /** State number {@code index}'s memory and pc. */
  public ClassicState stateOf(long index) {
    return ClassicState.of(config, Bits.words(index, config.wordBits(), config.memorySize()),
        config.wrap(index >>> memoryBits() >>> 3));
  }

  /** State number {@code index}'s input offer. */
  public int inputOf(long index) {
    return INPUTS[(int) (index >>> memoryBits() & 7)];
  }

  @Override
  public Finding diagnose(long index, Backend backend) {
    ClassicState s = stateOf(index);
    int in = inputOf(index);
    ClassicStepDetail d = ClassicMachine.detail(s, in);
    ClassicPassOutput o;
    try {
      o = ClassicLoopedMlp.checked(construction, backend).step(s, in);
    } catch (LemmaViolation | DecodeException e) {
      return new Finding(s, in, e.getMessage());
    } catch (ArithmeticException e) {
      return new Finding(s, in, e.toString());
    }
    return new Finding(s, in, "reference " + ClassicMachine.apply(s, d) + " printing "
        + d.output() + (d.readsInput() ? ", input taken" : "") + ", network " + o);
  }
}
