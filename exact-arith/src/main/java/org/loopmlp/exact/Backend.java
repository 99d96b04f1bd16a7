package org.loopmlp.exact;

/**
 * A way to evaluate a {@link Network}. A backend compiles a network once into its own form and
 * then evaluates it many times.
 */
public interface Backend {
  /** Short name used on the command line: rational, exact, float64, float32, float16, ... */
  String name();

  /** True when evaluation never rounds (the result equals exact rational evaluation). */
  boolean isExact();

  /** Compiles the network for repeated evaluation. */
  Compiled compile(Network network);

  /** A network compiled for one backend. */
  interface Compiled {
    Network network();

    /** Converts an exact vector into this backend's representation (may round for floats). */
    StateVector load(StateVector input);

    /** Applies every layer in order, reporting each layer's output to the observer. */
    StateVector apply(StateVector input, LayerObserver observer);

    default StateVector apply(StateVector input) {
      return apply(input, LayerObserver.NONE);
    }
  }
}
