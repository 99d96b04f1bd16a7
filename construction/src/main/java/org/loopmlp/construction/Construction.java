package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.exact.Network;
import org.loopmlp.isa.MachineConfig;

/**
 * A looped ReLU-MLP of the paper's machine for one config: the {@link MachineConstruction} whose
 * state holds the program, the memory, pc and scratch ({@link PaperRegisters}) and whose stages
 * implement the paper's six stages ({@link PaperStage}). Immutable.
 */
public final class Construction extends MachineConstruction<PaperStep, PaperRegisters> {
  private final MachineConfig config;
  private final ImmutableList<Stage> stages;

  private Construction(MachineConfig config, ImmutableList<Stage> stages,
      Parts<PaperStep, PaperRegisters> parts) {
    super(parts);
    this.config = config;
    this.stages = stages;
  }

  /**
   * Assembles {@code stages}, in order, into one pass for {@code config}. Each stage's lemma
   * starts from the previous stage's postcondition (the first from {@code encode(program,
   * state)}) and applies its roles' effects.
   */
  public static Construction assemble(String name, MachineConfig config, List<Stage> stages) {
    checkNotNull(config, "config");
    PaperRegisters regs = PaperRegisters.of(config);
    return new Construction(config, ImmutableList.copyOf(stages),
        assemble(name, regs, PaperStage.passStart(regs), stages));
  }

  @Override
  public Construction withNetwork(Network replacement) {
    return new Construction(config, stages, partsWithNetwork(replacement));
  }

  @Override
  public MachineConfig config() {
    return config;
  }

  public ImmutableList<Stage> stages() {
    return stages;
  }
}
