package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.PaperRegisters;

/**
 * A stage of the paper machine's constructions: a {@link MachineStage} implementing one of the
 * paper's six stages (SPEC §1), or several run side by side. The lemma a stage is checked against
 * comes from its {@link #role()}, never from the stage itself.
 */
public interface Stage extends MachineStage<PaperStep, PaperRegisters> {
  /** The paper stage this block implements; its lemma states what the block must compute. */
  PaperStage role();

  /**
   * Every paper stage this block implements, in the paper's order; more than one for stages run
   * side by side in the same layers ({@link ParallelStage}). The lemma applies their effects in
   * this order.
   */
  @Override
  default ImmutableList<PaperStage> roles() {
    return ImmutableList.of(role());
  }
}
