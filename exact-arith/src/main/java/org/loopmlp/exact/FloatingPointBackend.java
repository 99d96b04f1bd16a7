package org.loopmlp.exact;

import com.google.common.collect.ImmutableList;

/**
 * What the {@code float64} and {@code float32} backends share: the network compiled once into
 * CSR arrays of one precision, the dimension check and the observer calls. A subclass supplies
 * its array type {@code A} ({@code double[]} or {@code float[]}) and the CSR loop, which stays
 * per precision so that each accumulates in its own type (SPEC §6).
 */
abstract class FloatingPointBackend<A> implements Backend {
  private final String name;

  FloatingPointBackend(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean isExact() {
    return false;
  }

  /** Each value rounded to the nearest number of this precision. */
  abstract A round(Rational[] values);

  /** Wraps an array the caller gives up as this precision's vector. */
  abstract StateVector wrap(A values);

  /** The array {@code v} holds when it is this precision's vector; otherwise null. */
  abstract A valuesOf(StateVector v);

  /** {@code ReLU(W x + b)} with {@code W} in CSR form, computed in this precision. */
  abstract A applyLayer(int[] rowStart, int[] columns, A weights, A biases, A x);

  /** One layer in this precision's arrays. */
  private record Layer<A>(int[] rowStart, int[] columns, A weights, A biases) {}

  @Override
  public final Backend.Compiled compile(Network network) {
    ImmutableList.Builder<Layer<A>> b = ImmutableList.builder();
    for (SparseLayer l : network.layers()) {
      b.add(new Layer<>(l.rowStartArray(), l.columnArray(), round(l.weightArray()),
          round(l.biasArray())));
    }
    ImmutableList<Layer<A>> layers = b.build();
    return new Backend.Compiled() {
      @Override
      public Network network() {
        return network;
      }

      @Override
      public StateVector load(StateVector input) {
        return valuesOf(input) != null ? input : wrap(round(input.toRationals()));
      }

      @Override
      public StateVector apply(StateVector input, LayerObserver observer) {
        network.checkInput(input);
        A own = valuesOf(input);
        A x = own != null ? own : round(input.toRationals());
        for (int i = 0; i < layers.size(); i++) {
          Layer<A> l = layers.get(i);
          x = applyLayer(l.rowStart(), l.columns(), l.weights(), l.biases(), x);
          observer.afterLayer(i, network.layer(i), wrap(x));
        }
        return wrap(x);
      }
    };
  }
}
