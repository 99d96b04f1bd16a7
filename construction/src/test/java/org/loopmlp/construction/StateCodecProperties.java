package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

@StatisticsReport(onFailureOnly = true)
class StateCodecProperties {
  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines(8, 3, 3);
  }

  @Provide
  Arbitrary<Rational> nonBits() {
    return Arbitraries.of(Rational.of(2), Rational.of(1, 2), Rational.of(3, 2), Rational.of(-1),
        Rational.of(1L << 40));
  }

  @Property(tries = 100)
  void decodeInvertsEncode(@ForAll("machines") GeneratedMachine m) {
    StateCodec codec = StateCodec.forLayout(PaperRegisters.of(m.config()).layout(), m.config());
    DecodedState d = codec.decode(codec.encode(m.program(), m.state()));
    assertEquals(m.program(), d.program());
    assertEquals(m.state(), d.state());
  }

  @Property(tries = 100)
  void encodingHoldsTheTwosComplementBitsOfEveryWord(
      @ForAll("machines") GeneratedMachine m) {
    MachineConfig config = m.config();
    StateLayout layout = PaperRegisters.of(config).layout();
    RationalVector v = StateCodec.forLayout(layout, config).encode(m.program(), m.state());
    for (int i = 0; i < config.dataSize(); i++) {
      long word = m.state().word(i);
      long unsigned = word < 0 ? word + (1L << config.wordBits()) : word;
      for (int j = 0; j < config.wordBits(); j++) {
        long bit = (unsigned >> j) & 1;
        assertEquals(Rational.of(bit),
            v.get(layout.indexOf(Direction.named("mem[" + i + "].bit[" + j + "]"))));
      }
    }
  }

  @Property(tries = 100)
  void decodeRejectsANonBitNamingItsDirection(@ForAll("machines") GeneratedMachine m,
      @ForAll("nonBits") Rational bad, @ForAll double where) {
    StateLayout layout = PaperRegisters.of(m.config()).layout();
    StateCodec codec = StateCodec.forLayout(layout, m.config());
    Rational[] v = codec.encode(m.program(), m.state()).toRationals();
    int i = (int) Math.min(v.length - 1, Math.abs(where % 1.0) * v.length);
    v[i] = bad;
    DecodeException e =
        assertThrows(DecodeException.class, () -> codec.decode(RationalVector.of(v)));
    assertEquals(layout.direction(i), e.direction());
    assertEquals(bad, e.value());
    assertTrue(e.getMessage().contains(layout.direction(i).name()), e.getMessage());
  }

  @Property(tries = 50)
  void decodeRejectsScratchThatIsNotZero(@ForAll("machines") GeneratedMachine m,
      @ForAll double where) {
    StateLayout layout = PaperRegisters.of(m.config()).layout();
    StateCodec codec = StateCodec.forLayout(layout, m.config());
    Rational[] v = codec.encode(m.program(), m.state()).toRationals();
    var scratch = layout.region(PaperRegisters.SCRATCH);
    Direction d = scratch.get((int) Math.min(scratch.size() - 1,
        Math.abs(where % 1.0) * scratch.size()));
    v[layout.indexOf(d)] = Rational.ONE;
    DecodeException e =
        assertThrows(DecodeException.class, () -> codec.decode(RationalVector.of(v)));
    assertEquals(d, e.direction());
  }

  /**
   * {@link StateCodec.Decoder} (each vector decoded against the last, reading what changed)
   * against {@link StateCodec#decode} (the whole vector): the same program and state, or the same
   * refusal (direction, value, message), on every pass output of random machines looped on the
   * incremental and exact backends, and on those outputs with one coordinate set to another bit,
   * to 2 or to -1.
   */
  @Property(tries = 60, seed = "20261129")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void decodingAgainstTheLastVectorIsDecodingTheWholeVector(
      @ForAll("machines") GeneratedMachine m, @ForAll("backends") Backend backend,
      @ForAll @IntRange(min = 0, max = 11) int corruptAt, @ForAll double where,
      @ForAll @IntRange(min = 0, max = 2) int value) {
    Construction c = PaperConstruction.build(m.config());
    StateCodec codec = StateCodec.forConstruction(c);
    Backend.Compiled net = backend.compile(c.network());
    StateVector x = net.load(codec.encode(m.program(), m.state()));
    StateCodec.Decoder decoder = codec.decoder();
    assertEquals(outcome(codec, x), outcome(decoder, x));
    for (int pass = 0; pass < 12; pass++) {
      StateVector out = net.apply(x);
      if (pass == corruptAt) {
        int i = (int) Math.min(out.dimension() - 1, Math.abs(where % 1.0) * out.dimension());
        long v = value == 0 ? (out.isZero(i) ? 1 : 0) : value == 1 ? 2 : -1;
        StateVector bad = out.withEntries(new int[] {i}, new long[] {v});
        String want = outcome(codec, bad);
        assertEquals(want, outcome(decoder, bad), "corrupted at pass " + pass);
        Statistics.label("corruption").collect(want.startsWith("refused") ? "refused"
            : "still an encoding");
      }
      assertEquals(outcome(codec, out), outcome(decoder, out), "pass " + pass);
      x = out;
    }
    Statistics.label("corruption").coverage(k -> {
      k.check("refused").percentage(p -> p >= 20);
      k.check("still an encoding").percentage(p -> p >= 20);
    });
  }

  @Provide
  Arbitrary<Backend> backends() {
    return Arbitraries.of("incremental", "exact").map(Backends::named);
  }

  private static String outcome(StateCodec codec, StateVector v) {
    try {
      DecodedState d = codec.decode(v);
      return d.program() + " " + d.state();
    } catch (DecodeException e) {
      return "refused " + e.direction() + " = " + e.value() + ": " + e.getMessage();
    }
  }

  private static String outcome(StateCodec.Decoder decoder, StateVector v) {
    try {
      DecodedState d = decoder.decode(v);
      return d.program() + " " + d.state();
    } catch (DecodeException e) {
      return "refused " + e.direction() + " = " + e.value() + ": " + e.getMessage();
    }
  }
}
