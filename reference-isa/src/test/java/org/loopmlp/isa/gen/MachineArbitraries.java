package org.loopmlp.isa.gen;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * jqwik arbitraries for configs, words, instructions, programs and states of the reference
 * machine, shared with other modules' tests through reference-isa's test-jar. Everything shrinks
 * by construction: configs toward (N, A, C) = (2, 1, 1), words and addresses toward 0, programs
 * toward HALT in every slot (fewer real instructions) and states toward all-zero memory with
 * pc 0.
 */
public final class MachineArbitraries {
  /** Bounds of {@link #configs()}: small enough that a network for them is cheap to run. */
  public static final int DEFAULT_MAX_WORD_BITS = 16;
  public static final int DEFAULT_MAX_DATA_BITS = 4;
  public static final int DEFAULT_MAX_CODE_BITS = 4;

  private MachineArbitraries() {}

  /** Configs with N in [2, 16], A in [1, 4], C in [1, 4]. */
  public static Arbitrary<MachineConfig> configs() {
    return configs(DEFAULT_MAX_WORD_BITS, DEFAULT_MAX_DATA_BITS, DEFAULT_MAX_CODE_BITS);
  }

  /** Configs with N in [2, maxWord], A in [1, maxData], C in [1, maxCode]. */
  public static Arbitrary<MachineConfig> configs(int maxWord, int maxData, int maxCode) {
    checkArgument(maxWord >= 2 && maxWord <= MachineConfig.MAX_WORD_BITS, "maxWord %s", maxWord);
    checkArgument(maxData >= 1 && maxData <= MachineConfig.MAX_DATA_BITS, "maxData %s", maxData);
    checkArgument(maxCode >= 1 && maxCode <= MachineConfig.MAX_CODE_BITS, "maxCode %s", maxCode);
    return Combinators.combine(
            Arbitraries.integers().between(2, maxWord),
            Arbitraries.integers().between(1, maxData),
            Arbitraries.integers().between(1, maxCode))
        .as(MachineConfig::of);
  }

