package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;

@StatisticsReport(onFailureOnly = true)
class BackendProperties {

  /** Rationals with small numerators and denominators, and integers near +-2^62. */
  static Arbitrary<Rational> rationals() {
    Arbitrary<Rational> small = Combinators.combine(
        Arbitraries.longs().between(-20, 20), Arbitraries.longs().between(1, 6))
        .as(Rational::of);
    Arbitrary<Rational> ints = Arbitraries.longs().between(-5, 5).map(Rational::of);
    Arbitrary<Rational> huge = Arbitraries.longs().between(-3, 3)
        .map(d -> Rational.of((1L << 62) + d).multiply(Rational.of(d % 2 == 0 ? 1 : -1)));
    return Arbitraries.frequencyOf(Tuple.of(10, small), Tuple.of(30, ints), Tuple.of(1, huge));
  }

  static Arbitrary<SparseLayer> layers(int in, int out, Arbitrary<Rational> values) {
    Arbitrary<SparseLayer.Row> row = Combinators.combine(values,
        Arbitraries.integers().between(0, in - 1).list().ofMaxSize(4),
        values.list().ofSize(4)).as((b, cols, ws) -> {
          SparseLayer.Row r = SparseLayer.Row.withBias(b);
          for (int i = 0; i < cols.size(); i++) {
            r.plus(cols.get(i), ws.get(i));
          }
          return r;
        });
    return row.list().ofSize(out).map(rows -> {
      SparseLayer.Builder b = SparseLayer.builder(in).label("random");
      rows.forEach(b::addRow);
      return b.build();
    });
  }

