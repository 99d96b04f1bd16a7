package org.loopmlp.isa.classic.gen;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.RandomDistribution;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.gen.ClassicSketch.Operand;
import org.loopmlp.isa.classic.gen.ClassicSketch.OperandKind;
import org.loopmlp.isa.classic.gen.ClassicSketch.Target;
import org.loopmlp.isa.classic.gen.ClassicSketch.TargetKind;
import org.loopmlp.isa.classic.gen.ClassicSketch.Word;
import org.loopmlp.isa.classic.gen.ClassicSketch.WordKind;

/**
 * jqwik arbitraries for the classic machine (docs/classic.md), shared with other modules' tests
 * through reference-isa's test-jar: configs, words, input byte strings, random states, and random
 * programs that rewrite their own code and do input and output.
 *
 * <p>A program is drawn as a list of instructions whose operands and targets are kinds
 * ({@code ClassicSketch}): a data word, a word of the instruction being executed or of the next
 * one, any code word, -1 (input, output, or echo when both are), the same word as a, an address
 * off by 2^A (taken modulo 2^A), an edge word; targets the next instruction, the start of some
 * instruction, a negative word (halt), the end of memory (the instruction there does not fit,
 * halt), any address, an edge word. The words after the code are data: uniform, edge (0, 1, -1,
 * min, max, powers of two) or address-like.
 *
 * <p>Everything shrinks by construction: the config toward (N, A) = (2, 2), programs toward one
 * instruction whose operands are data words and whose target is the next instruction, words
 * toward 0, input toward no bytes. Programs and states are drawn once for the largest config and
 * projected onto the drawn one, so a smaller config keeps the same instructions (see
 * {@code MachineArbitraries.machines} for why not a flatMap).
 *
 * <p>Programs and states come without jqwik's edge cases: the combined edge cases (all-zero
 * programs, empty inputs) would fill the first few hundred tries, and the corners they stand
 * for are drawn on purpose (edge words, the I/O operand, empty input).
 */
public final class ClassicArbitraries {
  /** Bounds of the default arbitraries: small enough for a classic network to run quickly. */
  public static final int DEFAULT_MAX_WORD_BITS = 12;
  public static final int DEFAULT_MAX_MEMORY_BITS = 5;
  /** The longest generated input. */
  public static final int MAX_INPUT_BYTES = 8;

  private ClassicArbitraries() {}

  /** Configs with N in [2, 12] and A in [2, 5]. */
  public static Arbitrary<ClassicConfig> configs() {
    return configs(DEFAULT_MAX_WORD_BITS, DEFAULT_MAX_MEMORY_BITS);
  }

  /** Configs with N in [2, maxWord] and A in [2, maxMemory], input in store mode. */
  public static Arbitrary<ClassicConfig> configs(int maxWord, int maxMemory) {
    checkArgument(maxWord >= ClassicConfig.MIN_WORD_BITS
        && maxWord <= ClassicConfig.MAX_WORD_BITS, "maxWord %s", maxWord);
    checkArgument(maxMemory >= ClassicConfig.MIN_MEMORY_BITS && maxMemory <= 16,
        "maxMemory %s (at most 16: generated states hold every word)", maxMemory);
    return Combinators.combine(
            Arbitraries.integers().between(ClassicConfig.MIN_WORD_BITS, maxWord),
            Arbitraries.integers().between(ClassicConfig.MIN_MEMORY_BITS, maxMemory))
        .as(ClassicConfig::of);
  }

