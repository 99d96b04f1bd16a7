package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Encodes a program and machine state as a vector of the machine state space (SPEC §7: bits
 * {0, 1}, least significant first, words in two's complement, scratch 0) and decodes it back,
 * refusing any vector that is not such an encoding.
 */
public final class StateCodec {
  /** {@link #wordOf} of a coordinate that belongs to no word: pc, or scratch or other. */
  private static final int PC = -1;
  private static final int CODE = -2;
  private static final int MUST_BE_ZERO = -3;

  private final StateLayout layout;
  private final PaperRegisters regs;
  private final int[] mustBeZero;
  /** The coordinates of each memory word's bits, and of pc's, looked up once. */
  private final int[][] memIndex;
  private final int[] pcIndex;
  /** Per coordinate: the memory word it is a bit of, or PC, CODE or MUST_BE_ZERO. */
  private final int[] wordOf;

  private StateCodec(StateLayout layout, PaperRegisters regs) {
    this.layout = layout;
    this.regs = regs;
    RegisterBits.Memory memory = RegisterBits.memory(layout, regs, MUST_BE_ZERO);
    this.memIndex = memory.words();
    this.wordOf = memory.wordOf();
    this.pcIndex = RegisterBits.indices(layout, regs.pc());
    for (int c : pcIndex) {
      wordOf[c] = PC;
    }
    for (Register r : regs.code()) {
      for (int c : RegisterBits.indices(layout, r)) {
        wordOf[c] = CODE;
      }
    }
    Set<Direction> live = new HashSet<>();
    for (Register r : regs.layout().registers()) {
      if (!regs.scratch().contains(r)) {
        live.addAll(r.bits());
      }
    }
    this.mustBeZero = IntStream.range(0, layout.dimension())
        .filter(i -> !live.contains(layout.direction(i))).toArray();
  }

  /** The codec for {@code layout}, which must hold the machine registers of {@code config}. */
  public static StateCodec forLayout(StateLayout layout, MachineConfig config) {
    checkNotNull(layout, "layout");
    PaperRegisters regs = PaperRegisters.of(config);
    for (Register r : regs.layout().registers()) {
      checkArgument(layout.findRegister(r.name()).map(r::equals).orElse(false),
          "layout has no register %s for %s", r.name(), config);
    }
    return new StateCodec(layout, regs);
  }

  /** The codec for the machine state space of {@code config} ({@link PaperRegisters#layout}). */
  public static StateCodec forConfig(MachineConfig config) {
    PaperRegisters regs = PaperRegisters.of(config);
    return new StateCodec(regs.layout(), regs);
  }

  /** The codec for a construction's state space. */
  public static StateCodec forConstruction(Construction construction) {
    return new StateCodec(construction.layout(), construction.registers());
  }

  public StateLayout layout() {
    return layout;
  }

  public MachineConfig config() {
    return regs.config();
  }

  /** The vector of {@code program} and {@code state}, all scratch 0. */
  public RationalVector encode(Program program, MachineState state) {
    MachineConfig config = regs.config();
    checkArgument(program.config().equals(config), "program is for %s, codec for %s",
        program.config(), config);
    checkArgument(state.config().equals(config), "state is for %s, codec for %s",
        state.config(), config);
    Rational[] v = new Rational[layout.dimension()];
    Arrays.fill(v, Rational.ZERO);
    for (int q = 0; q < config.codeSize(); q++) {
      Instruction ins = program.at(q);
      put(v, regs.code(q, Field.A), ins.a());
      put(v, regs.code(q, Field.B), ins.b());
      put(v, regs.code(q, Field.C), ins.c());
    }
    for (int i = 0; i < config.dataSize(); i++) {
      put(v, regs.mem(i), state.word(i));
    }
    put(v, regs.pc(), state.pc());
    return RationalVector.of(v);
  }

  private void put(Rational[] v, Register r, long value) {
    for (int t = 0; t < r.width(); t++) {
      v[layout.indexOf(r.bit(t))] = Rational.of(r.bitOf(value, t));
    }
  }

  /**
   * The program and state {@code vector} encodes. Fails with {@link DecodeException} naming the
   * first direction (in layout order) that is not a bit, or scratch or other directions that are
   * not 0. The program's zero cell is reported as 0 (it is not part of the encoding).
   */
  public DecodedState decode(StateVector vector) {
    checkArgument(vector.dimension() == layout.dimension(),
        "vector has dimension %s, the state space %s", vector.dimension(), layout.dimension());
    MachineConfig config = regs.config();
    List<Instruction> slots = new ArrayList<>(config.codeSize());
    for (int q = 0; q < config.codeSize(); q++) {
      slots.add(Instruction.of((int) read(vector, regs.code(q, Field.A)),
          (int) read(vector, regs.code(q, Field.B)), (int) read(vector, regs.code(q, Field.C))));
    }
    long[] memory = new long[config.dataSize()];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = RegisterBits.read(vector, regs.mem(i), memIndex[i]);
    }
    int pc = (int) RegisterBits.read(vector, regs.pc(), pcIndex);
    for (int i : mustBeZero) {
      if (!vector.isZero(i)) {
        throw new DecodeException(layout.direction(i), vector.get(i),
            "0 (scratch is 0 between passes)");
      }
    }
    return new DecodedState(Program.ofSlots(config, slots, 0),
        MachineState.of(config, memory, pc));
  }


  /** A decoder of successive pass outputs, none decoded yet. */
  public Decoder decoder() {
    return new Decoder();
  }

  /**
   * Decodes a sequence of vectors, each against the last one it decoded: a vector decodes
   * exactly as {@link #decode} decodes it (the same state and program, the same {@link
   * DecodeException}), reading only the coordinates where it differs from the last decoded
   * vector ({@link StateVector#changedSince}) and the bits of pc. Why that suffices: every bit of
   * the last vector was 0 or 1 and its other coordinates 0, and an unchanged coordinate still
   * is; a changed memory bit makes its word read again (and checked). A changed code bit or
   * other coordinate, or a word that does not read, sends the whole vector to {@link #decode},
   * which names the first wrong direction in its own order. Not thread-safe.
   */
  public final class Decoder {
    private StateVector last;
    private DecodedState lastDecoded;

    private Decoder() {}

    /** {@code vector} decoded, as {@link StateCodec#decode} does. */
    public DecodedState decode(StateVector vector) {
      DecodedState d = last == null ? null : decodeChanges(vector);
      if (d == null) {
        d = StateCodec.this.decode(vector);
      }
      last = vector;
      lastDecoded = d;
      return d;
    }

    /** The decode of {@code vector} from its changes, or null to decode it whole. */
    private DecodedState decodeChanges(StateVector vector) {
      checkArgument(vector.dimension() == layout.dimension(),
          "vector has dimension %s, the state space %s", vector.dimension(),
          layout.dimension());
      MachineState state = lastDecoded.state();
      try {
        for (int c : vector.changedSince(last)) {
          int w = wordOf[c];
          if (w == CODE || w == MUST_BE_ZERO) {
            return null;
          }
          if (w >= 0) {
            long value = RegisterBits.read(vector, regs.mem(w), memIndex[w]);
            if (value != state.word(w)) {
              state = state.withWord(w, value);
            }
          }
        }
        int pc = (int) RegisterBits.read(vector, regs.pc(), pcIndex);
        if (pc != state.pc()) {
          state = state.withPc(pc);
        }
      } catch (DecodeException e) {
        return null;
      }
      return state == lastDecoded.state() ? lastDecoded
          : new DecodedState(lastDecoded.program(), state);
    }
  }

  /** The value of register {@code r} in {@code vector}; every bit must be exactly 0 or 1. */
  public long read(StateVector vector, Register r) {
    return RegisterBits.read(vector, r, RegisterBits.indices(layout, r));
  }


}
