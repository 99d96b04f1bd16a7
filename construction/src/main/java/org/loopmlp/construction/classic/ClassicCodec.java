package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.RegisterBits;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.ScaledIntegerVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;

/**
 * Encodes a classic machine state and the input port as a vector of the classic state space
 * (bits {0, 1}, least significant first, words in two's complement, pass flags and scratch 0)
 * and decodes a pass output back, refusing any vector that is not such an encoding.
 *
 * <p>Every register's coordinates are looked up once, when the codec is made. A {@link Decoder}
 * decodes successive pass outputs each against the one before it, reading only the coordinates
 * that changed and the few bits of pc, ports and flags: O(what the pass changed) per pass.
 */
public final class ClassicCodec {
  /** {@link #wordOf} of a scratch coordinate. */
  private static final int SCRATCH = -1;
  /** {@link #wordOf} of pc, a port, a pass flag, or a direction no register of the codec reads. */
  private static final int NOT_MEMORY = -2;

  private final ClassicRegisters regs;
  private final StateLayout layout;
  /** The scratch coordinates, ascending. */
  private final int[] scratch;
  /** Per address, the coordinates of the word's bits, least significant first. */
  private final int[][] memIndex;
  /** Per coordinate: the address of the word it is a bit of, or SCRATCH, or NOT_MEMORY. */
  private final int[] wordOf;
  private final int[] pcIndex;
  private final int[] inByteIndex;
  private final int[] inEofIndex;
  private final int[] inTakenIndex;
  private final int[] outByteIndex;
  private final int[] outValidIndex;
  private final int[] executedIndex;
  /** The coordinates the host writes between passes: the pass flags, then the input port. */
  private final int[] hostIndex;
  private final int passFlagBits;
  /**
   * Per offer (index {@code nextInput + 1}: end of input, then bytes 0..255), the values the
   * host writes at {@link #hostIndex}: made once, so a pass allocates nothing for the port.
   */
  private final long[][] hostValues;

  private ClassicCodec(ClassicRegisters regs, StateLayout layout) {
    this.regs = regs;
    this.layout = layout;
    RegisterBits.Memory memory = RegisterBits.memory(layout, regs, NOT_MEMORY);
    this.memIndex = memory.words();
    this.wordOf = memory.wordOf();
    // the scratch registers the layout has (a construction may leave some out)
    Set<Integer> s = new HashSet<>();
    for (Register r : regs.scratch()) {
      for (Direction d : r.bits()) {
        if (layout.contains(d)) {
          int i = layout.indexOf(d);
          s.add(i);
          wordOf[i] = SCRATCH;
        }
      }
    }
    this.scratch = s.stream().mapToInt(Integer::intValue).sorted().toArray();
    this.pcIndex = indices(regs.pc());
    this.inByteIndex = indices(regs.inByte());
    this.inEofIndex = indices(regs.inEof());
    this.inTakenIndex = indices(regs.inTaken());
    this.outByteIndex = indices(regs.outByte());
    this.outValidIndex = indices(regs.outValid());
    this.executedIndex = indices(regs.executed());
    int[] flags = new int[0];
    for (Register r : regs.passFlags()) {
      flags = concat(flags, indices(r));
    }
    this.passFlagBits = flags.length;
    this.hostIndex = concat(concat(flags, inByteIndex), inEofIndex);
    this.hostValues = new long[257][];
    for (int b = ClassicMachine.END_OF_INPUT; b <= 255; b++) {
      long[] values = new long[hostIndex.length];
      long[] port = offer(b);
      System.arraycopy(port, 0, values, passFlagBits, port.length);
      hostValues[b + 1] = values;
    }
  }

  private int[] indices(Register r) {
    return RegisterBits.indices(layout, r);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
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
    long[] v = new long[layout.dimension()];
    for (int a = 0; a < memIndex.length; a++) {
      put(v, regs.mem(a), memIndex[a], state.word(a));
    }
    put(v, regs.pc(), pcIndex, state.pc());
    long[] port = offer(nextInput);
    for (int j = 0; j < port.length; j++) {
      v[hostIndex[passFlagBits + j]] = port[j];
    }
    return RationalVector.copyOf(ScaledIntegerVector.ofLongs(v));
  }

  /**
   * The next pass input from a pass output: the output with the pass flags cleared and the
   * input port holding {@code nextInput}; everything else as the network left it. A view of
   * {@code output} with those few entries replaced ({@link StateVector#withEntries}): no entry
   * of the output is read or copied.
   */
  public StateVector nextInput(StateVector output, int nextInput) {
    checkArgument(output.dimension() == layout.dimension(), "dimension %s, state space %s",
        output.dimension(), layout.dimension());
    checkArgument(nextInput >= ClassicMachine.END_OF_INPUT && nextInput <= 255,
        "next input must be a byte or -1, was %s", nextInput);
    // withEntries copies the values it is given, so the shared array stays as made
    return output.withEntries(hostIndex, hostValues[nextInput + 1]);
  }

