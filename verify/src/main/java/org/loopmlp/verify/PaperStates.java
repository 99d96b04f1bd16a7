package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.RegisterBits;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * The paper machine's states for the {@link ExhaustiveCheck}, in two scopes:
 *
 * <ul>
 *   <li>{@link Scope#ALL_PROGRAMS}: every program (all 2^C slots), every memory, every pc.
 *   <li>{@link Scope#SLOT_AT_PC}: every instruction at pc, every memory, every pc, the other
 *       slots HALT. This covers every state only together with {@link SlotIndependence}, which
 *       shows from the weights that a pass reads the program only at pc and copies the other
 *       slots; the space is refused when it does not hold.
 * </ul>
 *
 * State number = unit * 2^(N M) + memory, unit = program * 2^C + pc: programs in mixed radix
 * (slot q's instruction is digit q), memory word i is bits [i N, (i + 1) N) of the memory number.
 */
public final class PaperStates implements ExhaustiveCheck.Space<Disagreement> {
  /** Which states are enumerated. */
  public enum Scope {
    ALL_PROGRAMS("all programs x all memories x all pc"),
    SLOT_AT_PC("instruction at pc x all memories x all pc (other slots proven irrelevant)");

    private final String description;

    Scope(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Construction construction;
  private final Scope scope;
  private final ExhaustiveCheck.Shape shape;
  private final StateCodec codec;
  private final int[][] memIndex;
  private final int[] pcIndex;
  private Optional<String> refusal;

  private PaperStates(Construction construction, Scope scope, long states) {
    this.construction = construction;
    this.scope = scope;
    this.codec = StateCodec.forConstruction(construction);
    this.memIndex = RegisterBits.memory(construction.layout(), construction.registers(), -1)
        .words();
    this.pcIndex = RegisterBits.indices(construction.layout(), construction.registers().pc());
    this.shape = new ExhaustiveCheck.Shape(construction.name(), construction.config().toString(),
        scope.description(), construction.network(), states,
        Bits.memoryBits(memIndex, construction.config().wordBits()));
  }

  /** The states of {@code scope}; fails when they are too many to number in a long. */
  public static PaperStates of(Construction construction, Scope scope) {
    checkNotNull(construction, "construction");
    checkNotNull(scope, "scope");
    BigInteger count = stateCount(construction.config(), scope);
    checkArgument(count.bitLength() < 63, "%s states at %s: too many to enumerate", count,
        construction.config());
    return new PaperStates(construction, scope, count.longValueExact());
  }

  /** The exhaustive check of {@code construction} on {@code backend} in {@code scope}. */
  public static ExhaustiveCheck<Disagreement> check(Construction construction, Scope scope,
      Backend backend) {
    return ExhaustiveCheck.of(of(construction, scope), backend);
  }

  /** The number of states in {@code scope} for {@code config}. */
  public static BigInteger stateCount(MachineConfig config, Scope scope) {
    BigInteger m = BigInteger.valueOf(config.dataSize());
    BigInteger k = BigInteger.valueOf(config.codeSize());
    BigInteger instructions = m.multiply(m).multiply(k);
    BigInteger programs = scope == Scope.ALL_PROGRAMS ? instructions.pow(config.codeSize())
        : instructions;
    BigInteger memories = BigInteger.ONE.shiftLeft(config.wordBits() * config.dataSize());
    return programs.multiply(memories).multiply(k);
  }

  public Scope scopeOf() {
    return scope;
  }

  @Override
  public ExhaustiveCheck.Shape shape() {
    return shape;
  }

  /** Slot independence, for {@code SLOT_AT_PC} (read off the weights once). */
  @Override
  public synchronized Optional<String> refusal() {
    if (refusal == null) {
      refusal = scope == Scope.ALL_PROGRAMS ? Optional.empty()
          : SlotIndependence.check(construction).map(Object::toString);
    }
    return refusal;
  }

  @Override
  public ExhaustiveCheck.Enumerator enumerator() {
    MachineConfig config = construction.config();
    return new ExhaustiveCheck.Enumerator() {
      private long unit = -1;
      private Program program;

      @Override
      public void unit(long u, long[] x) {
        RationalVector v = codec.encode(program(u), MachineState.of(config,
            new long[config.dataSize()], pcOf(u)));
        for (int c = 0; c < x.length; c++) {
          x[c] = v.isOne(c) ? 1 : 0;
        }
      }

      @Override
      public void expected(long index, long[] y) {
        MachineState before = stateOf(index);
        MachineState after = SubleqMachine.step(program(index >>> memoryBits()), before);
        for (int i = 0; i < memIndex.length; i++) {
          if (after.word(i) != before.word(i)) {
            Bits.put(y, memIndex[i], after.word(i));
          }
        }
        Bits.put(y, pcIndex, after.pc());
      }

      private Program program(long u) {
        if (u != unit) {
          program = programOfUnit(u);
          unit = u;
        }
        return program;
      }
    };
  }

  @Override
  public Disagreement diagnose(long index, Backend backend) {
    TestCase tc = new TestCase(construction.config(), programOfUnit(index >>> memoryBits()),
        stateOf(index), 1);
    return new CaseRunner(c -> construction, backend, true).fails(tc)
        .or(() -> new CaseRunner(c -> construction, backend, false).fails(tc))
        .orElseThrow(() -> new IllegalStateException("disagreement at " + tc
            + " not reproduced"));
  }

  private int memoryBits() {
    return construction.config().wordBits() * construction.config().dataSize();
  }

  private int pcOf(long unit) {
    return (int) (unit % construction.config().codeSize());
  }

  /** State number {@code index}: memory word i is bits [i N, (i + 1) N) of its low bits. */
  private MachineState stateOf(long index) {
    MachineConfig config = construction.config();
    return MachineState.of(config, Bits.words(index, config.wordBits(), config.dataSize()),
        pcOf(index >>> memoryBits()));
  }

  /** The program of a unit (one program and pc, numbered program-major). */
  private Program programOfUnit(long unit) {
    MachineConfig config = construction.config();
    int k = config.codeSize();
    int pc = pcOf(unit);
    List<Instruction> slots = new ArrayList<>(k);
    if (scope == Scope.ALL_PROGRAMS) {
      long x = unit / k;
      int perSlot = config.dataSize() * config.dataSize() * k;
      for (int q = 0; q < k; q++) {
        slots.add(instructionOf(config, (int) (x % perSlot)));
        x /= perSlot;
      }
    } else {
      for (int q = 0; q < k; q++) {
        slots.add(q == pc ? instructionOf(config, (int) (unit / k)) : Instruction.haltAt(q, 0));
      }
    }
    return Program.ofSlots(config, slots, 0);
  }

  private static Instruction instructionOf(MachineConfig config, int index) {
    int m = config.dataSize();
    int k = config.codeSize();
    return Instruction.of(index % m, (index / m) % m, index / (m * m) % k);
  }
}
