package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A ReLU network: layers applied in order, every layer with its ReLU (there is no final linear
 * layer). Optionally carries the names of the directions of its input space (for a looped network
 * the input and output spaces are the same). Immutable.
 */
public final class Network {
  private final ImmutableList<SparseLayer> layers;
  private final Optional<ImmutableList<String>> inputNames;

  private Network(ImmutableList<SparseLayer> layers, Optional<ImmutableList<String>> inputNames) {
    this.layers = layers;
    this.inputNames = inputNames;
  }

  public static Network of(List<SparseLayer> layers) {
    return new Network(checkDims(layers), Optional.empty());
  }

  /** A network whose input directions are named (one name per input entry). */
  public static Network withInputNames(List<SparseLayer> layers, List<String> names) {
    ImmutableList<SparseLayer> ls = checkDims(layers);
    checkArgument(names.size() == ls.get(0).inputDimension(),
        "%s names for an input of dimension %s", names.size(), ls.get(0).inputDimension());
    return new Network(ls, Optional.of(ImmutableList.copyOf(names)));
  }

  private static ImmutableList<SparseLayer> checkDims(List<SparseLayer> layers) {
    ImmutableList<SparseLayer> ls = ImmutableList.copyOf(layers);
    checkArgument(!ls.isEmpty(), "a network needs at least one layer");
    for (int i = 1; i < ls.size(); i++) {
      checkArgument(ls.get(i).inputDimension() == ls.get(i - 1).outputDimension(),
          "layer %s (%s) reads %s entries but layer %s (%s) writes %s", i, ls.get(i).label(),
          ls.get(i).inputDimension(), i - 1, ls.get(i - 1).label(),
          ls.get(i - 1).outputDimension());
    }
    return ls;
  }

  public ImmutableList<SparseLayer> layers() {
    return layers;
  }

  public SparseLayer layer(int i) {
    return layers.get(i);
  }

  public int depth() {
    return layers.size();
  }

  public int inputDimension() {
    return layers.get(0).inputDimension();
  }

  public int outputDimension() {
    return layers.get(layers.size() - 1).outputDimension();
  }

  /** Fails unless {@code input} has the dimension this network reads; every backend checks this. */
  void checkInput(StateVector input) {
    checkArgument(input.dimension() == inputDimension(),
        "input has dimension %s, network reads %s", input.dimension(), inputDimension());
  }

  /** True when the output space equals the input space, so the network can be looped. */
  public boolean isLoopable() {
    return inputDimension() == outputDimension();
  }

  public Optional<ImmutableList<String>> inputNames() {
    return inputNames;
  }

  public long nonZeros() {
    long n = 0;
    for (SparseLayer l : layers) {
      n += l.nonZeros();
    }
    return n;
  }

  /** A copy with layer {@code i} replaced (same shape); for mutation testing. */
  public Network withLayer(int i, SparseLayer layer) {
    checkNotNull(layer);
    SparseLayer old = layers.get(i);
    checkArgument(old.inputDimension() == layer.inputDimension()
        && old.outputDimension() == layer.outputDimension(), "replacement layer changes shape");
    ImmutableList.Builder<SparseLayer> b = ImmutableList.builder();
    for (int j = 0; j < layers.size(); j++) {
      b.add(j == i ? layer : layers.get(j));
    }
    return new Network(b.build(), inputNames);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network && layers.equals(((Network) o).layers)
        && inputNames.equals(((Network) o).inputNames);
  }

  @Override
  public int hashCode() {
    return layers.hashCode();
  }

  @Override
  public String toString() {
    return "Network[depth=" + depth() + ", dim=" + inputDimension() + ", nnz=" + nonZeros() + "]";
  }
}
