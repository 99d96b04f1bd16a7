package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;

/**
 * The {@code incremental} backend against dense {@code exact} evaluation: every neuron of every
 * layer of every pass equal, on random networks (looped: the output space is the input space)
 * fed random schedules of inputs: the previous output (the looped network), the previous output
 * with a few entries replaced (a host writing ports between passes), the same input object
 * again, an equal copy, a few entries changed, every entry changed. A deliberately broken
 * incremental evaluator ({@link FaultyIncrementalBackend}) is caught by the same check.
 */
@StatisticsReport(onFailureOnly = true)
class IncrementalProperties {
  /** How one pass's input is made from the previous pass. */
  enum Kind {
    /** The tested backend's own previous output (the looped network). */
    LOOP,
    /**
     * That output with a few entries replaced by {@link StateVector#withEntries} (some of them
     * perhaps to the value they already hold).
     */
    LOOP_EDITED,
    /** The very same input object again: nothing changes. */
    SAME_OBJECT,
    /** A new vector equal to the previous input: nothing changes, but it must be read. */
    EQUAL_COPY,
    /** A few entries replaced. */
    SOME,
    /** Every entry replaced. */
    ALL
  }

  /** One pass: its kind, new values (used by SOME and ALL) and whether a layer observer runs. */
  record Step(Kind kind, List<Long> values, List<Boolean> replace, boolean observed) {}

