package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Sum;

/**
 * Next pc by carry lookahead, 2 layers, weights in {-2, 1} (the narrow construction). L1 {@code
 * carry}: the carry into bit t of pc + 1 is the AND of the bits below, {@code c_t = ReLU(sum_{s<t}
 * pc_s - (t - 1))} for t = 1..C ({@code c_0 = 1}). L2 {@code bits}: the half adder {@code
 * pc1_t = pc_t + c_t - 2 c_(t+1)}; the carry out of bit C-1 is dropped (pc wraps mod 2^C).
 * The arithmetic is {@link Lookahead#addConstant} with k = 1.
 */
public final class LookaheadNextPcStage extends DeclaredPaperStage {
  private static final LookaheadNextPcStage NARROW = new LookaheadNextPcStage("next pc");

  private LookaheadNextPcStage(String name) {
    super(name, PaperStage.NEXT_PC,
        regs -> ImmutableSet.of(regs.pc()),
        regs -> ImmutableSet.of(regs.pc1()));
  }

  /** The stage of the narrow construction. */
  public static LookaheadNextPcStage narrow() {
    return NARROW;
  }

  /** The carry into bit t of pc + 1 (t >= 1). */
  public Direction carry(int t) {
    return Direction.named(name().replace(' ', '_') + ".c[" + t + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int c = regs.config().codeBits();
    LayerPlan.Builder carries = LayerPlan.named("carry");
    Affine[] plusOne = Lookahead.addConstant(regs.pc().bits().subList(0, c), 1,
        (t, j) -> carry(t), carries);
    LayerPlan.Builder bits = LayerPlan.named("bits");
    for (int t = 0; t < c; t++) {
      bits.add(Sum.bit(plusOne[t], regs.pc1().bit(t)));
    }
    return ImmutableList.of(carries.build(), bits.build());
  }
}
