package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link StateVector#withEntries} (an edited view) reads like the vector it stands for, on every
 * backend's vectors, and every backend evaluates it as that vector; {@link
 * StateVector#changedSince} lists exactly the entries whose values differ, checked against an
 * entry-by-entry comparison of the two vectors' rationals, also for versions of the {@code
 * incremental} backend's output (its O(changes) path), in either order, after an old version was
 * read (rebuilt), and from another thread.
 */
class VectorEditsProperties {
  /**
   * A vector (entries 0..3, so that a ReLU network can hand it back as its output), edits of it
   * to values -2..3 (indices distinct) and a second round of edits.
   */
  record Edits(List<Long> base, List<Integer> index, List<Long> values, List<Integer> index2,
      List<Long> values2) {}

  @Provide
  Arbitrary<Edits> edits() {
    return Arbitraries.integers().between(1, 12).flatMap(n -> {
      Arbitrary<List<Integer>> idx = Arbitraries.integers().between(0, n - 1).list()
          .ofMaxSize(n).uniqueElements();
      Arbitrary<List<Long>> vals = Arbitraries.longs().between(-2, 3).list().ofSize(n);
      return Combinators.combine(Arbitraries.longs().between(0, 3).list().ofSize(n), idx, vals,
          idx, vals).as((b, i, v, i2, v2) -> new Edits(b, i, v.subList(0, i.size()), i2,
          v2.subList(0, i2.size())));
    });
  }

