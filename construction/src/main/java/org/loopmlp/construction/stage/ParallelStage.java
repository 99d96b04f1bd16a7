package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Neuron;

/**
 * Stages run side by side in the same layers: layer i holds every part's layer i (a part with
 * fewer layers leaves its registers copied afterwards). Legal when no part reads what another
 * writes and their outputs are disjoint, which assembly checks through the declared registers.
 * The lemma applies the parts' effects in the given order (SPEC §8.7: next pc reads only pc,
 * so it does not depend on read, subtract and write).
 */
public final class ParallelStage implements Stage {
  private final String name;
  private final ImmutableList<Stage> parts;

  private ParallelStage(String name, ImmutableList<Stage> parts) {
    this.name = checkNotNull(name);
    this.parts = parts;
  }

  /** {@code parts} side by side, effects in the given order (list them in the paper's order). */
  public static ParallelStage of(String name, List<Stage> parts) {
    checkArgument(parts.size() >= 2, "a parallel stage needs at least two parts");
    return new ParallelStage(name, ImmutableList.copyOf(parts));
  }

  public ImmutableList<Stage> parts() {
    return parts;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public PaperStage role() {
    return parts.get(0).role();
  }

  @Override
  public ImmutableList<PaperStage> roles() {
    ImmutableList.Builder<PaperStage> b = ImmutableList.builder();
    parts.forEach(p -> b.addAll(p.roles()));
    return b.build();
  }

  @Override
  public ImmutableSet<Register> reads(PaperRegisters regs) {
    ImmutableSet.Builder<Register> b = ImmutableSet.builder();
    parts.forEach(p -> b.addAll(p.reads(regs)));
    return b.build();
  }

  @Override
  public ImmutableSet<Register> writes(PaperRegisters regs) {
    ImmutableSet.Builder<Register> b = ImmutableSet.builder();
    parts.forEach(p -> b.addAll(p.writes(regs)));
    return b.build();
  }

  /**
   * Zips the parts' layers. Refuses parts whose writes overlap, or a part that reads a register
   * after another part has written it.
   */
  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    List<ImmutableList<LayerPlan>> plans = new ArrayList<>();
    int depth = 0;
    for (Stage p : parts) {
      ImmutableList<LayerPlan> l = p.layers(regs);
      plans.add(l);
      depth = Math.max(depth, l.size());
    }
    for (int i = 0; i < parts.size(); i++) {
      for (int j = 0; j < parts.size(); j++) {
        if (i == j) {
          continue;
        }
        Stage p = parts.get(i);
        Stage q = parts.get(j);
        for (Register r : q.writes(regs)) {
          checkArgument(i > j || !p.writes(regs).contains(r),
              "parts %s and %s of %s both write %s", p.name(), q.name(), name, r.name());
          checkArgument(!p.reads(regs).contains(r)
              || lastRead(plans.get(i), r) <= firstWrite(plans.get(j), r),
              "part %s of %s reads %s after part %s writes it", p.name(), name, r.name(),
              q.name());
        }
      }
    }
    ImmutableList.Builder<LayerPlan> out = ImmutableList.builder();
    for (int li = 0; li < depth; li++) {
      List<String> labels = new ArrayList<>();
      List<LayerPlan> here = new ArrayList<>();
      for (ImmutableList<LayerPlan> l : plans) {
        if (li < l.size()) {
          here.add(l.get(li));
          labels.add(l.get(li).label());
        }
      }
      LayerPlan.Builder b = LayerPlan.named(String.join("+", labels));
      for (LayerPlan plan : here) {
        b.addAll(plan);
      }
      out.add(b.build());
    }
    return out.build();
  }

  /**
   * The last layer of {@code plans} that reads {@code r}, or -1. A layer reads the previous
   * layer's output, so a part may read r up to and including the layer in which another part
   * writes or clears it (e.g. write reads r in its first layer, branch clears it in its second).
   */
  private static int lastRead(List<LayerPlan> plans, Register r) {
    Set<Direction> bits = Set.copyOf(r.bits());
    for (int li = plans.size() - 1; li >= 0; li--) {
      for (Neuron n : plans.get(li).neurons()) {
        for (Direction d : n.preActivation().terms().keySet()) {
          if (bits.contains(d)) {
            return li;
          }
        }
      }
    }
    return -1;
  }

  /** The first layer of {@code plans} that writes or clears {@code r}. */
  private static int firstWrite(List<LayerPlan> plans, Register r) {
    Set<Direction> bits = Set.copyOf(r.bits());
    for (int li = 0; li < plans.size(); li++) {
      LayerPlan plan = plans.get(li);
      for (Direction d : r.bits()) {
        if (plan.cleared().contains(d)) {
          return li;
        }
      }
      for (Neuron n : plan.neurons()) {
        if (bits.contains(n.output())) {
          return li;
        }
      }
    }
    return Integer.MAX_VALUE;
  }

  @Override
  public String toString() {
    return name + parts;
  }
}
