package org.loopmlp.exact;

/**
 * The per-thread state and the pass of {@link IncrementalBackend}: every layer's
 * pre-activations {@code z} and outputs {@code y} from the previous pass, the previous input
 * {@code x0}, and bounds on their magnitudes. See {@link IncrementalBackend} for the method and
 * why it is exact. Not thread-safe: one instance per thread.
 */
final class IncrementalEvaluator {
  private final IncrementalBackend.Compiled compiled;
  private final IncrementalLayer[] layers;
  private final Thread thread = Thread.currentThread();

  /** True when {@code x0}, {@code z}, {@code y} and the store hold the last pass's values. */
  private boolean valid;
  /** The input of the last pass, and a bound {@code >= max |x0_i|}. */
  private final long[] x0;
  private long x0Bound;
  /** Per layer: pre-activations, outputs and a bound {@code >= max y}. */
  private final long[][] z;
  private final long[][] y;
  private final long[] yBound;

  /** The input's changes: entries and their increments. */
  private final int[] inIndex;
  private final long[] inDelta;
  private int inCount;
  /** Two buffers of changed outputs, used by alternate layers; each as long as the widest. */
  private final int[][] outIndex = new int[2][];
  private final long[][] outDelta = new long[2][];
  private final int[] outCount = new int[2];

  /** The outputs of successive passes, and the objects of the last pass. */
  private VersionedVector.Store store;
  private StateVector lastInput;
  private VersionedVector lastOutput;
  /**
   * True when the last pass's input was the output of the pass before it, or that output with
   * the entries {@code lastEdits} replaced (the looped case).
   */
  private boolean lastInputWasPreviousOutput;
  /** The entries the last pass's input replaced ({@link EditedVector}); none for an output. */
  private final int[] lastEdits;
  private int lastEditCount;

  /** This thread's counts (plain fields: no atomic operation per pass). */
  private final IncrementalBackend.Counts counts;

  IncrementalEvaluator(IncrementalBackend.Compiled compiled, IncrementalBackend.Counts counts) {
    this.compiled = compiled;
    this.counts = counts;
    this.layers = compiled.layers().toArray(new IncrementalLayer[0]);
    int n = layers[0].inputDimension();
    this.x0 = new long[n];
    this.inIndex = new int[n];
    this.inDelta = new long[n];
    this.lastEdits = new int[n];
    this.z = new long[layers.length][];
    this.y = new long[layers.length][];
    this.yBound = new long[layers.length];
    int widest = 1;
    for (int i = 0; i < layers.length; i++) {
      z[i] = new long[layers[i].rows()];
      y[i] = new long[layers[i].rows()];
      widest = Math.max(widest, layers[i].rows());
    }
    for (int b = 0; b < 2; b++) {
      outIndex[b] = new int[widest];
      outDelta[b] = new long[widest];
    }
  }

  StateVector apply(StateVector input, LayerObserver observer) {
    boolean fresh = !valid;
    valid = false;
    if (!(fresh ? loadWhole(input) : takeChanges(input))) {
      return exactly(input, observer);
    }
    int last = layers.length - 1;
    int[] idx = inIndex;
    long[] delta = inDelta;
    int n = inCount;
    for (int l = 0; l <= last; l++) {
      IncrementalLayer layer = layers[l];
      long[] x = l == 0 ? x0 : y[l - 1];
      long bound = l == 0 ? x0Bound : yBound[l - 1];
      if (bound > layer.maxSafeInput) {
        return exactlyFrom(l, x, observer);
      }
      int out = l & 1;
      if (fresh || denseIsCheaper(layer, idx, n)) {
        outCount[out] = dense(l, x, outIndex[out], outDelta[out]);
      } else {
        outCount[out] = scatter(l, idx, delta, n, outIndex[out], outDelta[out]);
      }
      counts.changedOutputs += outCount[out];
      if (observer != LayerObserver.NONE) {
        observer.afterLayer(l, layer.dense.source, new LongArrayView(y[l]));
      }
      idx = outIndex[out];
      delta = outDelta[out];
      n = outCount[out];
    }
    VersionedVector output;
    if (fresh) {
      store = new VersionedVector.Store(thread, y[last].clone());
      output = store.latest();
      lastInputWasPreviousOutput = false;
    } else {
      VersionedVector previous = store.latest();
      output = store.advance(idx, delta, n);
      lastInputWasPreviousOutput = versionUnder(input) == previous;
    }
    lastEditCount = 0;
    if (input instanceof EditedVector e) {
      for (int j = 0; j < e.edits(); j++) {
        lastEdits[j] = e.editIndex(j);
      }
      lastEditCount = e.edits();
    }
    lastInput = input;
    lastOutput = output;
    valid = true;
    endPass(false);
    return output;
  }

