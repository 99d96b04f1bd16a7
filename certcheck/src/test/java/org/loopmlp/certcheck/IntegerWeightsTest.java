package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.NarrowFloatBackend;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;

/**
 * The soundness defect of issue 17: a network rescaled by a positive factor (ReLU commutes with
 * it, so the exact function is unchanged) no longer has integer weights, and the argument
 * "integers within 2^p are exact in a format with p significand bits" no longer applies. The
 * checker used to accept such a network with the genuine certificate and claim it exact in
 * bfloat16; it must refuse any format claim over weights or biases that are not all integers.
 */
class IntegerWeightsTest {
  /** {@code prove --config 16,6,6 --construction narrow --format float16 --out D}, once. */
  static final Path NARROW = Fixtures.dir("narrow-16-6-6-float16");

  @TempDir
  Path dir;

  /**
   * Row r in [from, to] of {@code layer} times {@code factor} (bias and weights); layer + 1's
   * weights reading those rows divided by it. With factor > 0 the exact function is the same.
   */
  static Network rescaled(Network n, int layer, int from, int to, Rational factor) {
    SparseLayer l = n.layer(layer);
    int[] rowStart = l.rowStartArray();
    Rational[] w = l.weightArray();
    Rational[] b = l.biasArray();
    for (int r = from; r <= to; r++) {
      b[r] = b[r].multiply(factor);
      for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
        w[k] = w[k].multiply(factor);
      }
    }
    SparseLayer next = n.layer(layer + 1);
    int[] columns = next.columnArray();
    Rational[] nw = next.weightArray();
    for (int k = 0; k < nw.length; k++) {
      nw[k] = columns[k] >= from && columns[k] <= to ? nw[k].divide(factor) : nw[k];
    }
    return n.withLayer(layer, SparseLayer.ofCsr(l.label(), l.inputDimension(), rowStart,
            l.columnArray(), w, b))
        .withLayer(layer + 1, SparseLayer.ofCsr(next.label(), next.inputDimension(),
            next.rowStartArray(), columns, nw, next.biasArray()));
  }

  /** The issue's state: mem = 0, 2, -3, 0, ... and slot 0 = (1, 2, 2), pc = 0, 16-bit words. */
  private static RationalVector issueState(List<String> names) {
    Rational[] x = new Rational[names.size()];
    for (int i = 0; i < x.length; i++) {
      String name = names.get(i);
      String register = name.substring(0, name.lastIndexOf(".bit["));
      int bit = Integer.parseInt(name.substring(name.lastIndexOf('[') + 1, name.length() - 1));
      long value = switch (register) {
        case "mem[1]" -> 2;
        case "mem[2]" -> -3;
        case "code[0].a" -> 1;
        case "code[0].b", "code[0].c" -> 2;
        default -> 0;
      };
      x[i] = Rational.of((value >> bit) & 1);
    }
    return RationalVector.of(x);
  }

  @Test
  void refusesTheRescaledNarrowNetworkOfTheIssue() throws IOException {
    Path network = NARROW.resolve("network.txt.gz");
    Path certificate = NARROW.resolve("certificate.txt.gz");
    CertificateChecker.Result genuine = CertificateChecker.check(network, certificate);
    assertTrue(genuine.accepted(), genuine.message());
    assertEquals(FloatFormat.BFLOAT16, genuine.narrowestExactFormat());

    // layer 4 is subtract.generate; 31 of its 32 hidden rows 2254..2285 divided by 11
    Network n = NetworkFormat.read(network);
    assertEquals("subtract.generate", n.layer(4).label());
    assertEquals(2286, n.layer(4).outputDimension());
    Network bad = rescaled(n, 4, 2254, 2284, Rational.of(1, 11));
    Path badFile = dir.resolve("network.txt.gz");
    NetworkFormat.write(bad, badFile); // a fresh SHA-256 footer; the certificate is kept

    // the same exact function, but not in float16: pc and mem[2] bits come out fractional
    List<String> names = n.inputNames().orElseThrow();
    StateVector x = issueState(names);
    StateVector exact = RationalBackend.INSTANCE.compile(n).apply(x);
    assertEquals(exact, RationalVector.copyOf(RationalBackend.INSTANCE.compile(bad).apply(x)));
    var half = NarrowFloatBackend.FLOAT16.compile(bad);
    StateVector rounded = half.apply(half.load(x));
    assertEquals(Rational.of(1, 1024), rounded.get(names.indexOf("pc.bit[0]")));
    assertEquals(Rational.of(1025, 1024), rounded.get(names.indexOf("mem[2].bit[0]")));

    CertificateChecker.Result r = CertificateChecker.check(badFile, certificate);
    assertFalse(r.accepted(), "accepted a network that is wrong in float16");
    assertTrue(r.message().contains("network layer 4, row 2254: ")
        && r.message().contains("is not an integer")
        && r.message().contains("refuses every format claim"), r.message());
    assertNull(r.narrowestExactFormat());
  }

  @Provide
  Arbitrary<Rational> factors() {
    // positive, not 1: p / q with 1 <= p, q <= 60
    return Combinators.combine(Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(1, 60)).as((p, q) -> Rational.of(p, q))
        .filter(f -> !f.equals(Rational.ONE));
  }

  /**
   * Any positive rescaling of one row that leaves a weight or bias of it non-integer is refused,
   * whatever the machine, the construction or the format its bounds would prove: no format claim
   * (not even the narrowest, bfloat16) is made over the network.
   */
  @Property(tries = 60, seed = "17")
  void anyNonIntegerRescalingOfARowIsRefused(
      @ForAll @IntRange(min = 0, max = Fixtures.PROVED_COUNT - 1) int fixture,
      @ForAll @IntRange(min = 0, max = 1_000_000) int layerPick,
      @ForAll @IntRange(min = 0, max = 1_000_000) int rowPick,
      @ForAll("factors") Rational factor) throws IOException {
    Path d = Fixtures.proved(fixture);
    Network n = Fixtures.network(d);
    int layer = layerPick % (n.depth() - 1);
    SparseLayer l = n.layer(layer);
    int row = rowPick % l.outputDimension();
    boolean nonInteger = !l.bias(row).multiply(factor).isInteger();
    for (int k = l.rowStart(row); k < l.rowEnd(row); k++) {
      nonInteger |= !l.weight(k).multiply(factor).isInteger();
    }
    Assume.that(nonInteger);
    CertificateChecker.Result r = CertificateChecker.check(
        rescaled(n, layer, row, row, factor), d.resolve("certificate.txt.gz"));
    assertFalse(r.accepted(), d + " layer " + layer + " row " + row + " times " + factor);
    assertTrue(r.message().contains("is not an integer"), r.message());
    assertNull(r.narrowestExactFormat(), "a rejection claims no format");
  }
}
