package org.loopmlp.verify.classic;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * Random classic machines for differential tests: words drawn mostly from addresses of the
 * memory (so that instructions read, write and rewrite each other, the running one included),
 * -1 (input, output, echo) and edge values; pc mostly at an instruction, sometimes where the
 * instruction does not fit or negative; a few input bytes. Shrinks towards the smallest config,
 * memory of zeros, pc 0, no input and one pass.
 */
final class ClassicArbitraries {
  private ClassicArbitraries() {}

  static Arbitrary<ClassicCase> cases(int maxWordBits, int maxMemoryBits, int maxPasses) {
    return Combinators.combine(Arbitraries.integers().between(2, maxWordBits),
            Arbitraries.integers().between(2, maxMemoryBits))
        .as(ClassicConfig::of)
        .flatMap(config -> Combinators.combine(
                word(config).array(long[].class).ofSize(config.memorySize()),
                pc(config),
                inputByte().list().ofMaxSize(4),
                Arbitraries.integers().between(1, maxPasses))
            .as((memory, pc, input, passes) -> new ClassicCase(config, memory, pc,
                bytes(input), passes)));
  }

  private static byte[] bytes(List<Integer> input) {
    byte[] b = new byte[input.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (int) input.get(i);
    }
    return b;
  }

  /** A word: an address, -1, an edge value, or anything. */
  static Arbitrary<Long> word(ClassicConfig config) {
    long m = config.memorySize();
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.longs().between(0, m - 1).map(config::wrap)),
        Tuple.of(2, Arbitraries.just(-1L)),
        Tuple.of(2, Arbitraries.of(0L, 1L, config.minWord(), config.maxWord(),
            config.wrap(m), config.wrap(m - 1), config.wrap(-2))),
        Tuple.of(1, Arbitraries.longs().between(config.minWord(), config.maxWord())));
  }

  /** pc: at an instruction, where none fits, negative, or any word. */
  static Arbitrary<Long> pc(ClassicConfig config) {
    long m = config.memorySize();
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.longs().between(0, m - 3).map(config::wrap)),
        Tuple.of(1, Arbitraries.of(config.wrap(m - 2), config.wrap(m - 1))),
        Tuple.of(1, Arbitraries.of(-1L, config.minWord())),
        Tuple.of(1, Arbitraries.longs().between(config.minWord(),
            config.maxWord())));
  }

  /** An input byte, with the corners 0, 1, 127, 128 and 255 likely. */
  static Arbitrary<Integer> inputByte() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(0, 1, 65, 127, 128, 255)),
        Tuple.of(1, Arbitraries.integers().between(0, 255)));
  }
}
