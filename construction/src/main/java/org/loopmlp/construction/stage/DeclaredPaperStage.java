package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.function.Function;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;

/** A {@link DeclaredStage} of the paper machine, for one of the paper's six stages. */
abstract class DeclaredPaperStage
    extends DeclaredStage<PaperStep, PaperRegisters, PaperStage> implements Stage {
  DeclaredPaperStage(String name, PaperStage role,
      Function<PaperRegisters, ImmutableSet<Register>> reads,
      Function<PaperRegisters, ImmutableSet<Register>> writes) {
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
