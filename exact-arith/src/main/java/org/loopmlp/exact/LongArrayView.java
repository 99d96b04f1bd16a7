package org.loopmlp.exact;

/**
 * An integer vector read straight from an array the caller keeps writing: what an observer sees
 * of a layer of {@link IncrementalBackend} (valid only during {@link LayerObserver#afterLayer},
 * as that contract says), so that observing a layer costs nothing until it is read.
 */
final class LongArrayView implements StateVector {
  private final long[] values;

  LongArrayView(long[] values) {
    this.values = values;
  }

  /** The array itself, not to be written. */
  long[] values() {
    return values;
  }

  @Override
  public int dimension() {
    return values.length;
  }

  @Override
  public Rational get(int i) {
    return Rational.of(values[i]);
  }

  @Override
  public boolean isZero(int i) {
    return values[i] == 0;
  }

  @Override
  public boolean isOne(int i) {
    return values[i] == 1;
  }
}
