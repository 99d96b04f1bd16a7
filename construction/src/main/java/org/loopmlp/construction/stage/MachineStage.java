package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Register;

/**
 * A block of layers of some machine's construction, declared by the registers {@code R} it reads
 * and writes (owns) and the roles it implements. A stage never computes an index: {@link
 * org.loopmlp.construction.MachineConstruction} places its layers against the state layout and
 * checks that it reads and writes only what it declares. The lemma a stage is checked against
 * comes from its {@link #roles()}, never from the stage itself.
 *
 * @param <S> the machine's step
 * @param <R> the machine's registers
 */
public interface MachineStage<S, R> {
  /** A short name, unique within a construction (e.g. {@code fetch}). */
  String name();

  /** The roles this block implements, in the order their effects apply. */
  ImmutableList<? extends StageRole<S, R>> roles();

  /** The state registers the layers read. */
  ImmutableSet<Register> reads(R regs);

  /** The state registers the layers write or clear. */
  ImmutableSet<Register> writes(R regs);

  /** The layers, in order. */
  ImmutableList<LayerPlan> layers(R regs);
}
