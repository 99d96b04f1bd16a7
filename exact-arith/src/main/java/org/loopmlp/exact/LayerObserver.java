package org.loopmlp.exact;

/** Sees the output of every layer as a backend evaluates a network. */
@FunctionalInterface
public interface LayerObserver {
  LayerObserver NONE = (index, layer, output) -> {};

  /**
   * Called after layer {@code index} (0-based within the network) has been applied.
   *
   * @param output the layer's output, in the backend's own representation; valid only during the
   *     call
   */
  void afterLayer(int index, SparseLayer layer, StateVector output);
}
