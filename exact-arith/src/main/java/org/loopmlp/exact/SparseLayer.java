package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * One layer {@code x -> ReLU(W x + b)} with a sparse weight matrix W in compressed sparse row
 * (CSR) form and exact rational weights and biases. Immutable.
 *
 * <p>Row {@code r} holds the non-zero weights {@code weight(k)} at columns {@code column(k)} for
 * {@code k} in {@code [rowStart(r), rowStart(r + 1))}, columns strictly increasing.
 *
 * <p>A constructed layer has few distinct weights (0/1 copies, +-2 address scores, powers of two),
 * so weights are stored as a {@code short} code per weight into a table of the distinct values:
 * two bytes per weight instead of a reference, with no object per weight.
 */
public final class SparseLayer {
  private final String label;
  private final int inputDimension;
  private final int[] rowStart;
  private final int[] columns;
  private final Weights weights;
  private final Rational[] biases;

  private SparseLayer(
      String label, int inputDimension, int[] rowStart, int[] columns, Weights weights,
      Rational[] biases) {
    this.label = label;
    this.inputDimension = inputDimension;
    this.rowStart = rowStart;
    this.columns = columns;
    this.weights = weights;
    this.biases = biases;
  }

  private SparseLayer(
      String label, int inputDimension, int[] rowStart, int[] columns, Rational[] weights,
      Rational[] biases) {
    this(label, inputDimension, rowStart, columns, Weights.of(weights, weights.length), biases);
  }

  /** Starts a layer that reads a vector of {@code inputDimension} entries. */
  public static Builder builder(int inputDimension) {
    checkArgument(inputDimension >= 0, "input dimension must be >= 0, was %s", inputDimension);
    return new Builder(inputDimension);
  }