  /**
   * The first pass, or the first after a hand-over: the whole input into {@code x0}. False when
   * the input is not a vector of longs.
   */
  private boolean loadWhole(StateVector input) {
    long[] in = longs(input);
    if (in == null) {
      return false;
    }
    System.arraycopy(in, 0, x0, 0, x0.length);
    x0Bound = maxAbs(in);
    inCount = 0;
    return true;
  }

  /** The output version {@code input} is or edits, or null. */
  private static VersionedVector versionUnder(StateVector input) {
    if (input instanceof VersionedVector v) {
      return v;
    }
    if (input instanceof EditedVector e && e.base() instanceof VersionedVector v) {
      return v;
    }
    return null;
  }

  /**
   * The entries in which {@code input} differs from the last pass's input, into {@code inIndex}
   * and {@code inDelta}, and {@code x0} updated. The last output given back as input, as it is
   * or with entries replaced, is recognised without reading it ({@link #loopedChanges}). False
   * when the input is not a vector of longs.
   */
  private boolean takeChanges(StateVector input) {
    if (input == lastInput) {
      inCount = 0;
      return true;
    }
    if (lastInputWasPreviousOutput && versionUnder(input) == lastOutput) {
      loopedChanges(input instanceof EditedVector e ? e : null);
      return true;
    }
    long[] in = longs(input);
    if (in == null) {
      return false;
    }
    // x0 + (in - x0) = in also when the difference wraps around, so x0 always ends equal to the
    // input; a difference that wrapped is never used, as the bound then exceeds the safe bound.
    int n = 0;
    long max = 0;
    for (int i = 0; i < in.length; i++) {
      long v = in[i];
      max = Math.max(max, IntegerLayer.absSaturated(v));
      if (v != x0[i]) {
        inIndex[n] = i;
        inDelta[n] = v - x0[i];
        x0[i] = v;
        n++;
      }
    }
    inCount = n;
    x0Bound = max;
    counts.inputChanges += n;
    return true;
  }

  /**
   * The changes when the input is the last output {@code y_k} with the entries of {@code edits}
   * replaced (none when null), and the last input was the output before it {@code y_(k-1)} with
   * the entries {@code lastEdits} replaced. Outside the last pass's output changes {@code C},
   * {@code lastEdits} and {@code edits}, the input is {@code y_k = y_(k-1)}, which is the last
   * input {@code x0}: so only those entries can differ. Each is set to its new value (the edit,
   * else {@code y_k}) and recorded when it differs; an entry met twice differs no longer the
   * second time, so the recorded indices are distinct. O(|C| + edits), every value exact.
   */
  private void loopedChanges(EditedVector edits) {
    long[] now = y[layers.length - 1];
    int n = 0;
    if (edits != null) {
      for (int j = 0; j < edits.edits(); j++) {
        n = change(edits.editIndex(j), edits.editValue(j), n);
      }
    }
    int b = (layers.length - 1) & 1;
    int[] changedOut = outIndex[b];
    for (int j = 0; j < outCount[b]; j++) {
      int i = changedOut[j];
      if (edits == null || edits.find(i) < 0) {
        n = change(i, now[i], n);
      }
    }
    for (int j = 0; j < lastEditCount; j++) {
      int i = lastEdits[j];
      if (edits == null || edits.find(i) < 0) {
        n = change(i, now[i], n);
      }
    }
    inCount = n;
    counts.inputChanges += n;
  }

  /**
   * Entry {@code i} of the input becomes {@code value}: recorded as change {@code n} when it
   * differs from {@code x0}; returns the number of changes recorded.
   */
  private int change(int i, long value, int n) {
    long d = value - x0[i];
    if (d == 0) {
      return n;
    }
    // As in takeChanges: a difference that wraps still leaves x0 equal to the input, and the
    // bound then exceeds the safe bound, so the pass is handed over before it is used.
    inIndex[n] = i;
    inDelta[n] = d;
    x0[i] = value;
    x0Bound = Math.max(x0Bound, IntegerLayer.absSaturated(value));
    return n + 1;
  }

  /** The input's entries as longs (not to be written), or null when they are not all longs. */
  private long[] longs(StateVector input) {
    if (input instanceof VersionedVector) {
      return ((VersionedVector) input).valuesForReading();
    }
    ScaledIntegerVector s = ScaledIntegerVector.copyOf(input);
    return s.isInteger() ? s.longsUnsafe() : null;
  }

  private static long maxAbs(long[] values) {
    long m = 0;
    for (long v : values) {
      m = Math.max(m, IntegerLayer.absSaturated(v));
    }
    return m;
  }

