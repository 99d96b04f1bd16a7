package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A vector that is another one with a few entries replaced by integers ({@link
 * StateVector#withEntries}): a view that keeps the base and the replaced entries, so making it
 * costs O(edits log edits) whatever the dimension. Immutable (its base is). The {@code
 * incremental} backend recognises an edit of its own last output and takes as the pass's
 * changes the last pass's output changes merged with the edits, without reading the vector
 * ({@link IncrementalEvaluator}); every other reader sees an ordinary vector.
 */
final class EditedVector implements StateVector {
  /** Never an {@code EditedVector}: edits of an edited vector are merged into one. */
  private final StateVector base;
  /** The replaced entries, ascending and distinct, and their values. */
  private final int[] index;
  private final long[] values;

  private EditedVector(StateVector base, int[] index, long[] values) {
    this.base = base;
    this.index = index;
    this.values = values;
  }

  /**
   * {@code base} with entry {@code index[j]} replaced by {@code values[j]}; the indices distinct
   * and within the dimension. Edits of an edited vector replace the same base's entries, the
   * later value winning.
   */
  static EditedVector of(StateVector base, int[] index, long[] values) {
    checkNotNull(base, "base");
    checkArgument(index.length == values.length, "%s indices but %s values", index.length,
        values.length);
    int n = base.dimension();
    // (index << 32 | position), sorted: the indices in increasing order with their positions
    long[] order = new long[index.length];
    for (int j = 0; j < index.length; j++) {
      checkArgument(index[j] >= 0 && index[j] < n, "index %s outside dimension %s", index[j], n);
      order[j] = (long) index[j] << 32 | j;
    }
    Arrays.sort(order);
    int[] idx = new int[index.length];
    long[] val = new long[index.length];
    for (int j = 0; j < order.length; j++) {
      idx[j] = (int) (order[j] >>> 32);
      val[j] = values[(int) order[j]];
      checkArgument(j == 0 || idx[j - 1] != idx[j], "index %s replaced twice", idx[j]);
    }
    if (base instanceof EditedVector e) {
      return merged(e, idx, val);
    }
    return new EditedVector(base, idx, val);
  }

  /** {@code e}'s edits and then {@code idx}/{@code val} (both ascending) over {@code e}'s base. */
  private static EditedVector merged(EditedVector e, int[] idx, long[] val) {
    int[] mi = new int[e.index.length + idx.length];
    long[] mv = new long[mi.length];
    int a = 0;
    int b = 0;
    int m = 0;
    while (a < e.index.length || b < idx.length) {
      if (b == idx.length || (a < e.index.length && e.index[a] < idx[b])) {
        mi[m] = e.index[a];
        mv[m++] = e.values[a++];
      } else {
        if (a < e.index.length && e.index[a] == idx[b]) {
          a++;
        }
        mi[m] = idx[b];
        mv[m++] = val[b++];
      }
    }
    return new EditedVector(e.base, Arrays.copyOf(mi, m), Arrays.copyOf(mv, m));
  }

  /** The vector the edits apply to. */
  StateVector base() {
    return base;
  }

  /** Number of replaced entries. */
  int edits() {
    return index.length;
  }

  /** The {@code j}-th replaced entry (ascending order). */
  int editIndex(int j) {
    return index[j];
  }

  /** The value of the {@code j}-th replaced entry. */
  long editValue(int j) {
    return values[j];
  }

  /** The position of entry {@code i} among the replaced ones, or a negative number. */
  int find(int i) {
    return Arrays.binarySearch(index, i);
  }

  /**
   * The entries as a fresh array of longs when the base holds integers as longs ({@link
   * VersionedVector}, an integer {@link ScaledIntegerVector} of longs); otherwise null.
   */
  long[] longsOrNull() {
    long[] b = null;
    if (base instanceof VersionedVector v) {
      b = v.valuesForReading();
    } else if (base instanceof ScaledIntegerVector s && s.isInteger()) {
      b = s.longsUnsafe();
    }
    if (b == null) {
      return null;
    }
    long[] r = b.clone();
    for (int j = 0; j < index.length; j++) {
      r[index[j]] = values[j];
    }
    return r;
  }

  @Override
  public int dimension() {
    return base.dimension();
  }

  @Override
  public Rational get(int i) {
    int j = find(i);
    return j >= 0 ? Rational.of(values[j]) : base.get(i);
  }

  @Override
  public boolean isZero(int i) {
    int j = find(i);
    return j >= 0 ? values[j] == 0 : base.isZero(i);
  }

  @Override
  public boolean isOne(int i) {
    int j = find(i);
    return j >= 0 ? values[j] == 1 : base.isOne(i);
  }

  @Override
  public Rational[] toRationals() {
    Rational[] r = base.toRationals();
    for (int j = 0; j < index.length; j++) {
      r[index[j]] = Rational.of(values[j]);
    }
    return r;
  }

  /** Against its own base: only the replaced entries can differ, O(edits). */
  @Override
  public int[] changedSince(StateVector earlier) {
    if (earlier != base) {
      return StateVector.super.changedSince(earlier);
    }
    int[] r = new int[index.length];
    int n = 0;
    for (int j = 0; j < index.length; j++) {
      if (!base.get(index[j]).equals(Rational.of(values[j]))) {
        r[n++] = index[j];
      }
    }
    return Arrays.copyOf(r, n);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(base.toString()).append(" with");
    for (int j = 0; j < index.length; j++) {
      s.append(' ').append(index[j]).append(":=").append(values[j]);
    }
    return s.toString();
  }
}