  /** Wraps CSR arrays (copied and validated). */
  public static SparseLayer ofCsr(
      String label, int inputDimension, int[] rowStart, int[] columns, Rational[] weights,
      Rational[] biases) {
    checkNotNull(label, "label");
    int rows = biases.length;
    checkArgument(rowStart.length == rows + 1,
        "rowStart has %s entries, expected rows + 1 = %s", rowStart.length, rows + 1);
    checkArgument(rowStart[0] == 0, "rowStart[0] must be 0");
    checkArgument(rowStart[rows] == columns.length && columns.length == weights.length,
        "rowStart[rows] = %s, columns %s, weights %s must agree",
        rowStart[rows], columns.length, weights.length);
    for (int r = 0; r < rows; r++) {
      checkArgument(rowStart[r] <= rowStart[r + 1], "rowStart decreases at row %s", r);
      checkNotNull(biases[r], "bias of row %s", r);
      for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
        checkElementIndex(columns[k], inputDimension, "column of row " + r);
        checkArgument(k == rowStart[r] || columns[k - 1] < columns[k],
            "row %s: columns must be strictly increasing", r);
        checkNotNull(weights[k], "weight");
        checkArgument(!weights[k].isZero(), "row %s: stored weight at column %s is zero", r,
            columns[k]);
      }
    }
    return new SparseLayer(label, inputDimension, rowStart.clone(), columns.clone(),
        Weights.of(weights, weights.length), biases.clone());
  }

  public String label() {
    return label;
  }

  public int inputDimension() {
    return inputDimension;
  }

  public int outputDimension() {
    return biases.length;
  }

  /** Number of stored (non-zero) weights. */
  public int nonZeros() {
    return columns.length;
  }

  public int rowStart(int row) {
    return rowStart[row];
  }

  public int rowEnd(int row) {
    return rowStart[row + 1];
  }

  public int column(int k) {
    return columns[k];
  }

  public Rational weight(int k) {
    return weights.get(k);
  }

  public Rational bias(int row) {
    return biases[row];
  }

  /** The weight at (row, column), zero when not stored. */
  public Rational weightAt(int row, int column) {
    int k = Arrays.binarySearch(columns, rowStart[row], rowStart[row + 1], column);
    return k >= 0 ? weights.get(k) : Rational.ZERO;
  }

  /** Copies of the CSR arrays, for backends that compile their own form. */
  public int[] rowStartArray() {
    return rowStart.clone();
  }

  public int[] columnArray() {
    return columns.clone();
  }

  /** The row starts themselves, shared, never to be written (for {@link IntegerLayer}). */
  int[] rowStartShared() {
    return rowStart;
  }

  /** The columns themselves, shared, never to be written (for {@link IntegerLayer}). */
  int[] columnsShared() {
    return columns;
  }

  public Rational[] weightArray() {
    return weights.toArray();
  }

  /** The weights as longs when every one is an integer that fits a long, else null. */
  long[] longWeightsOrNull() {
    return weights.longsOrNull();
  }

  public Rational[] biasArray() {
    return biases.clone();
  }

  /** A copy of this layer with a different label. */
  public SparseLayer withLabel(String newLabel) {
    return new SparseLayer(checkNotNull(newLabel), inputDimension, rowStart, columns, weights,
        biases);
  }

  /** A copy with one weight replaced (zero removes it); for mutation testing. */
  public SparseLayer withWeight(int row, int column, Rational value) {
    Builder b = builder(inputDimension).label(label);
    for (int r = 0; r < outputDimension(); r++) {
      Row rb = Row.withBias(biases[r]);
      for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
        if (!(r == row && columns[k] == column)) {
          rb.plus(columns[k], weights.get(k));
        }
      }
      if (r == row) {
        rb.plus(column, value);
      }
      b.addRow(rb);
    }
    return b.build();
  }

  /** A copy with one bias replaced; for mutation testing. */
  public SparseLayer withBias(int row, Rational value) {
    Rational[] nb = biases.clone();
    nb[row] = checkNotNull(value);
    return new SparseLayer(label, inputDimension, rowStart, columns, weights, nb);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SparseLayer)) {
      return false;
    }
    SparseLayer l = (SparseLayer) o;
    return label.equals(l.label) && inputDimension == l.inputDimension
        && Arrays.equals(rowStart, l.rowStart) && Arrays.equals(columns, l.columns)
        && weights.equals(l.weights) && Arrays.equals(biases, l.biases);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(columns) * 31 + Arrays.hashCode(biases);
  }

  @Override
  public String toString() {
    return "SparseLayer[" + label + ": " + inputDimension + " -> " + outputDimension() + ", nnz="
        + nonZeros() + "]";
  }

  /** One row under construction: a bias and (column, weight) terms; repeated columns add up. */
  public static final class Row {
    private Rational bias;
    private final TreeMap<Integer, Rational> terms = new TreeMap<>();

    private Row(Rational bias) {
      this.bias = bias;
    }

    public static Row withBias(Rational bias) {
      return new Row(checkNotNull(bias));
    }

    public static Row withBias(long bias) {
      return new Row(Rational.of(bias));
    }

    public Row plus(int column, Rational weight) {
      terms.merge(column, weight, Rational::add);
      return this;
    }

    public Row plus(int column, long weight) {
      return plus(column, Rational.of(weight));
    }

    public Row addBias(Rational delta) {
      bias = bias.add(delta);
      return this;
    }

    public Rational bias() {
      return bias;
    }
  }

  /**
   * Builds a layer row by row into growable primitive CSR arrays (an int per column and a
   * reference per weight, small values shared), so a layer of millions of weights allocates
   * nothing per weight.
   */
  public static final class Builder {
    private final int inputDimension;
    private String label = "";
    private int[] rowStart = new int[16];
    private int[] columns = new int[64];
    private final Weights.Builder codes = new Weights.Builder();
    private Rational[] biases = new Rational[16];
    private int rows;
    private int size;

    private Builder(int inputDimension) {
      this.inputDimension = inputDimension;
    }

    public Builder label(String newLabel) {
      this.label = checkNotNull(newLabel);
      return this;
    }

    /** Appends a row; returns its index. Zero weights are dropped. */
    public int addRow(Row row) {
      for (var e : row.terms.entrySet()) {
        checkElementIndex(e.getKey(), inputDimension, "column");
        if (!e.getValue().isZero()) {
          append(e.getKey(), e.getValue());
        }
      }
      return endRow(row.bias);
    }

    /**
     * Appends a row of {@code count} terms {@code (cols[t], ws[t])} in any order (the arrays are
     * reordered in place); equal columns add up and zero weights are dropped, as with {@link
     * Row}. Returns the row's index.
     */
    public int addRow(Rational bias, int[] cols, Rational[] ws, int count) {
      checkNotNull(bias, "bias");
      sortByColumn(cols, ws, count);
      int t = 0;
      while (t < count) {
        int col = cols[t];
        checkElementIndex(col, inputDimension, "column");
        Rational w = checkNotNull(ws[t], "weight");
        t++;
        while (t < count && cols[t] == col) {
          w = w.add(ws[t]);
          t++;
        }
        if (!w.isZero()) {
          append(col, w);
        }
      }
      return endRow(bias);
    }

    /** Appends a copy of row {@code row} of {@code other} (same input dimension). */
    public int addRowOf(Builder other, int row) {
      checkArgument(other.inputDimension == inputDimension,
          "input dimension %s, expected %s", other.inputDimension, inputDimension);
      checkElementIndex(row, other.rows, "row");
      for (int k = other.rowStart[row]; k < other.rowStart[row + 1]; k++) {
        append(other.columns[k], other.codes.get(k));
      }
      return endRow(other.biases[row]);
    }

    private void append(int col, Rational w) {
      if (size == columns.length) {
        int grown = Math.max(64, (int) Math.min(Integer.MAX_VALUE - 8, size * 3L / 2));
        checkArgument(grown > size, "layer %s: more than %s weights", label, size);
        columns = Arrays.copyOf(columns, grown);
      }
      columns[size] = col;
      codes.set(size, w);
      size++;
    }

    private int endRow(Rational bias) {
      if (rows + 1 >= rowStart.length) {
        rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
        biases = Arrays.copyOf(biases, biases.length * 2);
      }
      biases[rows] = bias;
      rows++;
      rowStart[rows] = size;
      return rows - 1;
    }

    /** Sorts the terms by column: insertion sort for short rows, a packed sort for long ones. */
    private static void sortByColumn(int[] cols, Rational[] ws, int count) {
      if (count > 32) {
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
          sorted = cols[i - 1] <= cols[i];
        }
        if (!sorted) {
          long[] keys = new long[count];
          for (int i = 0; i < count; i++) {
            keys[i] = ((long) cols[i] << 32) | i;
          }
          Arrays.sort(keys);
          Rational[] w = Arrays.copyOf(ws, count);
          for (int i = 0; i < count; i++) {
            cols[i] = (int) (keys[i] >>> 32);
            ws[i] = w[(int) keys[i]];
          }
        }
        return;
      }
      for (int i = 1; i < count; i++) {
        int c = cols[i];
        if (c >= cols[i - 1]) {
          continue;
        }
        Rational w = ws[i];
        int j = i - 1;
        while (j >= 0 && cols[j] > c) {
          cols[j + 1] = cols[j];
          ws[j + 1] = ws[j];
          j--;
        }
        cols[j + 1] = c;
        ws[j + 1] = w;
      }
    }

    public int rows() {
      return rows;
    }

    /** The number of weights stored so far. */
    public int nonZeros() {
      return size;
    }

    /**
     * Makes room for {@code moreRows} rows and {@code moreWeights} weights at once, so a layer
     * whose size is known is built without growing (and copying) its arrays.
     */
    public Builder reserve(int moreRows, long moreWeights) {
      long weightsNeeded = size + moreWeights;
      checkArgument(weightsNeeded < Integer.MAX_VALUE - 8, "layer %s: %s weights", label,
          weightsNeeded);
      if (weightsNeeded > columns.length) {
        columns = Arrays.copyOf(columns, (int) weightsNeeded);
        codes.reserve((int) weightsNeeded);
      }
      if (rows + moreRows + 1 > rowStart.length) {
        rowStart = Arrays.copyOf(rowStart, rows + moreRows + 1);
        biases = Arrays.copyOf(biases, rows + moreRows + 1);
      }
      return this;
    }

    public SparseLayer build() {
      return new SparseLayer(label, inputDimension, trim(rowStart, rows + 1), trim(columns, size),
          codes.build(size), biases.length == rows ? biases : Arrays.copyOf(biases, rows));
    }

    private static int[] trim(int[] a, int length) {
      return a.length == length ? a : Arrays.copyOf(a, length);
    }
  }

  /**
   * The weights of a layer: a {@code short} code per weight into a table of distinct values
   * (at most 2^15 of them), or plain references when a layer has more distinct values.
   */
  private static final class Weights {
    private final Rational[] table;
    private final short[] codes;
    private final Rational[] plain;

    private Weights(Rational[] table, short[] codes, Rational[] plain) {
      this.table = table;
      this.codes = codes;
      this.plain = plain;
    }

    static Weights of(Rational[] values, int size) {
      Builder b = new Builder();
      for (int k = 0; k < size; k++) {
        b.set(k, values[k]);
      }
      return b.build(size);
    }

    Rational get(int k) {
      return plain != null ? plain[k] : table[codes[k]];
    }

    int length() {
      return plain != null ? plain.length : codes.length;
    }

    /**
     * Every weight as a long when every one is an integer that fits a long, else null; from the
     * table of distinct values once each, not from one Rational per weight.
     */
    long[] longsOrNull() {
      if (plain != null) {
        return IntegerLayer.longsIfAllLong(plain);
      }
      long[] value = IntegerLayer.longsIfAllLong(table);
      if (value == null) {
        return null;
      }
      long[] r = new long[codes.length];
      for (int k = 0; k < r.length; k++) {
        r[k] = value[codes[k]];
      }
      return r;
    }

    Rational[] toArray() {
      Rational[] out = new Rational[length()];
      for (int k = 0; k < out.length; k++) {
        out[k] = get(k);
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Weights)) {
        return false;
      }
      Weights w = (Weights) o;
      if (w.length() != length()) {
        return false;
      }
      for (int k = 0; k < length(); k++) {
        if (!get(k).equals(w.get(k))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(toArray());
    }

    /** Growable codes; switches to plain references past 2^15 distinct values. */
    static final class Builder {
      private final java.util.Map<Rational, Integer> codeOf = new java.util.HashMap<>();
      private final java.util.List<Rational> table = new java.util.ArrayList<>();
      private short[] codes = new short[64];
      private Rational[] plain;
      private Rational last;
      private short lastCode;

      void set(int k, Rational w) {
        if (plain != null) {
          if (k >= plain.length) {
            plain = Arrays.copyOf(plain, Math.max(k + 1, (int) Math.min(Integer.MAX_VALUE - 8,
                plain.length * 3L / 2)));
          }
          plain[k] = w;
          return;
        }
        if (k >= codes.length) {
          codes = Arrays.copyOf(codes, Math.max(k + 1, (int) Math.min(Integer.MAX_VALUE - 8,
              codes.length * 3L / 2)));
        }
        if (w != last) {
          Integer c = codeOf.get(w);
          if (c == null) {
            if (table.size() == Short.MAX_VALUE) {
              plain = new Rational[codes.length];
              for (int i = 0; i < k; i++) {
                plain[i] = table.get(codes[i]);
              }
              codes = null;
              plain[k] = w;
              return;
            }
            c = table.size();
            table.add(w);
            codeOf.put(w, c);
          }
          last = w;
          lastCode = (short) (int) c;
        }
        codes[k] = lastCode;
      }

      Rational get(int k) {
        return plain != null ? plain[k] : table.get(codes[k]);
      }

      void reserve(int capacity) {
        if (plain != null && plain.length < capacity) {
          plain = Arrays.copyOf(plain, capacity);
        } else if (plain == null && codes.length < capacity) {
          codes = Arrays.copyOf(codes, capacity);
        }
      }

      Weights build(int size) {
        if (plain != null) {
          return new Weights(null, null,
              plain.length == size ? plain : Arrays.copyOf(plain, size));
        }
        return new Weights(table.toArray(new Rational[0]),
            codes.length == size ? codes : Arrays.copyOf(codes, size), null);
      }
    }
  }
}
