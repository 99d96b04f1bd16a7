package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.stage.LayerPlan;

/**
 * A block of layers of the classic construction, declared by the registers it reads and writes
 * and the roles it implements. {@link ClassicConstruction#assemble} places its layers against the
 * state layout and checks that it reads and writes only what it declares; the lemma it is
 * checked against comes from its {@link #roles()}, never from the stage itself.
 */
public interface ClassicStage {
  /** A short name, unique within a construction. */
  String name();

  /** The roles this block implements, in the order their effects apply. */
  ImmutableList<ClassicRole> roles();

  /** The state registers the layers read. */
  ImmutableSet<Register> reads(ClassicRegisters regs);

  /** The state registers the layers write or clear. */
  ImmutableSet<Register> writes(ClassicRegisters regs);

  /** The layers, in order. */
  ImmutableList<LayerPlan> layers(ClassicRegisters regs);
}