  /** A looped network, its first input and the passes to run. */
  record Schedule(Network network, List<Long> first, List<Step> steps) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("network " + network + ", first input " + first);
      for (SparseLayer l : network.layers()) {
        s.append("\n  layer ").append(l.label()).append(':');
        for (int r = 0; r < l.outputDimension(); r++) {
          s.append(" [b=").append(l.bias(r));
          for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
            s.append(' ').append(l.weight(k)).append("*x").append(l.column(k));
          }
          s.append(']');
        }
      }
      steps.forEach(st -> s.append("\n  ").append(st));
      return s.toString();
    }
  }

  // ---- generators ----

  /** Mostly small integers; sometimes values near 2^61 (the long fast path must hand over). */
  static Arbitrary<Long> inputValues(boolean huge) {
    Arbitrary<Long> small = Arbitraries.longs().between(-3, 3);
    if (!huge) {
      return small;
    }
    return Arbitraries.frequencyOf(Tuple.of(10, small),
        Tuple.of(1, Arbitraries.longs().between(-3, 3).map(d -> (1L << 61) + d)));
  }

  /** Integer weights; with {@code wide}, now and then a fraction or a weight near 2^62. */
  static Arbitrary<Rational> weights(boolean wide) {
    Arbitrary<Rational> small = Arbitraries.longs().between(-3, 3).map(Rational::of);
    if (!wide) {
      return small;
    }
    return Arbitraries.frequencyOf(Tuple.of(20, small),
        Tuple.of(1, Arbitraries.longs().between(1, 3).map(d -> Rational.of(1, d + 1))),
        Tuple.of(1, Arbitraries.longs().between(1, 3).map(d -> Rational.of((1L << 62) - d))));
  }

  static Arbitrary<SparseLayer> layer(int in, int out, Arbitrary<Rational> values, int label) {
    Arbitrary<SparseLayer.Row> row = Combinators.combine(values,
        Arbitraries.integers().between(0, in - 1).list().ofMaxSize(Math.min(in, 5)),
        values.list().ofSize(5)).as((b, cols, ws) -> {
          SparseLayer.Row r = SparseLayer.Row.withBias(b);
          for (int i = 0; i < cols.size(); i++) {
            r.plus(cols.get(i), ws.get(i));
          }
          return r;
        });
    return row.list().ofSize(out).map(rows -> {
      SparseLayer.Builder b = SparseLayer.builder(in).label("L" + label);
      rows.forEach(b::addRow);
      return b.build();
    });
  }

  /** Networks of 1 to 4 layers, widths 1 to 8, whose output space is their input space. */
  static Arbitrary<Network> loopedNetworks(boolean wide) {
    return Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(4)
        .flatMap(hidden -> {
          List<Integer> dims = new ArrayList<>(hidden);
          dims.add(hidden.get(0));
          List<Arbitrary<SparseLayer>> ls = new ArrayList<>();
          for (int i = 0; i + 1 < dims.size(); i++) {
            ls.add(layer(dims.get(i), dims.get(i + 1), weights(wide), i));
          }
          return Combinators.combine(ls).as(Network::of);
        });
  }

  static Arbitrary<Schedule> schedules(boolean hugeInputs, boolean wideWeights) {
    return loopedNetworks(wideWeights).flatMap(n -> {
      int dim = n.inputDimension();
      Arbitrary<Step> step = Combinators.combine(
          Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Kind.LOOP)),
              Tuple.of(5, Arbitraries.just(Kind.LOOP_EDITED)),
              Tuple.of(1, Arbitraries.just(Kind.SAME_OBJECT)),
              Tuple.of(1, Arbitraries.just(Kind.EQUAL_COPY)),
              Tuple.of(3, Arbitraries.just(Kind.SOME)),
              Tuple.of(1, Arbitraries.just(Kind.ALL))),
          inputValues(hugeInputs).list().ofSize(dim),
          Arbitraries.of(true, false, false).list().ofSize(dim),
          Arbitraries.of(true, false)).as(Step::new);
      return Combinators.combine(inputValues(hugeInputs).list().ofSize(dim),
          step.list().ofMinSize(1).ofMaxSize(12)).as((first, steps) -> new Schedule(n, first,
          steps));
    });
  }

  /**
   * Mostly small integers; one schedule in ten with inputs near 2^61 (long arithmetic is not
   * safe and passes are handed over to exact), one in ten with fractions or weights near 2^62.
   */
  @Provide
  Arbitrary<Schedule> schedules() {
    return Arbitraries.frequencyOf(Tuple.of(8, schedules(false, false)),
        Tuple.of(1, schedules(true, false)), Tuple.of(1, schedules(false, true)));
  }

  /** Small integers only: what {@link FaultyIncrementalBackend} evaluates. */
  @Provide
  Arbitrary<Schedule> smallSchedules() {
    return schedules(false, false);
  }

  // ---- the differential check ----

  /**
   * Runs the schedule on {@code tested} and on the dense {@code exact} backend side by side and
   * fails at the first neuron of the first layer of the first pass where they differ; every
   * output is compared again at the end (outputs must not change when later passes run), and
   * with {@code otherThread} also read from another thread.
   */
  static void agreesWithExact(Backend tested, Schedule s, boolean otherThread) {
    Backend.Compiled t = tested.compile(s.network());
    Backend.Compiled e = ExactBackend.INSTANCE.compile(s.network());
    StateVector inT = ScaledIntegerVector.ofLongs(longs(s.first()));
    StateVector inE = inT;
    List<StateVector> outputs = new ArrayList<>();
    List<Rational[]> expectedOutputs = new ArrayList<>();
    for (int pass = 0; pass <= s.steps().size(); pass++) {
      Step step = pass == 0 ? null : s.steps().get(pass - 1);
      if (step != null) {
        switch (step.kind()) {
          case LOOP -> {
            inT = outputs.get(pass - 1);
            inE = ScaledIntegerVector.copyOf(RationalVector.of(expectedOutputs.get(pass - 1)));
          }
          case LOOP_EDITED -> {
            int[] idx = edited(step);
            long[] values = new long[idx.length];
            Rational[] x = expectedOutputs.get(pass - 1).clone();
            for (int j = 0; j < idx.length; j++) {
              values[j] = step.values().get(idx[j]);
              x[idx[j]] = Rational.of(values[j]);
            }
            inT = outputs.get(pass - 1).withEntries(reversed(idx), reversed(values));
            inE = ScaledIntegerVector.copyOf(RationalVector.of(x));
          }
          case SAME_OBJECT -> { }
          case EQUAL_COPY -> {
            inE = RationalVector.of(inE.toRationals());
            inT = ScaledIntegerVector.copyOf(inE);
          }
          case SOME, ALL -> {
            Rational[] x = inE.toRationals();
            for (int i = 0; i < x.length; i++) {
              if (step.kind() == Kind.ALL || step.replace().get(i)) {
                x[i] = Rational.of(step.values().get(i));
              }
            }
            inE = RationalVector.of(x);
            inT = ScaledIntegerVector.copyOf(inE);
          }
        }
      }
      List<Rational[]> expected = new ArrayList<>();
      StateVector outE = e.apply(inE, (i, l, out) -> expected.add(out.toRationals()));
      boolean observed = step == null || step.observed();
      List<Rational[]> actual = new ArrayList<>();
      StateVector outT = t.apply(inT, observed
          ? (i, l, out) -> actual.add(out.toRationals()) : LayerObserver.NONE);
      if (observed) {
        assertEquals(expected.size(), actual.size(), "pass " + pass + ": layers observed");
        for (int l = 0; l < expected.size(); l++) {
          assertNeuronsEqual(expected.get(l), actual.get(l), "pass " + pass + ", layer " + l);
        }
      }
      assertNeuronsEqual(outE.toRationals(), outT.toRationals(), "pass " + pass + ", output");
      outputs.add(outT);
      expectedOutputs.add(outE.toRationals());
    }
    List<Rational[]> late = otherThread ? CompletableFuture.supplyAsync(
        () -> outputs.stream().map(StateVector::toRationals).toList()).join() : null;
    for (int pass = 0; pass < outputs.size(); pass++) {
      if (otherThread) {
        assertNeuronsEqual(expectedOutputs.get(pass), late.get(pass),
            "output of pass " + pass + " read from another thread after the run");
      }
      assertNeuronsEqual(expectedOutputs.get(pass), outputs.get(pass).toRationals(),
          "output of pass " + pass + " read after the run");
    }
  }

  private static void assertNeuronsEqual(Rational[] expected, Rational[] actual, String where) {
    assertEquals(expected.length, actual.length, where + ": dimension");
    for (int i = 0; i < expected.length; i++) {
      if (!expected[i].equals(actual[i])) {
        fail(where + ", neuron " + i + ": exact " + expected[i] + ", got " + actual[i]
            + "\n  exact " + Arrays.toString(expected) + "\n  got   " + Arrays.toString(actual));
      }
    }
  }

  /** The entries a step replaces (those its {@code replace} flags mark), ascending. */
  private static int[] edited(Step step) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < step.replace().size(); i++) {
      if (step.replace().get(i)) {
        r.add(i);
      }
    }
    return r.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The edits given in descending order: {@code withEntries} takes any order. */
  private static int[] reversed(int[] a) {
    int[] r = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  private static long[] reversed(long[] a) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /** The incremental backend whose every compile returns {@code probe}, to read its stats. */
  private static Backend compiledAs(IncrementalBackend.Compiled probe) {
    return new Backend() {
      @Override
      public String name() {
        return "incremental";
      }

      @Override
      public boolean isExact() {
        return true;
      }

      @Override
      public Compiled compile(Network network) {
        return probe;
      }
    };
  }

  // ---- properties ----

  @Property(tries = 300, seed = "20261129")
  void incrementalEqualsExactOnEveryNeuronOfEveryPass(@ForAll("schedules") Schedule s) {
    IncrementalBackend.Compiled probe = IncrementalBackend.INSTANCE.compile(s.network());
    agreesWithExact(compiledAs(probe), s, true);
    IncrementalBackend.Stats st = probe.stats();
    Statistics.label("path").collect(!probe.isIncremental() ? "exact (fractions or huge weights)"
        : st.exactPasses() > 0 ? "handed over to exact in some pass"
        : st.incrementalLayers() > 0 && st.denseLayers() > s.network().depth()
            ? "incremental and dense"
        : st.incrementalLayers() > 0 ? "incremental" : "dense only");
    s.steps().forEach(step -> Statistics.label("step").collect(step.kind()));
    Statistics.label("path").coverage(c -> {
      c.check("incremental").percentage(p -> p > 20);
      c.check("incremental and dense").percentage(p -> p > 1);
      c.check("handed over to exact in some pass").percentage(p -> p > 1);
      c.check("exact (fractions or huge weights)").percentage(p -> p > 1);
    });
  }

  /** The fixture without a fault agrees, so what the faulty ones fail on is their fault. */
  @Property(tries = 300, seed = "20261129")
  void faultFreeFixtureEqualsExact(@ForAll("smallSchedules") Schedule s) {
    agreesWithExact(new FaultyIncrementalBackend(FaultyIncrementalBackend.Fault.NONE), s, false);
  }

  @Property(tries = 300, seed = "20261129", shrinking = net.jqwik.api.ShrinkingMode.OFF)
  @AddLifecycleHook(ExpectCounterexample.class)
  void droppedColumnIsFound(@ForAll("smallSchedules") Schedule s) {
    agreesWithExact(new FaultyIncrementalBackend(FaultyIncrementalBackend.Fault.DROPPED_COLUMN),
        s, false);
  }

  @Property(tries = 300, seed = "20261129", shrinking = net.jqwik.api.ShrinkingMode.OFF)
  @AddLifecycleHook(ExpectCounterexample.class)
  void staleEntryIsFound(@ForAll("smallSchedules") Schedule s) {
    agreesWithExact(new FaultyIncrementalBackend(FaultyIncrementalBackend.Fault.STALE_ENTRY), s,
        false);
  }

  @Property(tries = 50, seed = "20261129")
  void parallelExactEqualsExact(@ForAll("schedules") Schedule s) {
    agreesWithExact(ParallelExactBackend.INSTANCE, s, false);
  }

  // ---- large layers: several row chunks, dense fallback on many cores ----

  @Test
  void largeLayerAgreesAcrossChunksAndChangePatterns() {
    Network n = org.loopmlp.exact.bench.BackendBenchmark.randomLayer(200_000, 10, 7);
    int dim = n.inputDimension();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    List<Step> steps = new ArrayList<>();
    Kind[] kinds = {Kind.LOOP, Kind.SOME, Kind.SAME_OBJECT, Kind.ALL, Kind.LOOP, Kind.EQUAL_COPY,
        Kind.SOME, Kind.LOOP, Kind.LOOP_EDITED, Kind.LOOP_EDITED, Kind.LOOP, Kind.LOOP_EDITED};
    for (Kind k : kinds) {
      List<Long> values = new ArrayList<>();
      List<Boolean> replace = new ArrayList<>();
      for (int i = 0; i < dim; i++) {
        values.add((long) rnd.nextInt(4));
        replace.add(rnd.nextInt(1000) == 0);
      }
      steps.add(new Step(k, values, replace, k != Kind.LOOP));
    }
    List<Long> first = new ArrayList<>();
    for (int i = 0; i < dim; i++) {
      first.add((long) rnd.nextInt(4));
    }
    Schedule s = new Schedule(n, first, steps);
    IncrementalBackend.Compiled probe = IncrementalBackend.INSTANCE.compile(n);
    agreesWithExact(compiledAs(probe), s, true);
    IncrementalBackend.Stats st = probe.stats();
    assertTrue(st.incrementalLayers() > 0 && st.denseLayers() > 1, "both paths ran: " + st);
    agreesWithExact(ParallelExactBackend.INSTANCE, s, false);
  }

  /** The check {@code loopmlp bench} prints: it holds for incremental, and can fail. */
  @Test
  void neuronComparisonPassesIncrementalAndFindsABrokenUpdate() {
    Network n = org.loopmlp.exact.bench.BackendBenchmark.randomLayer(20_000, 10, 3);
    StateVector x = org.loopmlp.exact.bench.BackendBenchmark.randomInput(n.inputDimension(), 4);
    NeuronComparison.Result ok = NeuronComparison.loop(ExactBackend.INSTANCE.compile(n),
        IncrementalBackend.INSTANCE.compile(n), x, 5, 5, 0);
    assertTrue(ok.allEqual(), ok.toString());
    assertEquals(5, ok.passes());
    assertEquals(5L * n.outputDimension(), ok.neurons());
    NeuronComparison.Result broken = NeuronComparison.loop(ExactBackend.INSTANCE.compile(n),
        new FaultyIncrementalBackend(FaultyIncrementalBackend.Fault.DROPPED_COLUMN).compile(n),
        x, 5, 5, 0);
    assertTrue(broken.firstDifference().orElse("").contains("neuron"), broken.toString());
  }

  @Test
  void rowChunksCoverEveryRowOnce() {
    int[] rowStart = {0, 5, 5, 6, 20, 21, 30};
    for (int parts = 1; parts <= 8; parts++) {
      RowChunks c = RowChunks.split(rowStart, 6, parts);
      assertEquals(0, c.from(0));
      assertEquals(6, c.to(c.count() - 1));
      for (int i = 0; i + 1 < c.count(); i++) {
        assertEquals(c.to(i), c.from(i + 1));
        assertTrue(c.from(i) <= c.to(i));
      }
    }
  }

  @Test
  void maxSafeInputKeepsTwiceTheRowSumTimesTheInputBelowTheBound() {
    long m = IncrementalLayer.maxSafeInput(1000, 7);
    assertTrue(2 * 1000 * m + 7 < ExactBackend.SAFE_BOUND);
    assertTrue(2 * 1000 * (m + 1) + 7 >= ExactBackend.SAFE_BOUND);
    assertEquals(-1, IncrementalLayer.maxSafeInput(1, ExactBackend.SAFE_BOUND));
    assertEquals(Long.MAX_VALUE, IncrementalLayer.maxSafeInput(0, 0));
    assertEquals(0, IncrementalLayer.maxSafeInput(Long.MAX_VALUE, 0));
  }
}
