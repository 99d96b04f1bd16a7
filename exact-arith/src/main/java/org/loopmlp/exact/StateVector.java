package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A vector as a backend holds it. Each backend has its own representation (rationals, scaled
 * longs, doubles, floats); every representation can report each entry as an exact rational (for a
 * floating-point backend: the exact value of the float it holds).
 */
public interface StateVector {
  int dimension();

  /** The exact value of entry {@code i}. */
  Rational get(int i);

  /** True when entry {@code i} is exactly 0. */
  default boolean isZero(int i) {
    return get(i).isZero();
  }

  /** True when entry {@code i} is exactly 1. */
  default boolean isOne(int i) {
    return get(i).equals(Rational.ONE);
  }

  default Rational[] toRationals() {
    Rational[] r = new Rational[dimension()];
    for (int i = 0; i < r.length; i++) {
      r[i] = get(i);
    }
    return r;
  }

  /**
   * This vector with entry {@code index[j]} replaced by the integer {@code values[j]} for every
   * {@code j}; the indices distinct, each below the dimension. A view that does not copy this
   * vector (O(edits log edits) to make), read like any other vector by every backend; the {@code
   * incremental} backend, given an edit of its own last output, takes that output's changes
   * merged with the edits as the pass's input changes without reading the vector.
   */
  default StateVector withEntries(int[] index, long[] values) {
    return EditedVector.of(this, index, values);
  }

  /**
   * The indices, in increasing order, of the entries whose exact value differs from {@code
   * earlier}'s (a vector of the same dimension). O(dimension) in general; a version of the
   * {@code incremental} backend's output against an earlier version of the same run costs
   * O(entries changed in between), an edited vector against its base O(edits).
   *
   * @throws ArithmeticException where an entry compared has no exact value (a non-finite float
   *     beside a vector of another representation)
   */
  default int[] changedSince(StateVector earlier) {
    checkNotNull(earlier, "earlier");
    checkArgument(earlier.dimension() == dimension(), "dimension %s, earlier vector %s",
        dimension(), earlier.dimension());
    int[] changed = new int[16];
    int n = 0;
    for (int i = 0; i < dimension(); i++) {
      if (!get(i).equals(earlier.get(i))) {
        if (n == changed.length) {
          changed = Arrays.copyOf(changed, 2 * n);
        }
        changed[n++] = i;
      }
    }
    return Arrays.copyOf(changed, n);
  }
}
