package org.loopmlp.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An integer vector that is one version of a {@link Store}: the output of one pass of {@link
 * IncrementalBackend}. Immutable as seen from outside, and made without copying the vector: the
 * store holds the newest version's values in one array and updates it in place; the version it
 * replaces keeps only the old values of the entries that changed (a persistent array in the
 * manner of Baker's "shallow binding"). Reading the newest version costs one array read; an
 * older version (or any version read from another thread than the store's owner) is rebuilt
 * once from the newest one, walking the differences back, and then reads its own copy.
 *
 * <p>Cost: a version that is still referenced keeps the differences of every later pass until
 * it is first read, O(changed entries) per pass; a version no longer referenced is garbage, as
 * newer versions never point to older ones.
 */
final class VersionedVector implements StateVector {
  private final Store store;
  /** This version's own values once rebuilt (never written again); null until then. */
  private volatile long[] own;
  /** Set when this version is replaced: the entries that changed, their values here, and the newer version. Guarded by the store. */
  private int[] diffIndex;
  private long[] diffOld;
  private VersionedVector newer;

  private VersionedVector(Store store) {
    this.store = store;
  }

  /** The values of successive versions: the newest in place, owned by one thread. */
  static final class Store {
    private final Thread owner;
    private final long[] current;
    private VersionedVector latest;

    /** A store whose first version holds {@code values} (given up by the caller). */
    Store(Thread owner, long[] values) {
      this.owner = owner;
      this.current = values;
      this.latest = new VersionedVector(this);
    }

    VersionedVector latest() {
      return latest;
    }

    /**
     * A new latest version: the current one with entry {@code index[j]} increased by {@code
     * delta[j]} for {@code j < n}, indices distinct. Only the owner calls this.
     */
    synchronized VersionedVector advance(int[] index, long[] delta, int n) {
      VersionedVector prev = latest;
      VersionedVector next = new VersionedVector(this);
      int[] changed = Arrays.copyOf(index, n);
      long[] old = new long[n];
      for (int j = 0; j < n; j++) {
        old[j] = current[changed[j]];
        current[changed[j]] = old[j] + delta[j];
      }
      prev.diffIndex = changed;
      prev.diffOld = old;
      prev.newer = next;
      latest = next;
      return next;
    }
  }

  /** The values, not to be written: the store's array when the caller owns the latest version. */
  long[] valuesForReading() {
    long[] o = own;
    if (o != null) {
      return o;
    }
    Store s = store;
    if (Thread.currentThread() == s.owner && s.latest == this) {
      return s.current;
    }
    return rebuilt();
  }

  /** True when this is the newest version of {@code s}. */
  boolean isLatestOf(Store s) {
    return store == s && s.latest == this;
  }

  long valueAt(int i) {
    long[] o = own;
    if (o != null) {
      return o[i];
    }
    Store s = store;
    if (Thread.currentThread() == s.owner && s.latest == this) {
      return s.current[i];
    }
    return rebuilt()[i];
  }

  /**
   * This version's values, rebuilt once: from the nearest newer version that has its own copy
   * (or the store's current values), undoing each replacement from the newest back to this one.
   */
  private long[] rebuilt() {
    synchronized (store) {
      if (own != null) {
        return own;
      }
      List<VersionedVector> chain = new ArrayList<>();
      VersionedVector v = this;
      while (v.own == null && v != store.latest) {
        chain.add(v);
        v = v.newer;
      }
      long[] values = (v.own != null ? v.own : store.current).clone();
      for (int c = chain.size() - 1; c >= 0; c--) {
        VersionedVector u = chain.get(c);
        for (int j = 0; j < u.diffIndex.length; j++) {
          values[u.diffIndex[j]] = u.diffOld[j];
        }
      }
      own = values;
      diffIndex = null;
      diffOld = null;
      newer = null;
      return values;
    }
  }

  /**
   * Against an earlier version of the same store, O(entries changed in between): the entries
   * each replacement from {@code earlier} up to this version changed, with {@code earlier}'s
   * value taken from the first replacement that changed it (its {@code diffOld}), kept where
   * this version's value differs. Any other vector (a later version, another store's, or an
   * earlier version whose differences were dropped when it was rebuilt) is compared entry by
   * entry.
   */
  @Override
  public int[] changedSince(StateVector earlier) {
    if (earlier == this) {
      return new int[0];
    }
    if (earlier instanceof VersionedVector v && v.store == store) {
      int[] r = changesSince(v);
      if (r != null) {
        return r;
      }
    }
    if (earlier instanceof ScaledIntegerVector || earlier instanceof VersionedVector) {
      // integers as longs on both sides: one pass over two arrays
      return ScaledIntegerVector.wrapLongs(valuesForReading())
          .changedSince(ScaledIntegerVector.copyOf(earlier));
    }
    return StateVector.super.changedSince(earlier);
  }

  /** The entries that differ from {@code earlier}, or null when no chain leads from it to this. */
  private int[] changesSince(VersionedVector earlier) {
    int total = 0;
    int links = 0;
    int[][] idx;
    long[][] old;
    synchronized (store) {
      for (VersionedVector u = earlier; u != this; u = u.newer) {
        if (u.newer == null) {
          return null;
        }
        total += u.diffIndex.length;
        links++;
      }
      idx = new int[links][];
      old = new long[links][];
      VersionedVector u = earlier;
      for (int k = 0; k < links; k++, u = u.newer) {
        idx[k] = u.diffIndex;
        old[k] = u.diffOld;
      }
    }
    // (index << 32 | position in the walk), sorted: each index's first replacement comes first
    long[] order = new long[total];
    long[] earlierValue = new long[total];
    int p = 0;
    for (int k = 0; k < links; k++) {
      for (int j = 0; j < idx[k].length; j++, p++) {
        order[p] = (long) idx[k][j] << 32 | p;
        earlierValue[p] = old[k][j];
      }
    }
    Arrays.sort(order);
    int[] changed = new int[total];
    int n = 0;
    for (int q = 0; q < total; q++) {
      int i = (int) (order[q] >>> 32);
      if (q > 0 && (int) (order[q - 1] >>> 32) == i) {
        continue;
      }
      if (valueAt(i) != earlierValue[(int) order[q]]) {
        changed[n++] = i;
      }
    }
    return Arrays.copyOf(changed, n);
  }

  @Override
  public int dimension() {
    return store.current.length;
  }

  @Override
  public Rational get(int i) {
    return Rational.of(valueAt(i));
  }

  @Override
  public boolean isZero(int i) {
    return valueAt(i) == 0;
  }

  @Override
  public boolean isOne(int i) {
    return valueAt(i) == 1;
  }

  @Override
  public String toString() {
    return Arrays.toString(valuesForReading());
  }
}
