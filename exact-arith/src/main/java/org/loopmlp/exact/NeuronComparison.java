package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Two compiled forms of one network looped side by side from the same input, every neuron of
 * every layer of every pass compared: how a benchmark shows that the evaluator it timed computes
 * what dense exact evaluation computes.
 */
public final class NeuronComparison {
  private NeuronComparison() {}

  /** The outcome: passes compared, neurons compared, and the first difference if any. */
  public record Result(int passes, long neurons, Optional<String> firstDifference) {
    public boolean allEqual() {
      return firstDifference.isEmpty();
    }
  }

  /**
   * Loops {@code reference} and {@code tested} (each on its own previous output) for at least
   * {@code minPasses} passes and then until {@code deadlineNanos} ({@link System#nanoTime}) or
   * {@code maxPasses}, comparing every layer's output; stops at the first difference.
   */
  public static Result loop(Backend.Compiled reference, Backend.Compiled tested,
      StateVector input, int minPasses, int maxPasses, long deadlineNanos) {
    checkArgument(reference.network().equals(tested.network()),
        "the two must evaluate the same network");
    StateVector xr = reference.load(input);
    StateVector xt = tested.load(input);
    long neurons = 0;
    int pass = 0;
    while (pass < maxPasses && (pass < minPasses || System.nanoTime() < deadlineNanos)) {
      List<Object> expected = new ArrayList<>();
      // An exact backend's layer outputs are immutable scaled-integer vectors and can be kept;
      // any other representation is copied while it is valid.
      xr = reference.apply(xr, (i, layer, out) -> expected.add(
          out instanceof ScaledIntegerVector ? out : out.toRationals()));
      int p = pass;
      String[] difference = {null};
      long[] count = {0};
      int[] layers = {0};
      xt = tested.apply(xt, (i, layer, out) -> {
        layers[0]++;
        if (difference[0] != null) {
          return;
        }
        Optional<String> d = firstDifference(expected.get(i), out);
        if (d.isPresent()) {
          difference[0] = "pass " + p + ", layer " + i + " (" + layer.label() + "), "
              + d.get();
        } else {
          count[0] += out.dimension();
        }
      });
      neurons += count[0];
      pass++;
      if (difference[0] == null && layers[0] != expected.size()) {
        difference[0] = "pass " + p + ": " + layers[0] + " layers observed, dense "
            + expected.size();
      }
      if (difference[0] != null) {
        return new Result(pass, neurons, Optional.of(difference[0]));
      }
    }
    return new Result(pass, neurons, Optional.empty());
  }

  /** The first neuron where {@code actual} differs from {@code expected}, if any. */
  private static Optional<String> firstDifference(Object expected, StateVector actual) {
    long[] a = actual instanceof LongArrayView ? ((LongArrayView) actual).values() : null;
    if (expected instanceof ScaledIntegerVector s && s.isInteger() && s.isLongForm()
        && a != null) {
      int i = Arrays.mismatch(s.longsUnsafe(), a);
      return i < 0 ? Optional.empty() : Optional.of(i >= a.length || i >= s.dimension()
          ? "dimension " + a.length + ", dense " + s.dimension()
          : "neuron " + i + ": dense " + s.get(i) + ", got " + actual.get(i));
    }
    Rational[] e = expected instanceof StateVector v ? v.toRationals() : (Rational[]) expected;
    if (e.length != actual.dimension()) {
      return Optional.of("dimension " + actual.dimension() + ", dense " + e.length);
    }
    for (int i = 0; i < e.length; i++) {
      if (!e[i].equals(actual.get(i))) {
        return Optional.of("neuron " + i + ": dense " + e[i] + ", got " + actual.get(i));
      }
    }
    return Optional.empty();
  }
}