  /**
   * True when the update work of the changed columns (their stored weights), times {@link
   * IncrementalBackend#DENSE_WORK_RATIO}, exceeds the work of a dense evaluation.
   */
  private static boolean denseIsCheaper(IncrementalLayer layer, int[] idx, int n) {
    long limit = layer.denseWork / IncrementalBackend.DENSE_WORK_RATIO;
    long work = 0;
    for (int j = 0; j < n && work <= limit; j++) {
      work += layer.columnLength(idx[j]);
    }
    return work > limit;
  }

  /**
   * Layer {@code l} updated from its input's changes: {@code z_r += A_rc d_c} for every stored
   * weight of every changed column c; then a second walk over the same columns applies ReLU
   * again to each row they reach and records the rows whose output changed (a row reached from
   * two columns is recorded at its first visit, and found unchanged at the second). Returns the
   * number of rows recorded in {@code changed}/{@code changeDelta}.
   */
  private int scatter(int l, int[] idx, long[] delta, int n, int[] changed, long[] changeDelta) {
    IncrementalLayer layer = layers[l];
    int[] colStart = layer.colStart;
    int[] colRow = layer.colRow;
    long[] zl = z[l];
    long updates = 0;
    if (layer.colIntWeight != null) {
      int[] w = layer.colIntWeight;
      for (int j = 0; j < n; j++) {
        int c = idx[j];
        long d = delta[j];
        for (int k = colStart[c], end = colStart[c + 1]; k < end; k++) {
          zl[colRow[k]] += w[k] * d;
        }
      }
    } else {
      long[] w = layer.colWeight;
      for (int j = 0; j < n; j++) {
        int c = idx[j];
        long d = delta[j];
        for (int k = colStart[c], end = colStart[c + 1]; k < end; k++) {
          zl[colRow[k]] += w[k] * d;
        }
      }
    }
    long[] yl = y[l];
    long bound = yBound[l];
    int out = 0;
    for (int j = 0; j < n; j++) {
      int c = idx[j];
      int end = colStart[c + 1];
      updates += end - colStart[c];
      for (int k = colStart[c]; k < end; k++) {
        int r = colRow[k];
        long now = Math.max(zl[r], 0);
        long old = yl[r];
        if (now != old) {
          yl[r] = now;
          changed[out] = r;
          changeDelta[out] = now - old;
          out++;
          bound = Math.max(bound, now);
        }
      }
    }
    yBound[l] = bound;
    counts.incrementalLayers++;
    counts.rowUpdates += updates;
    counts.rowUpdatesByLayer[l] += updates;
    return out;
  }

  /**
   * Layer {@code l} evaluated densely from its whole input {@code x}, rows split across the
   * cores; records the rows whose output changed, and the layer's exact largest output as its
   * bound.
   */
  private int dense(int l, long[] x, int[] changed, long[] changeDelta) {
    IncrementalLayer layer = layers[l];
    RowChunks rc = layer.chunks;
    int[] found = new int[rc.count()];
    long[] max = new long[rc.count()];
    long[] zl = z[l];
    long[] yl = y[l];
    rc.forEach(c -> found[c] = DenseRows.reluTracked(layer.dense, rc.from(c), rc.to(c), x, zl,
        yl, changed, changeDelta, max, c));
    // Each chunk wrote its changes from its first row on; close the gaps, in chunk order.
    int out = found[0];
    long m = max[0];
    for (int c = 1; c < found.length; c++) {
      int from = rc.from(c);
      System.arraycopy(changed, from, changed, out, found[c]);
      System.arraycopy(changeDelta, from, changeDelta, out, found[c]);
      out += found[c];
      m = Math.max(m, max[c]);
    }
    yBound[l] = m;
    counts.denseLayers++;
    counts.denseByLayer[l]++;
    counts.denseMultiplyAdds += layer.dense.rowStart[layer.rows()];
    return out;
  }

  /** The whole pass on the exact backend; the next pass starts afresh. */
  private StateVector exactly(StateVector input, LayerObserver observer) {
    endPass(true);
    return compiled.exact().apply(input, observer);
  }

  /** Layers {@code l}, {@code l + 1}, ... on the exact backend from {@code x}, layer l's input. */
  private StateVector exactlyFrom(int l, long[] x, LayerObserver observer) {
    endPass(true);
    return compiled.exact().applyFrom(l, ScaledIntegerVector.wrapLongs(x.clone()), observer);
  }

  private void endPass(boolean handedOver) {
    counts.passes++;
    if (handedOver) {
      counts.exactPasses++;
    }
  }
}
