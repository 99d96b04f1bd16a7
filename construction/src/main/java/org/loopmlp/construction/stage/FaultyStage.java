package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;

/**
 * Deliberately broken stages of any machine, the fixtures that show checked mode and the prover
 * catching a wrong neuron at its own stage: a standard stage with one neuron's pre-activation
 * edited, and everything it declares (name, roles, reads, writes, cleared directions) unchanged.
 */
public final class FaultyStage {
  private FaultyStage() {}

  /** {@code base} with the pre-activation of the neuron writing {@code target} edited. */
  public static <S, R> MachineStage<S, R> withNeuron(MachineStage<S, R> base, String target,
      UnaryOperator<Affine> edit) {
    checkNotNull(base, "base");
    checkNotNull(target, "target");
    checkNotNull(edit, "edit");
    return new MachineStage<S, R>() {
      @Override
      public String name() {
        return base.name();
      }

      @Override
      public ImmutableList<? extends StageRole<S, R>> roles() {
        return base.roles();
      }

      @Override
      public ImmutableSet<Register> reads(R regs) {
        return base.reads(regs);
      }

      @Override
      public ImmutableSet<Register> writes(R regs) {
        return base.writes(regs);
      }

      @Override
      public ImmutableList<LayerPlan> layers(R regs) {
        List<LayerPlan> out = new ArrayList<>();
        for (LayerPlan plan : base.layers(regs)) {
          LayerPlan.Builder b = LayerPlan.named(plan.label());
          for (Neuron n : plan.neurons()) {
            b.add(n.output().equals(Direction.named(target))
                ? new Neuron(n.output(), edit.apply(n.preActivation()), n.declared()) : n);
          }
          plan.cleared().forEach(b::clear);
          out.add(b.build());
        }
        return ImmutableList.copyOf(out);
      }
    };
  }
}
