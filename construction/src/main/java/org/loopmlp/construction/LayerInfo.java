package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.exact.SparseLayer;

/**
 * One assembled layer: its index in the network, the stage it belongs to, its output space (the
 * machine state directions first, then its hidden neurons) and the invariant of every output
 * direction.
 */
public record LayerInfo(int index, String label, int stageIndex, String stageName,
    StateLayout outputLayout, ImmutableList<Invariant> invariants, SparseLayer layer) {
  public LayerInfo {
    checkNotNull(label, "label");
    checkNotNull(stageName, "stageName");
    checkNotNull(outputLayout, "outputLayout");
    checkNotNull(invariants, "invariants");
    checkNotNull(layer, "layer");
  }

  /** The invariant of output direction {@code d}. */
  public Invariant invariant(Direction d) {
    return invariants.get(outputLayout.indexOf(d));
  }

  /** The number of hidden neurons (outputs beyond the machine state). */
  public int hiddenCount() {
    return outputLayout.dimension() - outputLayout.base().map(StateLayout::dimension).orElse(0);
  }
}
