package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.function.Function;
import org.loopmlp.construction.MachineRegisters;
import org.loopmlp.construction.Register;

/** A {@link DeclaredStage} of the paper machine, for one of the paper's six stages. */
abstract class DeclaredPaperStage
    extends DeclaredStage<StepContext, MachineRegisters, PaperStage> implements Stage {
  DeclaredPaperStage(String name, PaperStage role,
      Function<MachineRegisters, ImmutableSet<Register>> reads,
      Function<MachineRegisters, ImmutableSet<Register>> writes) {
    super(name, ImmutableList.of(role), reads, writes);
  }

  @Override
  public final PaperStage role() {
    return super.roles().get(0);
  }

  @Override
  public ImmutableList<PaperStage> roles() {
    return super.roles();
  }
}
