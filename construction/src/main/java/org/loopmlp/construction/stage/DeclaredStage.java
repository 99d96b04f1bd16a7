package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableSet;
import java.util.function.Function;
import org.loopmlp.construction.MachineRegisters;
import org.loopmlp.construction.Register;

/**
 * A stage declared up front by its name, its paper stage and the registers it reads and writes;
 * a subclass gives only the layers. Its string form is its name.
 */
abstract class DeclaredStage implements Stage {
  private final String name;
  private final PaperStage role;
  private final Function<MachineRegisters, ImmutableSet<Register>> reads;
  private final Function<MachineRegisters, ImmutableSet<Register>> writes;

  DeclaredStage(String name, PaperStage role,
      Function<MachineRegisters, ImmutableSet<Register>> reads,
      Function<MachineRegisters, ImmutableSet<Register>> writes) {
    this.name = name;
    this.role = role;
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final PaperStage role() {
    return role;
  }

  @Override
  public final ImmutableSet<Register> reads(MachineRegisters regs) {
    return reads.apply(regs);
  }

  @Override
  public final ImmutableSet<Register> writes(MachineRegisters regs) {
    return writes.apply(regs);
  }

  @Override
  public final String toString() {
    return name;
  }
}