  /** The bits of the input port (in.byte, then in.eof) offering {@code nextInput}. */
  private long[] offer(int nextInput) {
    checkArgument(nextInput >= ClassicMachine.END_OF_INPUT && nextInput <= 255,
        "next input must be a byte or -1, was %s", nextInput);
    boolean eof = nextInput == ClassicMachine.END_OF_INPUT;
    long[] v = new long[inByteIndex.length + inEofIndex.length];
    for (int t = 0; t < inByteIndex.length; t++) {
      v[t] = eof ? 0 : (nextInput >>> t) & 1;
    }
    v[inByteIndex.length] = eof ? 1 : 0;
    return v;
  }

  /**
   * The bits of {@code value}, which fits {@code r}, at {@code idx}: bit t of a two's complement
   * word is bit t of the long, as the long holds the same number sign-extended.
   */
  private static void put(long[] v, Register r, int[] idx, long value) {
    checkArgument(r.fits(value), "%s does not fit register %s", value, r);
    for (int t = 0; t < idx.length; t++) {
      v[idx[t]] = (value >>> t) & 1;
    }
  }

  /**
   * What a pass output says: the machine state, the input byte the port still offers, and the
   * flags the network set. Fails with {@link DecodeException} naming the first direction that is
   * not a bit, scratch that is not 0, a byte beside end of input, or an output byte without the
   * valid flag.
   */
  public ClassicPassOutput decode(StateVector vector) {
    checkDimension(vector);
    long[] memory = new long[regs.config().memorySize()];
    for (int a = 0; a < memory.length; a++) {
      memory[a] = RegisterBits.read(vector, regs.mem(a), memIndex[a]);
    }
    long pc = RegisterBits.read(vector, regs.pc(), pcIndex);
    Ports out = ports(vector);
    for (int i : scratch) {
      checkScratch(vector, i);
    }
    return out.build(ClassicState.of(regs.config(), memory, pc));
  }

  private void checkDimension(StateVector vector) {
    checkArgument(vector.dimension() == layout.dimension(),
        "vector has dimension %s, the state space %s", vector.dimension(), layout.dimension());
  }

  private void checkScratch(StateVector vector, int i) {
    if (!vector.isZero(i)) {
      throw new DecodeException(layout.direction(i), vector.get(i),
          "0 (scratch is 0 between passes)");
    }
  }

  /** The ports and pass flags of {@code vector}, checked in the order {@link #decode} states. */
  private Ports ports(StateVector vector) {
    long inByte = RegisterBits.read(vector, regs.inByte(), inByteIndex);
    boolean eof = RegisterBits.read(vector, regs.inEof(), inEofIndex) == 1;
    if (eof && inByte != 0) {
      throw new DecodeException(regs.inByte().bit(0), vector.get(inByteIndex[0]),
          "in.byte == 0 at end of input");
    }
    boolean taken = RegisterBits.read(vector, regs.inTaken(), inTakenIndex) == 1;
    long outByte = RegisterBits.read(vector, regs.outByte(), outByteIndex);
    boolean valid = RegisterBits.read(vector, regs.outValid(), outValidIndex) == 1;
    if (!valid && outByte != 0) {
      throw new DecodeException(regs.outByte().bit(0), vector.get(outByteIndex[0]),
          "out.byte == 0 without out.valid");
    }
    boolean executed = RegisterBits.read(vector, regs.executed(), executedIndex) == 1;
    return new Ports(eof ? ClassicMachine.END_OF_INPUT : (int) inByte, taken,
        valid ? (int) outByte : -1, executed);
  }

  /** What a pass output says besides the state. */
  private record Ports(int offeredInput, boolean taken, int output, boolean executed) {
    ClassicPassOutput build(ClassicState state) {
      return new ClassicPassOutput(state, offeredInput, taken, output, executed);
    }
  }

  /** The value of register {@code r} in {@code vector}; every bit must be exactly 0 or 1. */
  public long read(StateVector vector, Register r) {
    return RegisterBits.read(vector, r, indices(r));
  }


  /** A decoder of successive pass outputs, none decoded yet. */
  public Decoder decoder() {
    return new Decoder();
  }

