package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;

/**
 * Encodes a classic machine state and the input port as a vector of the classic state space
 * (bits {0, 1}, least significant first, words in two's complement, pass flags and scratch 0)
 * and decodes a pass output back, refusing any vector that is not such an encoding.
 */
public final class ClassicCodec {
  private final ClassicRegisters regs;
  private final StateLayout layout;
  private final int[] scratch;

  private ClassicCodec(ClassicRegisters regs, StateLayout layout) {
    this.regs = regs;
    this.layout = layout;
    Set<Direction> s = new HashSet<>();
    regs.scratch().forEach(r -> s.addAll(r.bits()));
    this.scratch = IntStream.range(0, layout.dimension())
        .filter(i -> s.contains(layout.direction(i))).toArray();
  }

  /** The codec of {@code config}'s state space. */
  public static ClassicCodec forConfig(ClassicConfig config) {
    ClassicRegisters regs = ClassicRegisters.of(config);
    return new ClassicCodec(regs, regs.layout());
  }

  public static ClassicCodec forConstruction(ClassicConstruction construction) {
    return new ClassicCodec(construction.registers(), construction.layout());
  }

  public StateLayout layout() {
    return layout;
  }

  public ClassicConfig config() {
    return regs.config();
  }

  /**
   * The vector of {@code state} with {@code nextInput} (a byte, or {@link
   * ClassicMachine#END_OF_INPUT}) in the input port; pass flags and scratch 0.
   */
  public RationalVector encode(ClassicState state, int nextInput) {
    checkNotNull(state, "state");
    checkArgument(state.config().equals(regs.config()), "state is for %s, codec for %s",
        state.config(), regs.config());
    Rational[] v = new Rational[layout.dimension()];
    Arrays.fill(v, Rational.ZERO);
    for (int i = 0; i < regs.config().memorySize(); i++) {
      put(v, regs.mem(i), state.word(i));
    }
    put(v, regs.pc(), state.pc());
    offer(v, nextInput);
    return RationalVector.of(v);
  }

  /**
   * The next pass input from a pass output: the output with the pass flags cleared and the
   * input port holding {@code nextInput}; everything else as the network left it.
   */
  public RationalVector nextInput(StateVector output, int nextInput) {
    checkArgument(output.dimension() == layout.dimension(), "dimension %s, state space %s",
        output.dimension(), layout.dimension());
    Rational[] v = output.toRationals();
    for (Register r : regs.passFlags()) {
      put(v, r, 0);
    }
    offer(v, nextInput);
    return RationalVector.of(v);
  }

  private void offer(Rational[] v, int nextInput) {
    checkArgument(nextInput >= ClassicMachine.END_OF_INPUT && nextInput <= 255,
        "next input must be a byte or -1, was %s", nextInput);
    boolean eof = nextInput == ClassicMachine.END_OF_INPUT;
    put(v, regs.inByte(), eof ? 0 : nextInput);
    put(v, regs.inEof(), eof ? 1 : 0);
  }

  private void put(Rational[] v, Register r, long value) {
    for (int t = 0; t < r.width(); t++) {
      v[layout.indexOf(r.bit(t))] = Rational.of(r.bitOf(value, t));
    }
  }

  /**
   * What a pass output says: the machine state, the input byte the port still offers, and the
   * flags the network set. Fails with {@link DecodeException} naming the first direction that is
   * not a bit, scratch that is not 0, a byte beside end of input, or an output byte without the
   * valid flag.
   */
  public ClassicPassOutput decode(StateVector vector) {
    checkArgument(vector.dimension() == layout.dimension(),
        "vector has dimension %s, the state space %s", vector.dimension(), layout.dimension());
    long[] memory = new long[regs.config().memorySize()];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = read(vector, regs.mem(i));
    }
    long pc = read(vector, regs.pc());
    long inByte = read(vector, regs.inByte());
    boolean eof = read(vector, regs.inEof()) == 1;
    if (eof && inByte != 0) {
      throw new DecodeException(regs.inByte().bit(0), vector.get(layout.indexOf(
          regs.inByte().bit(0))), "in.byte == 0 at end of input");
    }
    boolean taken = read(vector, regs.inTaken()) == 1;
    long outByte = read(vector, regs.outByte());
    boolean valid = read(vector, regs.outValid()) == 1;
    if (!valid && outByte != 0) {
      throw new DecodeException(regs.outByte().bit(0), vector.get(layout.indexOf(
          regs.outByte().bit(0))), "out.byte == 0 without out.valid");
    }
    boolean executed = read(vector, regs.executed()) == 1;
    for (int i : scratch) {
      if (!vector.isZero(i)) {
        throw new DecodeException(layout.direction(i), vector.get(i),
            "0 (scratch is 0 between passes)");
      }
    }
    return new ClassicPassOutput(ClassicState.of(regs.config(), memory, pc),
        eof ? ClassicMachine.END_OF_INPUT : (int) inByte, taken,
        valid ? (int) outByte : -1, executed);
  }

  /** The value of register {@code r} in {@code vector}; every bit must be exactly 0 or 1. */
  public long read(StateVector vector, Register r) {
    List<Integer> bits = new ArrayList<>(r.width());
    for (Direction d : r.bits()) {
      int i = layout.indexOf(d);
      if (vector.isZero(i)) {
        bits.add(0);
      } else if (vector.isOne(i)) {
        bits.add(1);
      } else {
        throw new DecodeException(d, vector.get(i), "a bit 0 or 1");
      }
    }
    return r.valueOf(bits);
  }
}
