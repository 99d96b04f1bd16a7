package org.loopmlp.exact;

/** Exact evaluation in {@link Rational} arithmetic throughout: the trusted, slow reference. */
public final class RationalBackend implements Backend {
  public static final RationalBackend INSTANCE = new RationalBackend();

  private RationalBackend() {}

  @Override
  public String name() {
    return "rational";
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public Compiled compile(Network network) {
    return new Compiled() {
      @Override
      public Network network() {
        return network;
      }

      @Override
      public StateVector load(StateVector input) {
        return RationalVector.copyOf(input);
      }

      @Override
      public StateVector apply(StateVector input, LayerObserver observer) {
        network.checkInput(input);
        Rational[] x = input.toRationals();
        for (int i = 0; i < network.depth(); i++) {
          x = applyLayer(network.layer(i), x);
          observer.afterLayer(i, network.layer(i), RationalVector.wrap(x));
        }
        return RationalVector.wrap(x);
      }
    };
  }

  /** {@code ReLU(W x + b)} in exact arithmetic. */
  static Rational[] applyLayer(SparseLayer layer, Rational[] x) {
    Rational[] y = new Rational[layer.outputDimension()];
    for (int r = 0; r < y.length; r++) {
      Rational acc = layer.bias(r);
      for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
        acc = acc.add(layer.weight(k).multiply(x[layer.column(k)]));
      }
      y[r] = acc.relu();
    }
    return y;
  }
}
