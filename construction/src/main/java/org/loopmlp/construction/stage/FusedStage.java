package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.AddressMatch;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.AndNot;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.gadget.Sum;
import org.loopmlp.construction.gadget.Threshold;

/**
 * All six paper stages in 4 layers, trading width for depth: every purely linear sum of SPEC
 * §8 is folded into the layer that reads it ({@link Affine#substitute}), and fetch and read share
 * one layer by matching pc and the operand address in the same neuron.
 *
 * <ol>
 *   <li>{@code select}: {@code wa[q][i].bit[j] = ReLU(s_q(pc) + s_i(code[q].a) + mem[i].bit[j])}
 *       (mem[a].bit[j] in the slot at pc), likewise wb; the fetch neurons of fields b and c; the
 *       next-pc steps.
 *   <li>{@code subtract}: with {@code va_j = sum_{q,i} wa[q][i].bit[j]} and vb folded in, the
 *       six steps per bit of r (SPEC §8.3), and the steps {@code [D >= 0]}, {@code [D >= 1]} of
 *       the unsigned difference {@code D = sum_j 2^j (vb_j - va_j)}: r == 0 iff D == 0 (since
 *       |D| < 2^N), and {@code [D == 0] = [D >= 0] - [D >= 1]}; materializes rb, rc and pc1.
 *   <li>{@code choose}: the write neurons of SPEC §8.4 with r folded in; {@code p[t] =
 *       ReLU(rc_t + flag - 1)}, {@code q[t] = ReLU(pc1_t - flag)} with {@code flag = r_(N-1) +
 *       [D == 0]} folded in; rb, rc, pc1 consumed.
 *   <li>{@code update}: {@code mem[i].bit[j] = ReLU(mem - z + y)}, {@code pc.bit[t] = ReLU(p[t] +
 *       q[t])}.
 * </ol>
 *
 * <p>Width grows as {@code 2 k m N} neurons in the first layer and {@code k m} terms per folded
 * bit, so this is for small configs.
 */
public final class FusedStage extends DeclaredPaperStage {
  private static final FusedStage PAPER = new FusedStage("fused");

  private FusedStage(String name) {
    super(name, PaperStage.FETCH,
        regs -> ImmutableSet.<Register>builder().add(regs.pc()).addAll(regs.code())
            .addAll(regs.memory()).build(),
        regs -> ImmutableSet.<Register>builder().addAll(regs.memory())
            .add(regs.pc(), regs.rb(), regs.rc(), regs.pc1()).build());
  }

  public static FusedStage paper() {
    return PAPER;
  }

  @Override
  public ImmutableList<PaperStage> roles() {
    return ImmutableList.copyOf(PaperStage.values());
  }

