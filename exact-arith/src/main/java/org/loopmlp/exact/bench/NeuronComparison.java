package org.loopmlp.exact.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.StateVector;

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
   * Loops {@code reference} and {@code tested} (each on its own previous output) for up to
   * {@code maxPasses} passes or until {@code deadlineNanos} ({@link System#nanoTime}), at least
   * one pass, comparing every layer's output; stops at the first difference.
   */
  public static Result loop(Backend.Compiled reference, Backend.Compiled tested,
      StateVector input, int maxPasses, long deadlineNanos) {
    checkArgument(reference.network().equals(tested.network()),
        "the two must evaluate the same network");
    StateVector xr = reference.load(input);
    StateVector xt = tested.load(input);
    long neurons = 0;
    int pass = 0;
    while (pass < maxPasses && (pass == 0 || System.nanoTime() < deadlineNanos)) {
      List<Rational[]> expected = new ArrayList<>();
      xr = reference.apply(xr, (i, layer, out) -> expected.add(out.toRationals()));
      int p = pass;
      String[] difference = {null};
      long[] count = {0};
      xt = tested.apply(xt, (i, layer, out) -> {
        if (difference[0] != null) {
          return;
        }
        Rational[] e = expected.get(i);
        for (int r = 0; r < e.length; r++) {
          Rational got = out.get(r);
          if (!e[r].equals(got)) {
            difference[0] = "pass " + p + ", layer " + i + " (" + layer.label() + "), neuron "
                + r + ": dense " + e[r] + ", got " + got;
            return;
          }
        }
        count[0] += e.length;
      });
      neurons += count[0];
      pass++;
      if (difference[0] != null) {
        return new Result(pass, neurons, Optional.of(difference[0]));
      }
      if (count[0] != expected.stream().mapToLong(a -> a.length).sum()) {
        return new Result(pass, neurons, Optional.of("pass " + p + ": the tested evaluator"
            + " reported " + count[0] + " neurons, dense " + expected.stream()
            .mapToLong(a -> a.length).sum()));
      }
    }
    return new Result(pass, neurons, Optional.empty());
  }
}
