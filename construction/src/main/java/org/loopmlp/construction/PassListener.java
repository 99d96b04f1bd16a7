package org.loopmlp.construction;

import org.loopmlp.isa.MachineState;

/**
 * Told about every pass of a {@link LoopedMlp} run as soon as its output is decoded: for a
 * progress display, or to compare a long run with another engine without keeping its states.
 */
@FunctionalInterface
public interface PassListener {
  /** A listener that does nothing. */
  PassListener NONE = (pass, after) -> {};

  /**
   * Pass {@code pass} (counting from 0) decoded to {@code after}; the pass that ends a halted
   * run reports the unchanged state.
   */
  void afterPass(int pass, MachineState after);
}
