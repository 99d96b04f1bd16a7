package org.loopmlp.construction.classic;

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
import org.loopmlp.construction.stage.LayerPlan;

/**
 * Deliberately broken classic stages, the fixtures that show checked mode and the prover catching
 * a wrong neuron at its own stage: a standard stage with one neuron's pre-activation edited, and
 * everything it declares (name, roles, reads, writes, cleared directions) unchanged.
 */
public final class FaultyClassicStage {
  private FaultyClassicStage() {}

  /** {@code base} with the pre-activation of the neuron writing {@code target} edited. */
  public static ClassicStage withNeuron(ClassicStage base, String target,
      UnaryOperator<Affine> edit) {
    checkNotNull(base, "base");
    checkNotNull(target, "target");
    checkNotNull(edit, "edit");
    return new ClassicStage() {
      @Override
      public String name() {
        return base.name();
      }

      @Override
      public ImmutableList<ClassicRole> roles() {
        return base.roles();
      }

      @Override
      public ImmutableSet<Register> reads(ClassicRegisters regs) {
        return base.reads(regs);
      }

      @Override
      public ImmutableSet<Register> writes(ClassicRegisters regs) {
        return base.writes(regs);
      }

      @Override
      public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
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