  private Direction neuron(String what) {
    return Direction.named(name() + "." + what);
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int n = regs.config().wordBits();
    checkArgument(n <= SubtractStage.MAX_WORD_BITS, "%s weighs bit j by 2^j: N <= %s, was %s"
        + " (the narrow construction goes to 64)", name(), SubtractStage.MAX_WORD_BITS, n);
    int m = regs.config().dataSize();
    int k = regs.config().codeSize();
    int c = regs.config().codeBits();
    Register pc = regs.pc();

    // Layer 1: fetch and read at once; fetch of b and c; next-pc steps.
    LayerPlan.Builder select = LayerPlan.named("select");
    Map<String, Affine.Builder> operand = new HashMap<>();
    for (Field f : List.of(Field.A, Field.B)) {
      for (int j = 0; j < n; j++) {
        Affine.Builder sum = Affine.builder();
        for (int q = 0; q < k; q++) {
          for (int i = 0; i < m; i++) {
            Direction w = neuron("w" + f.label() + "[" + q + "][" + i + "].bit[" + j + "]");
            select.add(AddressMatch.selectWhenBoth(pc, q, regs.code(q, f), i,
                regs.mem(i).bit(j), w));
            sum.plus(w, 1);
          }
        }
        operand.put(f.label() + j, sum);
      }
    }
    Map<Direction, Affine> fetched = new HashMap<>();
    for (Field f : List.of(Field.B, Field.C)) {
      Register target = f == Field.B ? regs.rb() : regs.rc();
      for (int t = 0; t < target.width(); t++) {
        Affine.Builder sum = Affine.builder();
        for (int q = 0; q < k; q++) {
          Direction h = neuron("sel[" + q + "]." + f.label() + ".bit[" + t + "]");
          select.add(AddressMatch.select(pc, q, regs.code(q, f).bit(t), h));
          sum.plus(h, 1);
        }
        fetched.put(target.bit(t), sum.build());
      }
    }
    Affine[] pcPlusOne = new Affine[c];
    for (int t = 0; t < c; t++) {
      Affine s = Affine.unsignedValue(pc, t + 1).plus(1);
      Threshold low = Threshold.atLeast(name() + ".pc_s[" + t + "].ge1", s, 1L << t);
      Threshold high = Threshold.atLeast(name() + ".pc_s[" + t + "].ge2", s, 2L << t);
      select.add(low).add(high);
      pcPlusOne[t] = low.indicator().minus(high.indicator());
    }

    // Layer 2: subtraction steps and the zero test on the folded operands; rb, rc, pc1.
    LayerPlan.Builder subtract = LayerPlan.named("subtract");
    Affine[] rBit = new Affine[n];
    Affine.Builder diff = Affine.builder();
    for (int i = 0; i < n; i++) {
      Affine va = operand.get("a" + i).build();
      Affine vb = operand.get("b" + i).build();
      diff.plus(vb, 1L << i).plus(va, -(1L << i));
      Affine.Builder sb = Affine.builder().plusConstant(1);
      for (int j = 0; j <= i; j++) {
        sb.plus(operand.get("b" + j).build(), 1L << j).plus(operand.get("a" + j).build(),
            -(1L << j)).plusConstant(1L << j);
      }
      Affine s = sb.build();
      String prefix = name() + ".s[" + i + "]";
      Threshold low = Threshold.atLeast(prefix + ".ge1", s, 1L << i);
      Threshold mid = Threshold.atLeast(prefix + ".ge2", s, 2L << i);
      Threshold top = Threshold.atLeast(prefix + ".ge3", s, 3L << i);
      subtract.add(low).add(mid).add(top);
      rBit[i] = Affine.builder().plus(low.indicator()).plus(mid.indicator(), -1)
          .plus(top.indicator()).build();
    }
    // r == 0 iff the unsigned difference D is 0 (|D| < 2^N); [D == 0] = [D >= 0] - [D >= 1].
    Affine d = diff.build();
    Threshold nonNegative = Threshold.atLeast(name() + ".d.ge0", d, 0);
    Threshold positive = Threshold.atLeast(name() + ".d.ge1", d, 1);
    subtract.add(nonNegative).add(positive);
    Affine flag = Affine.builder().plus(rBit[n - 1]).plus(nonNegative.indicator())
        .plus(positive.indicator(), -1).build();
    fetched.forEach((target, sum) -> subtract.add(Sum.bit(sum, target)));
    for (int t = 0; t < c; t++) {
      subtract.add(Sum.bit(pcPlusOne[t], regs.pc1().bit(t)));
    }

    // Layer 3: write selection with r folded in; branch choice with flag folded in.
    LayerPlan.Builder choose = LayerPlan.named("choose");
    LayerPlan.Builder update = LayerPlan.named("update");
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        Direction mem = regs.mem(i).bit(j);
        Direction z = neuron("z[" + i + "].bit[" + j + "]");
        Direction y = neuron("y[" + i + "].bit[" + j + "]");
        choose.add(AddressMatch.select(regs.rb(), i, mem, z));
        choose.add(AddressMatch.select(regs.rb(), i, rBit[j], y));
        update.add(Neuron.bit(mem,
            Affine.builder().plus(mem, 1).plus(z, -1).plus(y, 1).build()));
      }
    }
    for (int t = 0; t < c; t++) {
      Direction p = neuron("p[" + t + "]");
      Direction q = neuron("q[" + t + "]");
      choose.add(And.of(regs.rc().bit(t), flag, p));
      choose.add(AndNot.of(regs.pc1().bit(t), flag, q));
      update.add(Sum.ofBits(List.of(p, q), pc.bit(t)));
    }
    choose.clear(regs.rb()).clear(regs.rc()).clear(regs.pc1());
    return ImmutableList.of(select.build(), subtract.build(), choose.build(), update.build());
  }
}
