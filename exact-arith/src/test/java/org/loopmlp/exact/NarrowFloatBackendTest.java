package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The float16 and bfloat16 backends on one-row networks whose exact results are known. */
class NarrowFloatBackendTest {
  /** {@code y = ReLU(w0 x0 + w1 x1 + bias)}. */
  private static Network row(long bias, long w0, long w1) {
    SparseLayer.Builder b = SparseLayer.builder(2);
    b.addRow(SparseLayer.Row.withBias(bias).plus(0, w0).plus(1, w1));
    return Network.of(List.of(b.build()));
  }

  private static Rational eval(Backend backend, Network n, long x0, long x1) {
    return backend.compile(n).apply(ScaledIntegerVector.ofLongs(x0, x1)).get(0);
  }

  @Test
  void float16LosesTheLastBitAbove2To11() {
    Network n = row(1, 1, 0); // y = x0 + 1
    assertEquals(Rational.of(2048), eval(NarrowFloatBackend.FLOAT16, n, 2047, 0));
    assertEquals(Rational.of(2048), eval(NarrowFloatBackend.FLOAT16, n, 2048, 0)); // 2049: tie
    assertEquals(Rational.of(2049), eval(ExactBackend.INSTANCE, n, 2048, 0));
    assertEquals(Rational.of(2049), eval(Float32Backend.INSTANCE, n, 2048, 0));
    assertEquals(Rational.of(2052), eval(NarrowFloatBackend.FLOAT16, n, 2050, 0)); // 2051: up
  }

  @Test
  void bfloat16LosesTheLastBitAbove2To8() {
    Network n = row(1, 1, 0);
    assertEquals(Rational.of(256), eval(NarrowFloatBackend.BFLOAT16, n, 256, 0));
    assertEquals(Rational.of(260), eval(NarrowFloatBackend.BFLOAT16, n, 258, 0));
    assertEquals(Rational.of(255), eval(NarrowFloatBackend.BFLOAT16, n, 254, 0));
  }

  @Test
  void everyPartialSumIsRounded() {
    // 2048 + 1 + 1: exact 2050, but left to right in float16 2048 + 1 rounds back to 2048 twice.
    Network n = row(2048, 1, 1);
    assertEquals(Rational.of(2048), eval(NarrowFloatBackend.FLOAT16, n, 1, 1));
    assertEquals(Rational.of(2050), eval(Float32Backend.INSTANCE, n, 1, 1));
  }

  @Test
  void float16OverflowsToInfinityAndTheVectorHasNoExactValue() {
    Network n = row(0, 1 << 15, 1 << 15); // 2^16 > 65504
    StateVector y = NarrowFloatBackend.FLOAT16.compile(n).apply(
        ScaledIntegerVector.ofLongs(1, 1));
    assertThrows(ArithmeticException.class, () -> y.get(0));
    assertEquals(Rational.of(1 << 16), eval(NarrowFloatBackend.BFLOAT16, n, 1, 1));
  }

  @Test
  void weightsAndInputsAreRoundedOnLoad() {
    Network n = row(0, 2049, 0); // the weight 2049 is 2048 in float16
    assertEquals(Rational.of(2048), eval(NarrowFloatBackend.FLOAT16, n, 1, 0));
    Backend.Compiled c = NarrowFloatBackend.BFLOAT16.compile(n);
    assertEquals(Rational.of(256), c.load(ScaledIntegerVector.ofLongs(257, 0)).get(0));
  }

  @Test
  void aVectorOfTheOtherFormatIsRoundedAgain() {
    Network n = row(0, 1, 0);
    NarrowFloatVector f16 = NarrowFloatVector.of(NarrowFloat.FLOAT16, 1025f, 0f);
    assertEquals(Rational.of(1024),
        NarrowFloatBackend.BFLOAT16.compile(n).apply(f16).get(0));
  }
}
