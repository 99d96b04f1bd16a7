package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.Direction;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.gen.ClassicArbitraries;
import org.loopmlp.isa.classic.gen.ClassicCase;

/**
 * {@link ClassicCodec.Decoder} (each vector decoded against the last one, reading what changed)
 * against {@link ClassicCodec#decode} (the whole vector): the same output or the same {@link
 * DecodeException} (direction, value, message) for every pass output of random self-modifying
 * programs on the exact backends and float64 (exact at these sizes), and for those outputs
 * corrupted in a memory bit, pc, a port or flag, or scratch (to another bit, a non-bit integer
 * or a fraction); its changed words are the addresses where the two decoded states differ,
 * compared word by word.
 */
@StatisticsReport(onFailureOnly = true)
class ClassicDecoderProperties {
  private static final Map<ClassicConfig, ClassicConstruction> BUILT = new ConcurrentHashMap<>();
  private static final int PASSES = 24;

  /** Where a corruption goes: a region of the state space, and a coordinate in it. */
  enum Region {
    MEM(ClassicRegisters.MEM), PC(ClassicRegisters.PC), IN(ClassicRegisters.IN),
    OUT(ClassicRegisters.OUT), SCRATCH(ClassicRegisters.SCRATCH);

    final String name;

    Region(String name) {
      this.name = name;
    }
  }

  /** A corruption of a pass output: where, which coordinate (modulo the region), what value. */
  record Corruption(int pass, Region region, int coordinate, int value) {}

  @Provide
  Arbitrary<ClassicCase> programs() {
    return ClassicArbitraries.programs(9, 4);
  }

  @Provide
  Arbitrary<Backend> backends() {
    return Arbitraries.of("exact", "incremental", "rational", "float64").map(Backends::named);
  }

  /** Value codes: 0 flip the bit, 1 set 2, 2 set -1, 3 set 1/2. */
  @Provide
  Arbitrary<List<Corruption>> corruptions() {
    return Combinators.combine(Arbitraries.integers().between(0, PASSES - 1),
        Arbitraries.of(Region.class), Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(0, 3)).as(Corruption::new).list().ofMaxSize(6);
  }

  @Property(tries = 80, seed = "20261130")
  void decodingAgainstTheLastVectorIsDecodingTheWholeVector(
      @ForAll("programs") ClassicCase c, @ForAll("backends") Backend backend,
      @ForAll("corruptions") List<Corruption> corruptions) {
    ClassicConstruction con = BUILT.computeIfAbsent(c.config(), ClassicConstruction::build);
    ClassicCodec codec = ClassicCodec.forConstruction(con);
    Backend.Compiled net = backend.compile(con.network());
    ByteInput in = c.inputSource();
    StateVector x = net.load(codec.encode(c.state(), in.peek()));
    ClassicCodec.Decoder decoder = codec.decoder();
    ClassicPassOutput last = decoder.decode(x);
    assertEquals(codec.decode(x), last);
    assertThrows(IllegalStateException.class, decoder::changedWords);
    for (int pass = 0; pass < PASSES; pass++) {
      StateVector out = net.apply(x);
      for (Corruption k : corruptions) {
        if (k.pass() == pass) {
          StateVector bad = corrupt(codec, out, k);
          String want = outcome(codec, bad);
          String got = outcome(decoder, bad);
          assertEquals(want, got, "corruption " + k + " at pass " + pass);
          Statistics.label("corruption").collect(want.startsWith("refused") ? "refused"
              : "still an encoding");
          if (!got.startsWith("refused")) {
            ClassicPassOutput o = codec.decode(bad);
            assertArrayEquals(differingWords(last.state(), o.state()), decoder.changedWords());
            last = o;
          }
        }
      }
      ClassicPassOutput full = codec.decode(out);
      assertEquals(full, decoder.decode(out), "pass " + pass);
      assertArrayEquals(differingWords(last.state(), full.state()), decoder.changedWords(),
          "pass " + pass);
      last = full;
      if (!full.executed()) {
        break;
      }
      if (full.taken()) {
        in.take();
      }
      x = net.load(codec.nextInput(out, in.peek()));
    }
  }

  /** {@code out} with coordinate {@code k.coordinate()} of {@code k.region()} changed. */
  private static StateVector corrupt(ClassicCodec codec, StateVector out, Corruption k) {
    List<Direction> region = codec.layout().region(k.region().name);
    int i = codec.layout().indexOf(region.get(k.coordinate() % region.size()));
    if (k.value() == 3) {
      Rational[] r = out.toRationals();
      r[i] = Rational.of(1, 2);
      return RationalVector.of(r);
    }
    long v = k.value() == 0 ? (out.isZero(i) ? 1 : 0) : k.value() == 1 ? 2 : -1;
    return out.withEntries(new int[] {i}, new long[] {v});
  }

  /** The decoded output, or the refusal with its direction, value and message. */
  private static String outcome(ClassicCodec codec, StateVector v) {
    try {
      return codec.decode(v).toString();
    } catch (DecodeException e) {
      return "refused " + e.direction() + " = " + e.value() + ": " + e.getMessage();
    }
  }

  private static String outcome(ClassicCodec.Decoder decoder, StateVector v) {
    try {
      return decoder.decode(v).toString();
    } catch (DecodeException e) {
      return "refused " + e.direction() + " = " + e.value() + ": " + e.getMessage();
    }
  }

  /** The addresses where {@code a} and {@code b} hold different words, word by word. */
  static int[] differingWords(ClassicState a, ClassicState b) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < a.config().memorySize(); i++) {
      if (a.word(i) != b.word(i)) {
        r.add(i);
      }
    }
    return r.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Two hand-made vectors: a word rewritten and pc moved, then scratch set. */
  @Test
  void aRewrittenWordIsReadAgainAndChangedScratchIsRefusedAsDecodeRefusesIt() {
    ClassicConfig config = ClassicConfig.of(6, 3);
    ClassicCodec codec = ClassicCodec.forConfig(config);
    ClassicRegisters regs = ClassicRegisters.of(config);
    ClassicState s = ClassicState.of(config, new long[] {1, 2, 3, -4, 5, -32, 31, 0}, 3);
    ClassicCodec.Decoder d = codec.decoder();
    RationalVector v = codec.encode(s, 'x');
    assertEquals(s, d.decode(v).state());
    ClassicState t = s.withWord(5, 17).withWord(2, -1).withPc(-7);
    RationalVector w = codec.encode(t, ClassicMachine.END_OF_INPUT);
    ClassicPassOutput o = d.decode(w);
    assertEquals(t, o.state());
    assertEquals(ClassicMachine.END_OF_INPUT, o.offeredInput());
    assertArrayEquals(new int[] {2, 5}, d.changedWords());
    Rational[] r = w.toRationals();
    r[codec.layout().indexOf(regs.va().bit(3))] = Rational.ONE;
    DecodeException e = assertThrows(DecodeException.class, () -> d.decode(RationalVector.of(r)));
    assertEquals("va.bit[3]", e.direction().name());
    // refused, so still against w: decoding w again changes nothing
    assertEquals(t, d.decode(w).state());
    assertArrayEquals(new int[0], d.changedWords());
  }
}
