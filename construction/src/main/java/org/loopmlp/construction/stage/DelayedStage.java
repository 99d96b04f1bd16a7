package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.MachineRegisters;
import org.loopmlp.construction.Register;

/**
 * A stage that starts some layers late: its first layers copy everything, so in a {@link
 * ParallelStage} it reads its registers after the other parts have done so (e.g. branch clears r
 * one layer later, after a write whose address takes two layers to decode has read it). Same
 * name, roles and registers as the stage it delays.
 */
public final class DelayedStage implements Stage {
  private final Stage stage;
  private final int delay;

  private DelayedStage(Stage stage, int delay) {
    this.stage = checkNotNull(stage);
    checkArgument(delay >= 1, "delay must be >= 1, was %s", delay);
    this.delay = delay;
  }

  /** {@code stage} after {@code delay} layers that copy the state. */
  public static DelayedStage of(Stage stage, int delay) {
    return new DelayedStage(stage, delay);
  }

  @Override
  public String name() {
    return stage.name();
  }

  @Override
  public PaperStage role() {
    return stage.role();
  }

  @Override
  public ImmutableList<PaperStage> roles() {
    return stage.roles();
  }

  @Override
  public ImmutableSet<Register> reads(MachineRegisters regs) {
    return stage.reads(regs);
  }

  @Override
  public ImmutableSet<Register> writes(MachineRegisters regs) {
    return stage.writes(regs);
  }

  @Override
  public ImmutableList<LayerPlan> layers(MachineRegisters regs) {
    ImmutableList.Builder<LayerPlan> out = ImmutableList.builder();
    for (int i = 0; i < delay; i++) {
      out.add(LayerPlan.named("wait").build());
    }
    return out.addAll(stage.layers(regs)).build();
  }

  @Override
  public String toString() {
    return stage + " (after " + delay + ")";
  }
}