  /**
   * Words of {@code config}: one draw in two is a structured edge value (0, +-1, min, max,
   * +-2^j and their neighbours), the rest are uniform over the signed range. Shrinks toward 0.
   */
  public static Arbitrary<Long> words(MachineConfig config) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(edgeWords(config))),
        Tuple.of(1, Arbitraries.longs().between(config.minWord(), config.maxWord())));
  }

  /**
   * The structured edge values of a config's words, smallest magnitude first (positive before
   * negative): 0, 1, -1, then 2^j - 1, 2^j, 2^j + 1 and their negations, min and max.
   */
  public static List<Long> edgeWords(MachineConfig config) {
    TreeSet<Long> values = new TreeSet<>(
        Comparator.<Long>comparingLong(Math::abs).thenComparing(v -> v < 0));
    values.add(config.minWord());
    values.add(config.maxWord());
    values.add(config.minWord() + 1);
    values.add(config.maxWord() - 1);
    for (int j = 0; j < config.wordBits(); j++) {
      long p = 1L << j;
      for (long v : new long[] {p - 1, p, p + 1}) {
        for (long s : new long[] {v, -v}) {
          if (config.fitsWord(s)) {
            values.add(s);
          }
        }
      }
    }
    return new ArrayList<>(values);
  }

  /** Data addresses [0, 2^A), shrinking toward 0. */
  public static Arbitrary<Integer> addresses(MachineConfig config) {
    return Arbitraries.integers().between(0, config.dataSize() - 1);
  }

  /** Code slots [0, 2^C), shrinking toward 0. */
  public static Arbitrary<Integer> slots(MachineConfig config) {
    return Arbitraries.integers().between(0, config.codeSize() - 1);
  }

  /**
   * Instructions with operands in range. One in ten has a == b (which clears mem[b] and always
   * branches); the others have a != b, so that small memories do not make a == b the common
   * case. Operands shrink toward small addresses (a toward 0, b toward a + 1, c toward 0).
   */
  public static Arbitrary<Instruction> instructions(MachineConfig config) {
    int m = config.dataSize();
    Arbitrary<Instruction> distinct = Combinators
        .combine(addresses(config), Arbitraries.integers().between(1, m - 1), slots(config))
        .as((a, offset, c) -> Instruction.of(a, (a + offset) % m, c));
    Arbitrary<Instruction> sameOperand = Combinators
        .combine(addresses(config), slots(config))
        .as((x, c) -> Instruction.of(x, x, c));
    return Arbitraries.frequencyOf(Tuple.of(9, distinct), Tuple.of(1, sameOperand));
  }

  /**
   * Programs filling all 2^C slots. Each slot is an instruction (four draws in five) or HALT at
   * that slot on the program's zero cell; shrinking turns slots into HALT, the zero cell toward
   * address 0 and operands toward 0.
   */
  public static Arbitrary<Program> programs(MachineConfig config) {
    Arbitrary<Optional<Instruction>> slot = Combinators
        .combine(Arbitraries.integers().between(0, 4), instructions(config))
        .as((live, ins) -> live == 0 ? Optional.<Instruction>empty() : Optional.of(ins));
    return Combinators
        .combine(addresses(config), slot.list().ofSize(config.codeSize()))
        .as((zero, specs) -> {
          List<Instruction> slots = new ArrayList<>(specs.size());
          for (int q = 0; q < specs.size(); q++) {
            slots.add(specs.get(q).orElse(Instruction.haltAt(q, zero)));
          }
          return Program.ofSlots(config, slots, zero);
        });
  }

  /** States with memory from {@link #words} and any pc; shrinks toward zero memory and pc 0. */
  public static Arbitrary<MachineState> states(MachineConfig config) {
    return Combinators
        .combine(words(config).list().ofSize(config.dataSize()), slots(config))
        .as((memory, pc) -> MachineState.of(config,
            memory.stream().mapToLong(Long::longValue).toArray(), pc));
  }

  /** A config from {@link #configs()} with a program and a state for it. */
  public static Arbitrary<GeneratedMachine> machines() {
    return machines(DEFAULT_MAX_WORD_BITS, DEFAULT_MAX_DATA_BITS, DEFAULT_MAX_CODE_BITS);
  }

  /**
   * A config from {@link #configs(int, int, int)} with a program and a state for it, with the
   * same distribution as {@link #programs} and {@link #states} for that config.
   *
   * <p>Shrinking goes to the smallest config first and keeps the failure: program and memory are
   * drawn once for the largest config and projected onto the drawn one (addresses and slots
   * modulo the sizes, cells and slots folded, edge words kept as the same edge, uniform words
   * scaled), so a smaller config still runs the same instructions on the same kinds of values.
   * A flatMap over the config would draw a fresh program for every smaller config and lose rare
   * failures.
   */
  public static Arbitrary<GeneratedMachine> machines(int maxWord, int maxData, int maxCode) {
    Arbitrary<MachineConfig> configs = configs(maxWord, maxData, maxCode);
    int maxM = 1 << maxData;
    int maxK = 1 << maxCode;
    long maxMin = -(1L << (maxWord - 1));
    long maxMax = (1L << (maxWord - 1)) - 1;
    int edgeKinds = 7 + 6 * (maxWord - 1);
    Arbitrary<Sketch.SketchWord> word = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.integers().between(0, edgeKinds - 1)
            .map(e -> new Sketch.SketchWord(e, 0, maxWord))),
        Tuple.of(1, Arbitraries.longs().between(maxMin, maxMax)
            .map(u -> new Sketch.SketchWord(-1, u, maxWord))));
    Arbitrary<Integer> address = Arbitraries.integers().between(0, maxM - 1);
    Arbitrary<Integer> slot = Arbitraries.integers().between(0, maxK - 1);
    Arbitrary<Sketch.SketchInstruction> distinct = Combinators
        .combine(address, Arbitraries.integers().between(1, maxM - 1), slot)
        .as((a, offset, c) -> new Sketch.SketchInstruction(a, (a + offset) % maxM, c));
    Arbitrary<Sketch.SketchInstruction> same = Combinators.combine(address, slot)
        .as((x, c) -> new Sketch.SketchInstruction(x, x, c));
    Arbitrary<Optional<Sketch.SketchInstruction>> programSlot = Combinators
        .combine(Arbitraries.integers().between(0, 4),
            Arbitraries.frequencyOf(Tuple.of(9, distinct), Tuple.of(1, same)))
        .as((live, ins) -> live == 0
            ? Optional.<Sketch.SketchInstruction>empty() : Optional.of(ins));
    return Combinators
        .combine(configs, address, programSlot.list().ofSize(maxK), word.list().ofSize(maxM),
            slot)
        .as((config, zero, slots, memory, pc) ->
            new Sketch(zero, slots, memory, pc).project(config));
  }

  /**
   * Machines over arbitrary configs, by flatMap: the config shrinks first, but each smaller
   * config draws a new program and state. Prefer {@link #machines(int, int, int)}.
   */
  public static Arbitrary<GeneratedMachine> machines(Arbitrary<MachineConfig> configs) {
    return configs.flatMap(config -> Combinators
        .combine(programs(config), states(config))
        .as((program, state) -> new GeneratedMachine(config, program, state)));
  }
}
