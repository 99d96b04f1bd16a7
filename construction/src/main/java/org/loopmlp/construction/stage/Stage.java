package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.MachineRegisters;
import org.loopmlp.construction.Register;

/**
 * A block of layers declared by the registers it reads and writes (owns), implementing one of the
 * paper's six stages. A stage never computes an index: {@link
 * org.loopmlp.construction.Construction#assemble} places its layers against the state layout and
 * checks that it reads and writes only what it declares. The lemma a stage is checked against
 * comes from its {@link #role()}, never from the stage itself.
 */
public interface Stage {
  /** A short name, unique within a construction (e.g. {@code fetch}). */
  String name();

  /** The paper stage this block implements; its lemma states what the block must compute. */
  PaperStage role();

  /**
   * Every paper stage this block implements, in the paper's order; more than one for stages run
   * side by side in the same layers ({@link ParallelStage}). The lemma applies their effects in
   * this order.
   */
  default ImmutableList<PaperStage> roles() {
    return ImmutableList.of(role());
  }

  /** The state registers the layers read. */
  ImmutableSet<Register> reads(MachineRegisters regs);

  /** The state registers the layers write or clear. */
  ImmutableSet<Register> writes(MachineRegisters regs);

  /** The layers, in order. */
  ImmutableList<LayerPlan> layers(MachineRegisters regs);
}
