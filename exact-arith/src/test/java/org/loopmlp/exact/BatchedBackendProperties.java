package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;

/**
 * The batched backend against the {@code rational} backend, vector by vector: block sizes of 1,
 * blocks that do not divide the number of inputs, inputs that differ in one entry, and weights
 * near 2^62 that force the one-vector fallback.
 */
class BatchedBackendProperties {

  record Case(Network network, List<List<Rational>> inputs) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Rational> ints = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.longs().between(-9, 9).map(Rational::of)),
        Tuple.of(2, Arbitraries.longs().between(-(1L << 40), 1L << 40).map(Rational::of)),
        Tuple.of(1, Arbitraries.longs().between(-4, 4).map(d -> Rational.of((1L << 62) + d))));
    Arbitrary<Rational> inputs = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.longs().between(0, 1).map(Rational::of)),
        Tuple.of(3, Arbitraries.longs().between(-1000, 1000).map(Rational::of)),
        Tuple.of(1, Arbitraries.longs().between(1, 3).flatMap(d ->
            Arbitraries.longs().between(-7, 7).map(n -> Rational.of(n, d)))));
    return BackendProperties.networks(ints).flatMap(n ->
        inputs.list().ofSize(n.inputDimension()).list().ofMinSize(1).ofMaxSize(20)
            .map(xs -> new Case(n, xs)));
  }

  @Property(tries = 120)
  @StatisticsReport(onFailureOnly = true)
  void batchedEqualsRationalVectorByVector(@ForAll("cases") Case c,
      @ForAll @IntRange(min = 1, max = 7) int block) {
    List<StateVector> xs = new ArrayList<>();
    for (List<Rational> x : c.inputs()) {
      xs.add(RationalVector.of(x.toArray(new Rational[0])));
    }
    assertSameAsRational(c.network(), xs, block);
    Statistics.label("block").collect(block == 1 ? "K = 1"
        : xs.size() % block == 0 ? "K divides the count" : "K does not divide the count");
  }

  @Property(tries = 80)
  @StatisticsReport(onFailureOnly = true)
  void inputsThatDifferInOneBitStayApart(@ForAll("cases") Case c,
      @ForAll @IntRange(min = 1, max = 5) int block) {
    List<Rational> base = c.inputs().get(0);
    List<StateVector> xs = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      Rational[] flipped = base.toArray(new Rational[0]);
      flipped[i] = flipped[i].isZero() ? Rational.ONE : Rational.ZERO;
      xs.add(RationalVector.of(flipped));
    }
    xs.add(RationalVector.of(base.toArray(new Rational[0])));
    assertSameAsRational(c.network(), xs, block);
  }

  @Property(tries = 120)
  @StatisticsReport(onFailureOnly = true)
  void rowsEqualRationalVectorByVector(@ForAll("cases") Case c) {
    List<StateVector> xs = new ArrayList<>();
    for (List<Rational> x : c.inputs()) {
      // non-negative integers, as applyRows takes them: |numerator| of each entry
      xs.add(ScaledIntegerVector.ofLongs(x.stream().mapToLong(r ->
          Math.abs(r.numerator().longValueExact())).toArray()));
    }
    int d = c.network().inputDimension();
    int k = xs.size();
    int[][] rows = new int[d][k];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < d; i++) {
        rows[i][j] = (int) xs.get(j).get(i).numerator().longValueExact();
      }
    }
    int[][] out = BatchedExactBackend.compile(c.network()).applyRows(rows, k);
    Statistics.label("rows").collect(out == null ? "refused (beyond int)" : "evaluated");
    if (out == null) {
      return;
    }
    RationalBackend.Compiled rational = RationalBackend.INSTANCE.compile(c.network());
    for (int j = 0; j < k; j++) {
      Rational[] want = rational.apply(xs.get(j)).toRationals();
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], Rational.of(out[i][j]), "entry " + i + " of input " + j);
      }
    }
  }

  @Test
  void rowsShareCopiedRowsAndRefuseWhatIntsCannotHold() {
    // layer 0 copies x0 and computes 3 x0 + x1 - 1; layer 1 copies both
    SparseLayer.Builder l0 = SparseLayer.builder(2);
    l0.addRow(SparseLayer.Row.withBias(0).plus(0, 1));
    l0.addRow(SparseLayer.Row.withBias(-1).plus(0, 3).plus(1, 1));
    SparseLayer.Builder l1 = SparseLayer.builder(2);
    l1.addRow(SparseLayer.Row.withBias(0).plus(0, 1));
    l1.addRow(SparseLayer.Row.withBias(0).plus(1, 1));
    int[][] x = {{0, 1, 1}, {0, 0, 1}};
    int[][] y = BatchedExactBackend.compile(Network.of(List.of(l0.build(), l1.build())), 3)
        .applyRows(x, 3);
    assertEquals(List.of(0, 1, 1), java.util.Arrays.stream(y[0]).boxed().toList());
    assertEquals(List.of(0, 2, 3), java.util.Arrays.stream(y[1]).boxed().toList());
    org.junit.jupiter.api.Assertions.assertSame(x[0], y[0], "a copy row is its input's row");
    // 8 * 2^29 + 1 reaches 2^31: not in ints
    SparseLayer.Builder big = SparseLayer.builder(1);
    big.addRow(SparseLayer.Row.withBias(1).plus(0, 8));
    SparseLayer.Builder first = SparseLayer.builder(1);
    first.addRow(SparseLayer.Row.withBias(0).plus(0, 1 << 29));
    org.junit.jupiter.api.Assertions.assertNull(BatchedExactBackend.compile(Network.of(
        List.of(first.build(), big.build())), 1).applyRows(new int[][] {{1}}, 1));
  }

  @Test
  void aBlockThatOverflowsTheLongLoopFinishesExactly() {
    long big = (1L << 62) - 3;
    SparseLayer.Builder b = SparseLayer.builder(2);
    b.addRow(SparseLayer.Row.withBias(5).plus(0, big).plus(1, big));
    b.addRow(SparseLayer.Row.withBias(1).plus(0, 2));
    Network n = Network.of(List.of(b.build()));
    List<ScaledIntegerVector> ys = BatchedExactBackend.compile(n, 4).applyAll(List.of(
        ScaledIntegerVector.ofLongs(3, 4), ScaledIntegerVector.ofLongs(0, 0),
        ScaledIntegerVector.ofLongs(1, 0)));
    java.math.BigInteger seven = java.math.BigInteger.valueOf(big).multiply(
        java.math.BigInteger.valueOf(7)).add(java.math.BigInteger.valueOf(5));
    assertEquals(Rational.of(seven), ys.get(0).get(0));
    assertEquals(Rational.of(7), ys.get(0).get(1));
    assertEquals(Rational.of(5), ys.get(1).get(0));
    assertEquals(Rational.of(big + 5), ys.get(2).get(0));
    assertEquals(Rational.of(3), ys.get(2).get(1));
  }

  @Test
  void aCopiedLargeEntryCountsInTheNextLayersBound() {
    // layer 0: a = 2^29 x0; layer 1: copies a, and a small row; layer 2: 8 a overflows an int
    SparseLayer.Builder l0 = SparseLayer.builder(1);
    l0.addRow(SparseLayer.Row.withBias(0).plus(0, 1 << 29));
    SparseLayer.Builder l1 = SparseLayer.builder(1);
    l1.addRow(SparseLayer.Row.withBias(0).plus(0, 1));
    l1.addRow(SparseLayer.Row.withBias(1));
    SparseLayer.Builder l2 = SparseLayer.builder(2);
    l2.addRow(SparseLayer.Row.withBias(0).plus(0, 8).plus(1, 1));
    Network n = Network.of(List.of(l0.build(), l1.build(), l2.build()));
    List<StateVector> xs = List.of(ScaledIntegerVector.ofLongs(1), ScaledIntegerVector.ofLongs(0),
        ScaledIntegerVector.ofLongs(1));
    assertSameAsRational(n, xs, 3);
    assertEquals(Rational.of((1L << 32) + 1),
        BatchedExactBackend.compile(n, 3).applyAll(xs).get(0).get(0));
  }

  private static void assertSameAsRational(Network n, List<StateVector> xs, int block) {
    List<ScaledIntegerVector> batched = BatchedExactBackend.compile(n, block).applyAll(xs);
    assertEquals(xs.size(), batched.size());
    RationalBackend.Compiled rational = RationalBackend.INSTANCE.compile(n);
    for (int i = 0; i < xs.size(); i++) {
      assertEquals(List.of(rational.apply(xs.get(i)).toRationals()),
          List.of(batched.get(i).toRationals()), "input " + i + " of " + xs.size());
    }
  }
}
