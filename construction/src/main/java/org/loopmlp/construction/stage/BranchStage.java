package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.AndNot;
import org.loopmlp.construction.gadget.IsZero;
import org.loopmlp.construction.gadget.Sum;

/**
 * Branch, 3 layers (SPEC §8.6). L1 {@code zero}: {@code zero = ReLU(1 - sum_j r.bit[j])}, so
 * {@code flag = r.bit[N-1] + zero} is 1 exactly when r <= 0. L2 {@code choose}: {@code p[t] =
 * ReLU(rc.bit[t] + flag - 1)}, {@code q[t] = ReLU(pc1.bit[t] - flag)}; r, rc, pc1 consumed. L3
 * {@code merge}: {@code pc.bit[t] = ReLU(p[t] + q[t])}. A variant without the zero test branches
 * on r < 0 only.
 */
public final class BranchStage extends DeclaredPaperStage {
  private static final BranchStage PAPER = new BranchStage("branch", true);

  private final boolean branchOnZero;

  private BranchStage(String name, boolean branchOnZero) {
    super(name, PaperStage.BRANCH,
        regs -> ImmutableSet.of(regs.r(), regs.rc(), regs.pc1()),
        regs -> ImmutableSet.of(regs.pc(), regs.r(), regs.rc(), regs.pc1()));
    this.branchOnZero = branchOnZero;
  }

  /** The stage of SPEC §8.6. */
  public static BranchStage paper() {
    return PAPER;
  }

  /** A variant that branches on r < 0 instead of r <= 0. */
  public static BranchStage onNegativeOnly(String name) {
    return new BranchStage(name, false);
  }

  public Direction zero() {
    return Direction.named(name() + ".zero");
  }

  public Direction taken(int t) {
    return Direction.named(name() + ".p[" + t + "]");
  }

  public Direction notTaken(int t) {
    return Direction.named(name() + ".q[" + t + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int c = regs.config().codeBits();
    Direction sign = regs.r().bit(regs.r().width() - 1);
    LayerPlan.Builder zeroLayer = LayerPlan.named("zero");
    Affine.Builder flag = Affine.builder().plus(sign, 1);
    if (branchOnZero) {
      zeroLayer.add(IsZero.of(regs.r(), zero()));
      flag.plus(zero(), 1);
    }
    Affine f = flag.build();
    LayerPlan.Builder choose = LayerPlan.named("choose");
    LayerPlan.Builder merge = LayerPlan.named("merge");
    for (int t = 0; t < c; t++) {
      choose.add(And.of(regs.rc().bit(t), f, taken(t)));
      choose.add(AndNot.of(regs.pc1().bit(t), f, notTaken(t)));
      merge.add(Sum.ofBits(ImmutableList.of(taken(t), notTaken(t)), regs.pc().bit(t)));
    }
    choose.clear(regs.r()).clear(regs.rc()).clear(regs.pc1());
    return ImmutableList.of(zeroLayer.build(), choose.build(), merge.build());
  }
}
