package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.AddressMatch;
import org.loopmlp.construction.gadget.Sum;

/**
 * Fetch, 2 layers (SPEC §8.1). L1 {@code select}: {@code sel[q].f.bit[t] = ReLU(s_q(pc) +
 * code[q].f.bit[t])}; L2 {@code gather}: {@code ra.bit[t] = sum_q sel[q].a.bit[t]}, likewise rb
 * (field b) and rc (field c). Exactly one slot matches pc, so each sum is that slot's bit.
 */
public final class FetchStage extends DeclaredPaperStage {
  private static final FetchStage PAPER = new FetchStage("fetch");

  private FetchStage(String name) {
    super(name, PaperStage.FETCH,
        regs -> ImmutableSet.<Register>builder().add(regs.pc()).addAll(regs.code()).build(),
        regs -> ImmutableSet.of(regs.ra(), regs.rb(), regs.rc()));
  }

  /** The stage of SPEC §8.1. */
  public static FetchStage paper() {
    return PAPER;
  }

  /** The hidden neuron of L1 holding bit t of field f of slot q when q == pc. */
  public Direction selected(int q, Field f, int t) {
    return Direction.named(name() + ".sel[" + q + "]." + f.label() + ".bit[" + t + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int k = regs.config().codeSize();
    LayerPlan.Builder select = LayerPlan.named("select");
    for (int q = 0; q < k; q++) {
      for (Field f : Field.values()) {
        Register field = regs.code(q, f);
        for (int t = 0; t < field.width(); t++) {
          select.add(AddressMatch.select(regs.pc(), q, field.bit(t), selected(q, f, t)));
        }
      }
    }
    LayerPlan.Builder gather = LayerPlan.named("gather");
    for (Field f : Field.values()) {
      Register target = f == Field.A ? regs.ra() : f == Field.B ? regs.rb() : regs.rc();
      for (int t = 0; t < target.width(); t++) {
        List<Direction> terms = new ArrayList<>(k);
        for (int q = 0; q < k; q++) {
          terms.add(selected(q, f, t));
        }
        gather.add(Sum.ofBits(terms, target.bit(t)));
      }
    }
    return ImmutableList.of(select.build(), gather.build());
  }
}