  static Arbitrary<Network> networks(Arbitrary<Rational> values) {
    return Arbitraries.integers().between(1, 5).list().ofMinSize(2).ofMaxSize(4).flatMap(dims -> {
      List<Arbitrary<SparseLayer>> ls = new ArrayList<>();
      for (int i = 0; i + 1 < dims.size(); i++) {
        ls.add(layers(dims.get(i), dims.get(i + 1), values));
      }
      return Combinators.combine(ls).as(Network::of);
    });
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Network, List<Rational>>> rationalCases() {
    return networks(rationals()).flatMap(n -> rationals().list().ofSize(n.inputDimension())
        .map(x -> Tuple.of(n, x)));
  }

  @Property(tries = 400)
  @StatisticsReport(onFailureOnly = true)
  void exactEqualsRational(@ForAll("rationalCases") Tuple.Tuple2<Network, List<Rational>> c) {
    StateVector x = RationalVector.of(c.get2().toArray(new Rational[0]));
    List<Rational[]> seen = new ArrayList<>();
    StateVector expected = RationalBackend.INSTANCE.compile(c.get1()).apply(x,
        (i, l, out) -> seen.add(out.toRationals()));
    ExactBackend.Compiled exact = ExactBackend.INSTANCE.compile(c.get1());
    List<Rational[]> seenExact = new ArrayList<>();
    StateVector actual = exact.apply(exact.load(x), (i, l, out) -> seenExact.add(out.toRationals()));
    assertEquals(List.of(expected.toRationals()), List.of(actual.toRationals()));
    assertEquals(seen.size(), seenExact.size());
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(List.of(seen.get(i)), List.of(seenExact.get(i)), "layer " + i);
    }
    ExactBackend.Stats s = exact.stats();
    Statistics.label("path").collect(s.bigIntegerRows() > 0 ? "BigInteger rows"
        : s.rowwiseLayers() > 0 ? "row-wise long" : "unchecked long");
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Network, List<Rational>>> integerCasesWithHugeWeights() {
    Arbitrary<Rational> ints = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.longs().between(-9, 9).map(Rational::of)),
        Tuple.of(2, Arbitraries.longs().between(-(1L << 40), 1L << 40).map(Rational::of)),
        Tuple.of(1, Arbitraries.longs().between(-4, 4).map(d -> Rational.of((1L << 62) + d))));
    return networks(ints).flatMap(n -> ints.list().ofSize(n.inputDimension())
        .map(x -> Tuple.of(n, x)));
  }

  @Property(tries = 400)
  @StatisticsReport(onFailureOnly = true)
  void exactEqualsRationalOnIntegerNetworks(
      @ForAll("integerCasesWithHugeWeights") Tuple.Tuple2<Network, List<Rational>> c) {
    exactEqualsRational(c);
  }

  @Test
  void weightsNear2To62TakeTheBigIntegerPathAndStayExact() {
    long big = (1L << 62) - 3;
    SparseLayer.Builder b = SparseLayer.builder(2);
    b.addRow(SparseLayer.Row.withBias(5).plus(0, big).plus(1, big));
    b.addRow(SparseLayer.Row.withBias(1).plus(0, 2));
    SparseLayer l = b.build();
    Network n = Network.of(List.of(l));
    ExactBackend.Compiled exact = ExactBackend.INSTANCE.compile(n);
    StateVector y = exact.apply(ScaledIntegerVector.ofLongs(3, 4));
    java.math.BigInteger expected = java.math.BigInteger.valueOf(big).multiply(
        java.math.BigInteger.valueOf(7)).add(java.math.BigInteger.valueOf(5));
    assertEquals(Rational.of(expected), y.get(0));
    assertEquals(Rational.of(7), y.get(1));
    assertEquals(1, exact.stats().bigIntegerRows());
    assertEquals(0, exact.stats().longLayers());
    // the zero input bounds every row by its bias: the whole layer runs in the unchecked loop
    assertEquals(Rational.of(5), exact.apply(ScaledIntegerVector.ofLongs(0, 0)).get(0));
    assertEquals(1, exact.stats().longLayers());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Network, List<Rational>>> integerCases() {
    Arbitrary<Rational> ints = Arbitraries.longs().between(-1000, 1000).map(Rational::of);
    return networks(ints).flatMap(n -> ints.list().ofSize(n.inputDimension())
        .map(x -> Tuple.of(n, x)));
  }

  @Property(tries = 300)
  void float64EqualsExactOnSmallIntegerNetworks(
      @ForAll("integerCases") Tuple.Tuple2<Network, List<Rational>> c) {
    StateVector x = RationalVector.of(c.get2().toArray(new Rational[0]));
    Rational[] expected = ExactBackend.INSTANCE.compile(c.get1()).apply(x).toRationals();
    // Entries stay below 4 * 1000 * (previous bound) + 1000 per layer: under 2^47 after three
    // layers, so every double on the way is an integer held exactly.
    Rational[] f64 = Float64Backend.INSTANCE.compile(c.get1()).apply(x).toRationals();
    assertEquals(List.of(expected), List.of(f64));
  }

  @Test
  void float32LosesTheLastBitAbove2To24() {
    // y = x + 1 with x = 2^24: exact 2^24 + 1, float32 rounds the sum to 2^24 (ties to even).
    SparseLayer l = oneRow(1);
    Network n = Network.of(List.of(l));
    StateVector x = ScaledIntegerVector.ofLongs(1L << 24);
    Rational exact = ExactBackend.INSTANCE.compile(n).apply(x).get(0);
    Rational f32 = Float32Backend.INSTANCE.compile(n).apply(x).get(0);
    Rational f64 = Float64Backend.INSTANCE.compile(n).apply(x).get(0);
    assertEquals(Rational.of((1L << 24) + 1), exact);
    assertEquals(exact, f64);
    assertEquals(Rational.of(1L << 24), f32);
    assertNotEquals(exact, f32);
  }

  @Test
  void float32LoadRoundsTheInput() {
    SparseLayer l = oneRow(0);
    Backend.Compiled c = Float32Backend.INSTANCE.compile(Network.of(List.of(l)));
    StateVector loaded = c.load(RationalVector.of(new Rational[] {Rational.of(1, 3)}));
    assertEquals(Rational.ofExactDouble(1.0f / 3.0f), loaded.get(0));
  }

  @Test
  void registryListsTheBackendsInOrder() {
    assertEquals(List.of("rational", "exact", "incremental", "exact-parallel", "float64",
            "float32", "float16", "bfloat16"),
        Backends.all().stream().map(Backend::name).toList());
    assertTrue(Backends.named("exact").isExact());
  }

  /** {@code y = ReLU(x + bias)} on one entry. */
  private static SparseLayer oneRow(long bias) {
    SparseLayer.Builder b = SparseLayer.builder(1);
    b.addRow(SparseLayer.Row.withBias(bias).plus(0, 1));
    return b.build();
  }
}
