package org.loopmlp.construction.gadget;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;

/**
 * A small block of neurons in one layer, declared by the directions it reads and writes. Gadgets
 * never compute indices: the assembler places their neurons in a layout.
 */
public interface Gadget {
  /** The neurons, one per written direction. */
  ImmutableList<Neuron> neurons();

  /** The directions the neurons read. */
  default ImmutableSet<Direction> reads() {
    ImmutableSet.Builder<Direction> b = ImmutableSet.builder();
    for (Neuron n : neurons()) {
      b.addAll(n.preActivation().terms().keySet());
    }
    return b.build();
  }

  /** The directions the neurons write. */
  default ImmutableSet<Direction> writes() {
    ImmutableSet.Builder<Direction> b = ImmutableSet.builder();
    for (Neuron n : neurons()) {
      b.add(n.output());
    }
    return b.build();
  }
}
