package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * One layer {@code x -> ReLU(W x + b)} with a sparse weight matrix W in compressed sparse row
 * (CSR) form and exact rational weights and biases. Immutable.
 *
 * <p>Row {@code r} holds the non-zero weights {@code weight(k)} at columns {@code column(k)} for
 * {@code k} in {@code [rowStart(r), rowStart(r + 1))}, columns strictly increasing.
 */
public final class SparseLayer {
  private final String label;
  private final int inputDimension;
  private final int[] rowStart;
  private final int[] columns;
  private final Rational[] weights;
  private final Rational[] biases;

  private SparseLayer(
      String label, int inputDimension, int[] rowStart, int[] columns, Rational[] weights,
      Rational[] biases) {
    this.label = label;
    this.inputDimension = inputDimension;
    this.rowStart = rowStart;
    this.columns = columns;
    this.weights = weights;
    this.biases = biases;
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
        weights.clone(), biases.clone());
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
    return weights[k];
  }

  public Rational bias(int row) {
    return biases[row];
  }

  /** The weight at (row, column), zero when not stored. */
  public Rational weightAt(int row, int column) {
    int k = Arrays.binarySearch(columns, rowStart[row], rowStart[row + 1], column);
    return k >= 0 ? weights[k] : Rational.ZERO;
  }

  /** Copies of the CSR arrays, for backends that compile their own form. */
  public int[] rowStartArray() {
    return rowStart.clone();
  }

  public int[] columnArray() {
    return columns.clone();
  }

  public Rational[] weightArray() {
    return weights.clone();
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
          rb.plus(columns[k], weights[k]);
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
        && Arrays.equals(weights, l.weights) && Arrays.equals(biases, l.biases);
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

  /** Builds a layer row by row. */
  public static final class Builder {
    private final int inputDimension;
    private String label = "";
    private final List<Integer> rowStart = new ArrayList<>(List.of(0));
    private final List<Integer> columns = new ArrayList<>();
    private final List<Rational> weights = new ArrayList<>();
    private final List<Rational> biases = new ArrayList<>();

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
          columns.add(e.getKey());
          weights.add(e.getValue());
        }
      }
      biases.add(row.bias);
      rowStart.add(columns.size());
      return biases.size() - 1;
    }

    public int rows() {
      return biases.size();
    }

    public SparseLayer build() {
      return new SparseLayer(label, inputDimension,
          rowStart.stream().mapToInt(Integer::intValue).toArray(),
          columns.stream().mapToInt(Integer::intValue).toArray(),
          weights.toArray(new Rational[0]), biases.toArray(new Rational[0]));
    }
  }
}
