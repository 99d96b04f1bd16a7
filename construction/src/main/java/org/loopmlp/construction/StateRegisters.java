package org.loopmlp.construction;

import com.google.common.collect.ImmutableList;

/**
 * The named registers of a machine's state space for one config (the paper machine's {@link
 * PaperRegisters}, the classic machine's {@link
 * org.loopmlp.construction.classic.ClassicRegisters}): the layout they make, and the scratch
 * registers, which are 0 between two passes.
 */
public interface StateRegisters {
  /** The state space: input and output of one pass. */
  StateLayout layout();

  /** The scratch registers, 0 between passes. */
  ImmutableList<Register> scratch();
}
