package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.Sum;

/**
 * Fetch with pc decoded once: {@code decode} gives {@code hot[q] = [pc == q]} for every slot
 * ({@link AddressDecoding}: one layer, or two for the split decoding); {@code gate}: {@code
 * sel[q].f.bit[t] = hot[q] AND code[q].f.bit[t]}; {@code gather}: {@code ra.bit[t] = sum_q
 * sel[q].a.bit[t]}, likewise rb and rc. A code bit costs 2 weights instead of the C + 1 of {@link
 * FetchStage}.
 */
public final class OneHotFetchStage extends DeclaredPaperStage {
  private final AddressDecoding decoding;

  private OneHotFetchStage(String name, AddressDecoding decoding) {
    super(name, PaperStage.FETCH,
        regs -> ImmutableSet.<Register>builder().add(regs.pc()).addAll(regs.code()).build(),
        regs -> ImmutableSet.of(regs.ra(), regs.rb(), regs.rc()));
    this.decoding = checkNotNull(decoding);
  }

  /** Fetch that decodes pc with {@code decoding}. */
  public static OneHotFetchStage decoding(AddressDecoding decoding) {
    return new OneHotFetchStage("fetch", decoding);
  }

  /** The hidden neuron holding bit t of field f of slot q when q == pc. */
  public Direction selected(int q, Field f, int t) {
    return Direction.named(name() + ".sel[" + q + "]." + f.label() + ".bit[" + t + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int k = regs.config().codeSize();
    List<LayerPlan.Builder> decode = DecodingLayers.named(decoding);
    ImmutableList<Direction> hot = decoding.decode(regs.pc(), name() + ".pc", decode);
    LayerPlan.Builder gate = LayerPlan.named("gate");
    for (int q = 0; q < k; q++) {
      for (Field f : Field.values()) {
        Register field = regs.code(q, f);
        for (int t = 0; t < field.width(); t++) {
          gate.add(And.of(hot.get(q), field.bit(t), selected(q, f, t)));
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
    return DecodingLayers.build(decode, gate, gather);
  }
}