  /**
   * Decodes a sequence of vectors, each against the last one it decoded: a vector decodes
   * exactly as {@link #decode} decodes it (the same output, the same {@link DecodeException}),
   * reading only the coordinates where it differs from the last decoded vector ({@link
   * StateVector#changedSince}) and the bits of pc, ports and flags. Why that suffices: the last
   * vector decoded, so each of its memory bits was 0 or 1 and its scratch 0; an unchanged
   * coordinate still is. A changed memory bit makes its word read again (and checked); a
   * changed scratch coordinate is no longer 0. Where anything is wrong, the whole vector is
   * decoded by {@link #decode}, which names the first wrong direction in its own order. The
   * first vector is decoded whole. Not thread-safe.
   */
  public final class Decoder {
    private StateVector last;
    private ClassicPassOutput lastOut;
    private int[] changedWords;

    private Decoder() {}

    /** {@code vector} decoded, as {@link ClassicCodec#decode} does. */
    public ClassicPassOutput decode(StateVector vector) {
      checkDimension(vector);
      ClassicPassOutput out;
      int[] words;
      if (last == null) {
        out = ClassicCodec.this.decode(vector);
        words = null;
      } else {
        int[] changed;
        try {
          changed = vector.changedSince(last);
        } catch (ArithmeticException e) {
          // an entry without an exact value (a non-finite float): decode refuses it, in order
          changed = null;
        }
        words = changed == null ? null : changedWords(changed);
        out = words == null ? null : decodeChanges(vector, words);
        if (out == null) {
          // Throws, naming the first wrong direction in decode's order (see above).
          out = ClassicCodec.this.decode(vector);
          words = differingWords(lastOut.state(), out.state());
        }
      }
      last = vector;
      lastOut = out;
      changedWords = words;
      return out;
    }

    /**
     * The addresses, ascending, of the memory words in which the last decoded state differs
     * from the one decoded before it.
     *
     * @throws IllegalStateException before the second vector decoded
     */
    public int[] changedWords() {
      checkState(changedWords != null, "fewer than two vectors decoded");
      return changedWords.clone();
    }

    /** The addresses whose bits are among {@code changed}; null when a scratch bit changed. */
    private int[] changedWords(int[] changed) {
      int[] words = new int[changed.length];
      int n = 0;
      for (int i : changed) {
        int a = wordOf[i];
        if (a == SCRATCH) {
          return null;
        }
        if (a >= 0) {
          words[n++] = a;
        }
      }
      words = Arrays.copyOf(words, n);
      Arrays.sort(words);
      int distinct = 0;
      for (int j = 0; j < n; j++) {
        if (j == 0 || words[j] != words[j - 1]) {
          words[distinct++] = words[j];
        }
      }
      return Arrays.copyOf(words, distinct);
    }

    /**
     * The decode of {@code vector}, whose memory differs from the last decoded vector's at most
     * in the words {@code words} and whose scratch did not change; null when it does not decode.
     */
    private ClassicPassOutput decodeChanges(StateVector vector, int[] words) {
      try {
        ClassicState before = lastOut.state();
        long[] value = new long[words.length];
        int differ = 0;
        for (int j = 0; j < words.length; j++) {
          value[j] = RegisterBits.read(vector, regs.mem(words[j]), memIndex[words[j]]);
          if (value[j] != before.word(words[j])) {
            differ++;
          }
        }
        long pc = RegisterBits.read(vector, regs.pc(), pcIndex);
        Ports ports = ports(vector);
        return ports.build(withWords(before, words, value, differ, pc));
      } catch (DecodeException e) {
        return null;
      }
    }
  }

  /** The addresses where {@code a} and {@code b} hold different words, ascending. */
  private static int[] differingWords(ClassicState a, ClassicState b) {
    int[] r = new int[a.config().memorySize()];
    int n = 0;
    for (int i = 0; i < r.length; i++) {
      if (a.word(i) != b.word(i)) {
        r[n++] = i;
      }
    }
    return Arrays.copyOf(r, n);
  }

  /**
   * {@code s} with word {@code words[j]} set to {@code value[j]} and pc {@code pc}; {@code s}
   * itself when nothing differs. Each differing word is one {@link ClassicState#withWord}, which
   * copies O(A) of the persistent memory, never the 2^A words; {@code differ} is unused beyond
   * skipping the loop when 0.
   */
  private static ClassicState withWords(ClassicState s, int[] words, long[] value, int differ,
      long pc) {
    ClassicState r = s;
    if (differ > 0) {
      for (int j = 0; j < words.length; j++) {
        if (value[j] != s.word(words[j])) {
          r = r.withWord(words[j], value[j]);
        }
      }
    }
    return r.pc() == pc ? r : r.withPc(pc);
  }
}
