package org.loopmlp.isa.classic.gen;

import java.util.List;
import java.util.Optional;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;

/**
 * A classic program or state drawn once, independent of the config, and projected onto any
 * config: operands, targets and words are drawn as a kind and a number, and only the projection
 * turns them into words of that config. Shrinking then keeps the shape of a failing program
 * while the config shrinks. The kinds are listed simplest first: jqwik shrinks a chosen kind
 * toward the first one. Package-private: the public face is {@link ClassicArbitraries}.
 */
final class ClassicSketch {
  private ClassicSketch() {}

  /** What an operand a or b of an instruction at pc points to. */
  enum OperandKind {
    /** A data word: an address after the code (anywhere when the code fills memory). */
    DATA,
    /** The word pc + (k mod 3): the instruction being executed. */
    THIS_INSTRUCTION,
    /** The word pc + 3 + (k mod 3): the next instruction. */
    NEXT_INSTRUCTION,
    /** Any word of the code. */
    CODE,
    /** -1: input as a, output as b, echo as both. */
    IO,
    /** b only: the same word as a ({@code a == b}); for a, the same as DATA. */
    SAME_AS_A,
    /** A data address plus or minus 2^A, taken modulo 2^A by the machine. */
    WRAPPED,
    /** An edge word (0, 1, -1, max, min, ...), whatever it points to. */
    EDGE
  }

  /** Where the branch target c of an instruction at pc points. */
  enum TargetKind {
    /** pc + 3: a branch that changes nothing. */
    NEXT,
    /** The first word of instruction (k mod n): loops, self-jumps and forward jumps. */
    INSTRUCTION,
    /** A negative word: a taken branch halts. */
    NEGATIVE,
    /** 2^A - 2 + (k mod 3): the instruction there does not fit, so a taken branch halts. */
    OFF_END,
    /** Any address (k mod 2^A), possibly in the middle of an instruction or in the data. */
    ANYWHERE,
    /** An edge word. */
    EDGE
  }

  /** How a word of memory (data, or any word of a generated state) is drawn. */
  enum WordKind {
    /** A uniform 32-bit draw wrapped to N bits (shrinks toward 0). */
    UNIFORM,
    /** An edge word by index. */
    EDGE,
    /** An address or -1 ((k mod (2^A + 1)) - 1), the kind of word an instruction holds. */
    ADDRESS
  }

  record Operand(OperandKind kind, int k) {}

  record Target(TargetKind kind, int k) {}

  record Word(WordKind kind, long v) {
    long project(ClassicConfig config) {
      return switch (kind) {
        case UNIFORM -> config.wrap(v);
        case EDGE -> edgeWord(config, (int) v);
        case ADDRESS -> config.wrap(Math.floorMod(v, config.memorySize() + 1) - 1);
      };
    }
  }

  record Instruction(Operand a, Operand b, Target c) {
    /** Writes a, b and c at pc; the code is {@code codeWords} long, data after it. */
    void writeAt(ClassicConfig config, long[] memory, int pc, int codeWords) {
      long wa = operand(config, a, pc, codeWords, 0, false);
      memory[pc] = wa;
      memory[pc + 1] = operand(config, b, pc, codeWords, wa, true);
      memory[pc + 2] = target(config, c, pc, Math.max(1, codeWords / 3));
    }
  }

  /** A program: instructions laid out from address 0, then data words up to the end. */
  record Program(List<Instruction> code, List<Word> data, byte[] input) {
    ClassicCase project(ClassicConfig config) {
      int size = config.memorySize();
      int n = Math.min(code.size(), size / 3);
      long[] memory = new long[size];
      for (int i = 0; i < n; i++) {
        Instruction ins = code.get(i);
        int pc = 3 * i;
        ins.writeAt(config, memory, pc, 3 * n);
      }
      for (int j = 3 * n; j < size && j - 3 * n < data.size(); j++) {
        memory[j] = data.get(j - 3 * n).project(config);
      }
      return new ClassicCase(config, ClassicState.of(config, memory, 0), input);
    }
  }

  /**
   * A state: every word drawn as a {@link Word}, any pc, an instruction written at pc when pc
   * runs one (or none: then the words there are what they are), and the input.
   */
  record State(List<Word> memory, Target pc, Optional<Instruction> atPc, byte[] input) {
    ClassicCase project(ClassicConfig config) {
      int size = config.memorySize();
      long[] words = new long[size];
      for (int j = 0; j < size && j < memory.size(); j++) {
        words[j] = memory.get(j).project(config);
      }
      long p = switch (pc.kind()) {
        case NEXT, INSTRUCTION, ANYWHERE -> config.wrap(Math.floorMod(pc.k(), size - 2));
        default -> target(config, pc, 0, 1);
      };
      if (atPc.isPresent() && !config.haltsAt(p)) {
        atPc.get().writeAt(config, words, (int) p, size);
      }
      return new ClassicCase(config, ClassicState.of(config, words, p), input);
    }
  }

  private static long operand(ClassicConfig config, Operand o, int pc, int codeWords, long a,
      boolean isB) {
    int size = config.memorySize();
    int dataStart = codeWords;
    long address = switch (o.kind()) {
      case DATA, SAME_AS_A, WRAPPED -> dataStart < size
          ? dataStart + Math.floorMod(o.k(), size - dataStart)
          : Math.floorMod(o.k(), size);
      case THIS_INSTRUCTION -> pc + Math.floorMod(o.k(), 3);
      case NEXT_INSTRUCTION -> (pc + 3 + Math.floorMod(o.k(), 3)) % size;
      case CODE -> Math.floorMod(o.k(), Math.min(codeWords, size));
      case IO -> ClassicMachine.IO;
      case EDGE -> edgeWord(config, o.k());
    };
    if (o.kind() == OperandKind.SAME_AS_A && isB) {
      return a;
    }
    if (o.kind() == OperandKind.WRAPPED) {
      address += o.k() % 2 == 0 ? size : -size;
    }
    return config.wrap(address);
  }

  private static long target(ClassicConfig config, Target t, int pc, int n) {
    int size = config.memorySize();
    long half = 1L << (config.wordBits() - 1);
    long value = switch (t.kind()) {
      case NEXT -> pc + 3;
      case INSTRUCTION -> 3L * Math.floorMod(t.k(), n);
      case NEGATIVE -> -1 - Math.floorMod(t.k(), half);
      case OFF_END -> size - 2 + Math.floorMod(t.k(), 3);
      case ANYWHERE -> Math.floorMod(t.k(), size);
      case EDGE -> edgeWord(config, t.k());
    };
    return config.wrap(value);
  }

  /** The number of edge kinds {@link #edgeWord} tells apart for words of up to 32 bits. */
  static final int EDGE_KINDS = 7 + 6 * 31;

  /** 0, 1, -1, max, min, max - 1, min + 1, then +-(2^j - 1), +-2^j, +-(2^j + 1) for j >= 1. */
  static long edgeWord(ClassicConfig config, int edge) {
    switch (Math.floorMod(edge, EDGE_KINDS)) {
      case 0: return 0;
      case 1: return 1;
      case 2: return -1;
      case 3: return config.maxWord();
      case 4: return config.minWord();
      case 5: return config.wrap(config.maxWord() - 1);
      case 6: return config.wrap(config.minWord() + 1);
      default:
        int k = Math.floorMod(edge, EDGE_KINDS) - 7;
        int j = Math.min(1 + k / 6, config.wordBits() - 1);
        long v = (1L << j) + (k % 3) - 1;
        return config.wrap((k / 3) % 2 == 0 ? v : -v);
    }
  }
}