  /**
   * Words of {@code config}: one draw in two an edge value ({@link #edgeWords}), the rest
   * uniform over the signed range. Shrinks toward 0.
   */
  public static Arbitrary<Long> words(ClassicConfig config) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(edgeWords(config))),
        Tuple.of(1, Arbitraries.longs().between(config.minWord(), config.maxWord())));
  }

  /**
   * The edge values of a config's words, smallest magnitude first (positive before negative):
   * 0, 1, -1, 2^j - 1, 2^j, 2^j + 1 and their negations, min and max.
   */
  public static List<Long> edgeWords(ClassicConfig config) {
    TreeSet<Long> values = new TreeSet<>(
        Comparator.<Long>comparingLong(Math::abs).thenComparing(v -> v < 0));
    for (int e = 0; e < ClassicSketch.EDGE_KINDS; e++) {
      values.add(ClassicSketch.edgeWord(config, e));
    }
    return new ArrayList<>(values);
  }

  /** What kind of input {@link #inputs()} draws; jqwik shrinks toward the first. */
  private enum InputKind { EMPTY, SEVEN_BIT, MOSTLY_HIGH }

  /**
   * Input byte strings of at most {@link #MAX_INPUT_BYTES} bytes: empty (one in six), 7-bit
   * bytes only (one in two), or bytes two thirds of which are {@code >= 128} (one in three).
   * Shrinks toward no input, then toward fewer bytes and toward byte 0 (a byte {@code >= 128}
   * toward 128). One raw draw r in [0, 384) per byte is read as r mod 128 (7-bit) or
   * (r + 128) mod 256 (mostly high), so the kind can shrink without redrawing the bytes.
   */
  public static Arbitrary<byte[]> inputs() {
    Arbitrary<InputKind> kind = Arbitraries.frequency(
        Tuple.of(1, InputKind.EMPTY),
        Tuple.of(3, InputKind.SEVEN_BIT),
        Tuple.of(2, InputKind.MOSTLY_HIGH));
    Arbitrary<List<Integer>> raw = Arbitraries.integers().between(0, 383)
        .withDistribution(RandomDistribution.uniform())
        .list().ofMinSize(1).ofMaxSize(MAX_INPUT_BYTES);
    return Combinators.combine(kind, raw).as((k, r) -> {
      byte[] b = new byte[k == InputKind.EMPTY ? 0 : r.size()];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (k == InputKind.SEVEN_BIT ? r.get(i) % 128 : (r.get(i) + 128) % 256);
      }
      return b;
    });
  }


  /** Random programs from address 0 (pc 0) with input, over {@link #configs()}. */
  public static Arbitrary<ClassicCase> programs() {
    return programs(DEFAULT_MAX_WORD_BITS, DEFAULT_MAX_MEMORY_BITS);
  }

  /**
   * Random self-modifying programs with input and output over {@link #configs(int, int)}: up
   * to floor(2^A / 3) instructions from address 0, data after them, pc 0, and an input.
   */
  public static Arbitrary<ClassicCase> programs(int maxWord, int maxMemory) {
    return programs(configs(maxWord, maxMemory), 1 << maxMemory);
  }

  /** Random programs over the given configs, {@code maxMemoryWords} at most 2^A of any. */
  public static Arbitrary<ClassicCase> programs(Arbitrary<ClassicConfig> configs,
      int maxMemoryWords) {
    checkArgument(maxMemoryWords >= 4, "maxMemoryWords %s < 4", maxMemoryWords);
    return Combinators
        .combine(configs, instructions().list().ofMinSize(1).ofMaxSize(maxMemoryWords / 3),
            dataWords().list().ofSize(maxMemoryWords), inputs())
        .as((config, code, data, input) ->
            new ClassicSketch.Program(code, data, input).project(config))
        .withoutEdgeCases();
  }

  /** Random states (any memory, any pc, an input) over {@link #configs()}. */
  public static Arbitrary<ClassicCase> states() {
    return states(DEFAULT_MAX_WORD_BITS, DEFAULT_MAX_MEMORY_BITS);
  }

  /**
   * Random states over {@link #configs(int, int)} for one-step checks: every word uniform, edge
   * or address-like (instructions with I/O operands come up often: -1 is an edge word), pc at a
   * running instruction (four in seven), negative, at the end of memory or an edge word, an
   * instruction drawn as {@link #programs} draws them written at pc (three in four), and an
   * input whose first byte is what a reading step takes. Shrinks toward zero memory, pc 0, no
   * instruction written and no input.
   */
  public static Arbitrary<ClassicCase> states(int maxWord, int maxMemory) {
    Arbitrary<ClassicConfig> configs = configs(maxWord, maxMemory);
    int maxSize = 1 << maxMemory;
    return Combinators
        .combine(configs, stateWords().list().ofSize(maxSize), stateTargets(), atPc(), inputs())
        .as((config, memory, pc, ins, input) ->
            new ClassicSketch.State(memory, pc, ins, input).project(config))
        .withoutEdgeCases();
  }

  /** Random states of one config, as {@link #states(int, int)} draws them. */
  public static Arbitrary<ClassicCase> states(ClassicConfig config) {
    return Combinators
        .combine(stateWords().list().ofSize(config.memorySize()), stateTargets(), atPc(),
            inputs())
        .as((memory, pc, ins, input) ->
            new ClassicSketch.State(memory, pc, ins, input).project(config))
        .withoutEdgeCases();
  }

  private static Arbitrary<ClassicSketch.Instruction> instructions() {
    return Combinators.combine(operands(false), operands(true), targets())
        .as(ClassicSketch.Instruction::new);
  }

  /** An instruction written over the words at pc, three draws in four (shrinks to none). */
  private static Arbitrary<Optional<ClassicSketch.Instruction>> atPc() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Optional.<ClassicSketch.Instruction>empty())),
        Tuple.of(3, instructions().map(Optional::of)));
  }

  private static Arbitrary<Integer> small() {
    return Arbitraries.integers().between(0, 1 << 16);
  }

  private static Arbitrary<Operand> operands(boolean isB) {
    List<Tuple.Tuple2<Integer, OperandKind>> weights = new ArrayList<>(List.of(
        Tuple.of(6, OperandKind.DATA),
        Tuple.of(isB ? 2 : 1, OperandKind.THIS_INSTRUCTION),
        Tuple.of(isB ? 2 : 1, OperandKind.NEXT_INSTRUCTION),
        Tuple.of(1, OperandKind.CODE),
        Tuple.of(2, OperandKind.IO),
        Tuple.of(1, OperandKind.SAME_AS_A),
        Tuple.of(1, OperandKind.WRAPPED),
        Tuple.of(1, OperandKind.EDGE)));
    if (!isB) {
      weights.removeIf(w -> w.get2() == OperandKind.SAME_AS_A);
    }
    Arbitrary<OperandKind> kind = Arbitraries.frequency(weights);
    return Combinators.combine(kind, small()).as(Operand::new);
  }

  private static Arbitrary<Target> targets() {
    Arbitrary<TargetKind> kind = Arbitraries.frequency(
        Tuple.of(4, TargetKind.NEXT),
        Tuple.of(4, TargetKind.INSTRUCTION),
        Tuple.of(1, TargetKind.NEGATIVE),
        Tuple.of(1, TargetKind.OFF_END),
        Tuple.of(1, TargetKind.ANYWHERE),
        Tuple.of(1, TargetKind.EDGE));
    return Combinators.combine(kind, small()).as(Target::new);
  }

  private static Arbitrary<Target> stateTargets() {
    Arbitrary<TargetKind> kind = Arbitraries.frequency(
        Tuple.of(4, TargetKind.ANYWHERE),
        Tuple.of(1, TargetKind.NEGATIVE),
        Tuple.of(1, TargetKind.OFF_END),
        Tuple.of(1, TargetKind.EDGE));
    return Combinators.combine(kind, small()).as(Target::new);
  }

  private static Arbitrary<Word> dataWords() {
    return wordsOf(3, 2, 1);
  }

  private static Arbitrary<Word> stateWords() {
    return wordsOf(2, 2, 2);
  }

  private static Arbitrary<Word> wordsOf(int uniform, int edge, int address) {
    return Arbitraries.frequencyOf(
        Tuple.of(uniform, Arbitraries.integers()
            .withDistribution(RandomDistribution.uniform())
            .map(v -> new Word(WordKind.UNIFORM, v))),
        Tuple.of(edge, Arbitraries.integers().between(0, ClassicSketch.EDGE_KINDS - 1)
            .map(e -> new Word(WordKind.EDGE, e))),
        Tuple.of(address, small().map(k -> new Word(WordKind.ADDRESS, k))));
  }
}