  private static int[] ints(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long[] longs(List<Long> l) {
    return l.stream().mapToLong(Long::longValue).toArray();
  }

  /** The rationals an edit stands for, written out independently. */
  private static Rational[] applied(Rational[] base, List<Integer> index, List<Long> values) {
    Rational[] r = base.clone();
    for (int j = 0; j < index.size(); j++) {
      r[index.get(j)] = Rational.of(values.get(j));
    }
    return r;
  }

  /** The indices where {@code a} and {@code b} differ, ascending. */
  private static int[] differences(Rational[] a, Rational[] b) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        r.add(i);
      }
    }
    return ints(r);
  }

  private static void assertReadsAs(Rational[] expected, StateVector v) {
    assertEquals(expected.length, v.dimension());
    assertArrayEquals(expected, v.toRationals());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], v.get(i), "entry " + i);
      assertEquals(expected[i].isZero(), v.isZero(i), "isZero " + i);
      assertEquals(expected[i].equals(Rational.ONE), v.isOne(i), "isOne " + i);
    }
  }

  /** The base in each representation: rationals, scaled integers, floats, an incremental output. */
  private static List<StateVector> representations(List<Long> base) {
    long[] b = longs(base);
    Rational[] r = ScaledIntegerVector.ofLongs(b).toRationals();
    List<StateVector> vs = new ArrayList<>();
    vs.add(RationalVector.of(r));
    vs.add(ScaledIntegerVector.ofLongs(b));
    vs.add(Float64Backend.INSTANCE.compile(identity(b.length)).load(RationalVector.of(r)));
    // y = ReLU(x) hands a non-negative input back, held as a version of the output's store
    vs.add(IncrementalBackend.INSTANCE.compile(identity(b.length)).apply(
        ScaledIntegerVector.ofLongs(b)));
    return vs;
  }

  /** One layer {@code y_i = ReLU(x_i)}. */
  private static Network identity(int n) {
    SparseLayer.Builder b = SparseLayer.builder(n).label("relu");
    for (int i = 0; i < n; i++) {
      b.addRow(SparseLayer.Row.withBias(Rational.ZERO).plus(i, Rational.ONE));
    }
    return Network.of(List.of(b.build()));
  }

  @Property(tries = 200, seed = "20261130")
  void anEditReadsAsTheVectorItStandsFor(@ForAll("edits") Edits e) {
    Rational[] base = ScaledIntegerVector.ofLongs(longs(e.base())).toRationals();
    Rational[] once = applied(base, e.index(), e.values());
    Rational[] twice = applied(once, e.index2(), e.values2());
    for (StateVector v : representations(e.base())) {
      assertReadsAs(base, v);
      StateVector edited = v.withEntries(ints(e.index()), longs(e.values()));
      assertReadsAs(once, edited);
      StateVector again = edited.withEntries(ints(e.index2()), longs(e.values2()));
      assertReadsAs(twice, again);
      assertReadsAs(base, v);
      assertArrayEquals(differences(once, base), edited.changedSince(v), "edit against base");
      assertArrayEquals(differences(base, once), v.changedSince(edited), "base against edit");
      assertArrayEquals(differences(twice, base), again.changedSince(v));
      assertArrayEquals(differences(twice, once), again.changedSince(edited));
      assertArrayEquals(once, ScaledIntegerVector.copyOf(edited).toRationals());
    }
  }

  @Property(tries = 100, seed = "20261130")
  void everyBackendEvaluatesAnEditAsTheVectorItStandsFor(@ForAll("edits") Edits e) {
    Rational[] base = ScaledIntegerVector.ofLongs(longs(e.base())).toRationals();
    Rational[] once = applied(base, e.index(), e.values());
    Network n = doubling(base.length);
    for (Backend backend : Backends.all()) {
      Backend.Compiled c = backend.compile(n);
      StateVector edited = c.load(RationalVector.of(base)).withEntries(ints(e.index()),
          longs(e.values()));
      Rational[] want = c.apply(c.load(RationalVector.of(once))).toRationals();
      assertArrayEquals(want, c.apply(c.load(edited)).toRationals(), backend.name());
      assertArrayEquals(want, c.apply(edited).toRationals(), backend.name() + " without load");
    }
  }

  /** y_i = ReLU(2 x_i + 1): exact in every format for these small inputs. */
  private static Network doubling(int n) {
    SparseLayer.Builder b = SparseLayer.builder(n).label("double");
    for (int i = 0; i < n; i++) {
      b.addRow(SparseLayer.Row.withBias(Rational.ONE).plus(i, Rational.of(2)));
    }
    return Network.of(List.of(b.build()));
  }

  @Test
  void editsAreRefusedWhenTheyRepeatAnIndexOrLeaveTheVector() {
    StateVector v = ScaledIntegerVector.ofLongs(1, 2, 3);
    assertThrows(IllegalArgumentException.class,
        () -> v.withEntries(new int[] {1, 1}, new long[] {0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> v.withEntries(new int[] {3}, new long[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> v.withEntries(new int[] {-1}, new long[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> v.withEntries(new int[] {0, 1}, new long[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> v.changedSince(ScaledIntegerVector.ofLongs(1, 2)));
  }

  /**
   * Floats compared as numbers: -0 and 0 are the same, NaN beside NaN and an infinity beside
   * itself unchanged, a non-finite entry beside anything else changed.
   */
  @Test
  void floatsDifferWhereTheirValuesDo() {
    double[] a = {0.0, -0.0, 1.0, Double.NaN, Double.POSITIVE_INFINITY, 2.5, Double.NaN, 1.0, 3};
    double[] b = {-0.0, 0.0, 1.0, Double.NaN, Double.POSITIVE_INFINITY, 2.0, 1.0,
        Double.NEGATIVE_INFINITY, 3};
    int[] want = {5, 6, 7};
    assertArrayEquals(want, Float64Vector.of(a).changedSince(Float64Vector.of(b)));
    float[] fa = new float[a.length];
    float[] fb = new float[b.length];
    for (int i = 0; i < a.length; i++) {
      fa[i] = (float) a[i];
      fb[i] = (float) b[i];
    }
    assertArrayEquals(want, Float32Vector.of(fa).changedSince(Float32Vector.of(fb)));
    assertArrayEquals(want, Float32Vector.of(fa).changedSince(Float64Vector.of(b)));
    // against another representation every entry needs its exact value: a NaN has none
    assertThrows(ArithmeticException.class,
        () -> Float64Vector.of(a).changedSince(RationalVector.zeros(a.length)));
  }

  /** A looped network's schedule: per pass, the entries to replace in the output and values. */
  record Run(Network network, List<Long> first, List<List<Integer>> edits, List<Long> values,
      List<Integer> readEarly) {}

  @Provide
  Arbitrary<Run> runs() {
    return IncrementalProperties.loopedNetworks(false).flatMap(n -> {
      int dim = n.inputDimension();
      return Combinators.combine(
          Arbitraries.longs().between(-3, 3).list().ofSize(dim),
          Arbitraries.integers().between(0, dim - 1).list().ofMaxSize(Math.min(dim, 3))
              .uniqueElements().list().ofMinSize(1).ofMaxSize(10),
          Arbitraries.longs().between(-3, 3).list().ofSize(3),
          Arbitraries.integers().between(0, 10).list().ofMaxSize(2))
          .as((f, e, v, r) -> new Run(n, f, e, v, r));
    });
  }

  /**
   * The outputs of a looped run on {@code incremental} (each pass's input the last output with
   * some entries replaced) against one another, every pair in both orders: {@code changedSince}
   * lists the entries whose rationals differ (as the {@code exact} backend computes them). Some
   * old versions are read before the comparisons (which rebuilds them and drops their
   * differences), and the comparisons run on this thread and on another.
   */
  @Property(tries = 200, seed = "20261130")
  void changedSinceListsExactlyTheEntriesThatDiffer(@ForAll("runs") Run run,
      @ForAll @IntRange(min = 0, max = 1) int otherThread) {
    Backend.Compiled c = IncrementalBackend.INSTANCE.compile(run.network());
    Backend.Compiled exact = ExactBackend.INSTANCE.compile(run.network());
    List<StateVector> outs = new ArrayList<>();
    // the expected values from the exact backend: reading an old version would rebuild it
    List<Rational[]> values = new ArrayList<>();
    StateVector x = c.load(ScaledIntegerVector.ofLongs(longs(run.first())));
    Rational[] xe = x.toRationals();
    for (List<Integer> e : run.edits()) {
      StateVector out = c.apply(x);
      outs.add(out);
      values.add(exact.apply(RationalVector.of(xe)).toRationals());
      List<Long> v = run.values().subList(0, e.size());
      x = out.withEntries(ints(e), longs(v));
      xe = applied(values.get(values.size() - 1), e, v);
    }
    for (int r : run.readEarly()) {
      if (r < outs.size()) {
        outs.get(r).get(0);
      }
    }
    Runnable compare = () -> {
      // the newest against each earlier one first: chains of several passes, none cut yet by
      // reading an older version (which the pairs below do)
      int newest = outs.size() - 1;
      for (int i = 0; i < outs.size(); i++) {
        assertArrayEquals(differences(values.get(newest), values.get(i)),
            outs.get(newest).changedSince(outs.get(i)), "newest output since output " + i);
      }
      for (int i = 0; i < outs.size(); i++) {
        for (int j = 0; j < outs.size(); j++) {
          assertArrayEquals(differences(values.get(j), values.get(i)),
              outs.get(j).changedSince(outs.get(i)), "output " + j + " since output " + i);
        }
        assertArrayEquals(differences(values.get(i), values.get(0)),
            outs.get(i).changedSince(ScaledIntegerVector.copyOf(RationalVector.of(
                values.get(0)))), "against a copy");
      }
    };
    if (otherThread == 1) {
      CompletableFuture.runAsync(compare).join();
    } else {
      compare.run();
    }
  }
}
