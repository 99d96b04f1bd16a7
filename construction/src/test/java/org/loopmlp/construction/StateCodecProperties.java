package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

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
    StateCodec codec = StateCodec.forLayout(MachineRegisters.of(m.config()).layout(), m.config());
    DecodedState d = codec.decode(codec.encode(m.program(), m.state()));
    assertEquals(m.program(), d.program());
    assertEquals(m.state(), d.state());
  }

  @Property(tries = 100)
  void encodingHoldsTheTwosComplementBitsOfEveryWord(
      @ForAll("machines") GeneratedMachine m) {
    MachineConfig config = m.config();
    StateLayout layout = MachineRegisters.of(config).layout();
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
    StateLayout layout = MachineRegisters.of(m.config()).layout();
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
    StateLayout layout = MachineRegisters.of(m.config()).layout();
    StateCodec codec = StateCodec.forLayout(layout, m.config());
    Rational[] v = codec.encode(m.program(), m.state()).toRationals();
    var scratch = layout.region(MachineRegisters.SCRATCH);
    Direction d = scratch.get((int) Math.min(scratch.size() - 1,
        Math.abs(where % 1.0) * scratch.size()));
    v[layout.indexOf(d)] = Rational.ONE;
    DecodeException e =
        assertThrows(DecodeException.class, () -> codec.decode(RationalVector.of(v)));
    assertEquals(d, e.direction());
  }
}
