package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Draws configs, words, programs and states from a seeded {@link SplittableRandom}, biased
 * towards the corners where constructions of this kind break: every word mixes the edge values
 * 0, 1, -1, the most negative and most positive word, and powers of two and their neighbours with
 * uniform values; programs favour {@code a == b}, HALT, jumps to self and to slot 0, and states
 * favour pc at the last slot (pc wrap-around). A quarter of the states also give the operands of
 * the instruction at pc a related pair (equal, one apart, a power of two apart, or two edge
 * values), since a subtraction bug often shows on one pair of values only. The same seed gives
 * the same values.
 */
public final class MachineGenerator {
  private final ConfigRange configs;

  private MachineGenerator(ConfigRange configs) {
    this.configs = configs;
  }

  /** A generator of machines whose configs lie in {@code configs}. */
  public static MachineGenerator over(ConfigRange configs) {
    return new MachineGenerator(checkNotNull(configs, "configs"));
  }

  public ConfigRange configs() {
    return configs;
  }

  /** A config from the range; each parameter uniform, with extra weight on the smallest. */
  public MachineConfig config(SplittableRandom rnd) {
    return MachineConfig.of(
        pick(rnd, configs.minWordBits(), configs.maxWordBits()),
        pick(rnd, configs.minDataBits(), configs.maxDataBits()),
        pick(rnd, configs.minCodeBits(), configs.maxCodeBits()));
  }

  private static int pick(SplittableRandom rnd, int lo, int hi) {
    return rnd.nextInt(4) == 0 ? lo : rnd.nextInt(lo, hi + 1);
  }

  /**
   * The edge words of {@code config}: 0, 1, -1, min, max, and +-2^k, +-2^k +- 1 that fit, in
   * increasing order.
   */
  public static long[] edgeValues(MachineConfig config) {
    TreeSet<Long> s = new TreeSet<>(List.of(0L, 1L, -1L, config.minWord(), config.maxWord()));
    for (int k = 0; k < config.wordBits(); k++) {
      long p = 1L << k;
      for (long v : new long[] {p - 1, p, p + 1, -p - 1, -p, -p + 1}) {
        if (config.fitsWord(v)) {
          s.add(v);
        }
      }
    }
    return s.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * A word: 30% one of 0, 1, -1, min, max; 25% a power of two or a neighbour (either sign); 45%
   * uniform over the whole range.
   */
  public long word(SplittableRandom rnd, MachineConfig config) {
    int roll = rnd.nextInt(100);
    if (roll < 30) {
      long[] special = {0, 1, -1, config.minWord(), config.maxWord()};
      return special[rnd.nextInt(special.length)];
    }
    if (roll < 55) {
      long[] edges = edgeValues(config);
      return edges[rnd.nextInt(edges.length)];
    }
    // at N = 64 the range is every long (maxWord() + 1 would overflow)
    return config.wordBits() == 64 ? rnd.nextLong()
        : rnd.nextLong(config.minWord(), config.maxWord() + 1);
  }

  /**
   * A program of all 2^C slots, zero cell 0: per slot 10% HALT ({@code 0 0 q}), 10% {@code a ==
   * b}, otherwise random operands; the jump target is the slot itself, slot 0 or the last slot
   * with extra weight.
   */
  public Program program(SplittableRandom rnd, MachineConfig config) {
    int m = config.dataSize();
    int k = config.codeSize();
    List<Instruction> slots = new ArrayList<>(k);
    for (int q = 0; q < k; q++) {
      int roll = rnd.nextInt(100);
      if (roll < 10) {
        slots.add(Instruction.haltAt(q, 0));
        continue;
      }
      int a = rnd.nextInt(m);
      int b = roll < 20 ? a : rnd.nextInt(m);
      int cRoll = rnd.nextInt(100);
      int c = cRoll < 15 ? q : cRoll < 30 ? 0 : cRoll < 40 ? k - 1 : rnd.nextInt(k);
      slots.add(Instruction.of(a, b, c));
    }
    return Program.ofSlots(config, slots, 0);
  }

  /**
   * A state for {@code program}: every word from {@link #word}; mem[0] (the zero cell) is 0 a
   * quarter of the time; pc at the last slot 30% of the time, else uniform; and 25% of the time
   * the operands of the instruction at pc hold a {@linkplain #operandPair related pair}.
   */
  public MachineState state(SplittableRandom rnd, MachineConfig config, Program program) {
    long[] mem = new long[config.dataSize()];
    for (int i = 0; i < mem.length; i++) {
      mem[i] = word(rnd, config);
    }
    if (rnd.nextInt(4) == 0) {
      mem[0] = 0;
    }
    int k = config.codeSize();
    int pc = rnd.nextInt(100) < 30 ? k - 1 : rnd.nextInt(k);
    Instruction ins = program.at(pc);
    if (ins.a() != ins.b() && rnd.nextInt(4) == 0) {
      long[] pair = operandPair(rnd, config);
      mem[ins.a()] = pair[0];
      mem[ins.b()] = pair[1];
    }
    return MachineState.of(config, mem, pc);
  }

  /**
   * A pair (mem[a], mem[b]) whose difference sits on a boundary of the subtraction: equal (r =
   * 0), one apart either way (r = +-1), a power of two apart (a carry into bit k), or two
   * independent edge values (e.g. min and -1, whose difference is max).
   */
  public long[] operandPair(SplittableRandom rnd, MachineConfig config) {
    long x = word(rnd, config);
    long[] edges = edgeValues(config);
    long y;
    switch (rnd.nextInt(4)) {
      case 0:
        y = x;
        break;
      case 1:
        y = config.wrap(x + (rnd.nextBoolean() ? 1 : -1));
        break;
      case 2:
        y = config.wrap(x + (1L << rnd.nextInt(config.wordBits())));
        break;
      default:
        x = edges[rnd.nextInt(edges.length)];
        y = edges[rnd.nextInt(edges.length)];
        break;
    }
    return new long[] {x, y};
  }

  /** A whole case: config, program, state, and {@code passes} passes. */
  public TestCase testCase(SplittableRandom rnd, int passes) {
    MachineConfig config = config(rnd);
    Program program = program(rnd, config);
    return new TestCase(config, program, state(rnd, config, program), passes);
  }
}
