package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;

/** The classic codec: round trip, and refusal of vectors that are not encodings. */
class ClassicCodecTest {
  private static final ClassicConfig CONFIG = ClassicConfig.of(5, 3);
  private static final ClassicCodec CODEC = ClassicCodec.forConfig(CONFIG);
  private static final ClassicRegisters REGS = ClassicRegisters.of(CONFIG);

  private static ClassicState state() {
    return ClassicState.of(CONFIG, new long[] {-16, 15, -1, 0, 7, -8, 1, 3}, -5);
  }

  @Test
  void decodeUndoesEncode() {
    for (int input : new int[] {0, 65, 255, ClassicMachine.END_OF_INPUT}) {
      ClassicPassOutput out = CODEC.decode(CODEC.encode(state(), input));
      assertEquals(state(), out.state());
      assertEquals(input, out.offeredInput());
      assertFalse(out.taken());
      assertFalse(out.prints());
      assertFalse(out.executed());
    }
  }

  @Test
  void theEncodingHoldsTwosComplementBitsLeastSignificantFirst() {
    RationalVector v = CODEC.encode(state(), 'A');
    // pc = -5 in 5 bits is 11011.
    int[] pcBits = {1, 1, 0, 1, 1};
    for (int t = 0; t < 5; t++) {
      assertEquals(Rational.of(pcBits[t]), v.get(CODEC.layout().indexOf(REGS.pc().bit(t))));
    }
    // 'A' = 65 = 01000001.
    assertEquals(Rational.ONE, v.get(CODEC.layout().indexOf(REGS.inByte().bit(0))));
    assertEquals(Rational.ONE, v.get(CODEC.layout().indexOf(REGS.inByte().bit(6))));
    assertEquals(Rational.ZERO, v.get(CODEC.layout().indexOf(REGS.inByte().bit(1))));
  }

  @Test
  void refusesANonBitNamingTheDirection() {
    Rational[] v = CODEC.encode(state(), 0).toRationals();
    v[CODEC.layout().indexOf(REGS.mem(4).bit(2))] = Rational.of(1, 2);
    DecodeException e = assertThrows(DecodeException.class,
        () -> CODEC.decode(RationalVector.of(v)));
    assertEquals("mem[4].bit[2]", e.direction().name());
  }

  @Test
  void refusesNonZeroScratchAndAByteBesideEndOfInput() {
    Rational[] v = CODEC.encode(state(), 0).toRationals();
    v[CODEC.layout().indexOf(REGS.br().bit(0))] = Rational.ONE;
    assertEquals("br.bit[0]", assertThrows(DecodeException.class,
        () -> CODEC.decode(RationalVector.of(v))).direction().name());
    Rational[] w = CODEC.encode(state(), ClassicMachine.END_OF_INPUT).toRationals();
    w[CODEC.layout().indexOf(REGS.inByte().bit(0))] = Rational.ONE;
    assertThrows(DecodeException.class, () -> CODEC.decode(RationalVector.of(w)));
  }

  @Test
  void nextInputClearsThePassFlagsAndOffersTheNextByte() {
    Rational[] v = CODEC.encode(state(), 7).toRationals();
    v[CODEC.layout().indexOf(REGS.outValid().bit(0))] = Rational.ONE;
    v[CODEC.layout().indexOf(REGS.outByte().bit(3))] = Rational.ONE;
    v[CODEC.layout().indexOf(REGS.inTaken().bit(0))] = Rational.ONE;
    v[CODEC.layout().indexOf(REGS.executed().bit(0))] = Rational.ONE;
    ClassicPassOutput before = CODEC.decode(RationalVector.of(v));
    assertTrue(before.prints() && before.taken() && before.executed());
    assertEquals(8, before.output());
    ClassicPassOutput next = CODEC.decode(CODEC.nextInput(RationalVector.of(v), 200));
    assertFalse(next.prints() || next.taken() || next.executed());
    assertEquals(200, next.offeredInput());
    assertEquals(state(), next.state());
  }
}
