package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.gadget.Threshold;
import org.loopmlp.construction.stage.DeclaredStage;
import java.util.function.IntFunction;
import org.loopmlp.construction.gadget.Sum;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.construction.stage.Lookahead;

/**
 * Subtract beside I/O, 2 layers. Roles {@link ClassicRole#SUBTRACT} and {@link ClassicRole#IO}.
 *
 * <p>L1 {@code steps}: with {@code S_i = sum_{j<=i} 2^j (vb_j + 1 - va_j) + 1}, the steps {@code
 * [S_i >= 2^i], [S_i >= 2^(i+1)], [S_i >= 3 2^i]} ({@link Threshold}); the steps {@code [D >=
 * 0], [D >= 1]} of the unsigned difference {@code D = sum_j 2^j (vb_j - va_j)}; va, vb consumed.
 * I/O: {@code o[k] = ReLU(va.bit[min(k, N-1)] + op.out - 1)} (the low byte of mem[a], sign
 * extended when N < 8), {@code e[k] = ReLU(in.byte.bit[k] + op.echo - 1)}, {@code ev =
 * ReLU(op.echo - in.eof)}; the flags {@code in.taken = op.in + op.echo} and {@code executed =
 * op.sub + op.in + op.out + op.echo}.
 *
 * <p>L2 {@code bits}: {@code r.bit[i] = [S_i >= 2^i] - [S_i >= 2^(i+1)] + [S_i >= 3 2^i]} (the
 * identity of two's complement subtraction {@code vb + not va + 1}, S_i < 2^(i+2)); {@code br =
 * ReLU(r_(N-1) + [D == 0] + op.sub - 1)} with {@code [D == 0] = [D >= 0] - [D >= 1]}: r == 0
 * iff D == 0 (|D| < 2^N), so {@code r_(N-1) + [D == 0]} is {@code [r <= 0]}; {@code
 * out.byte.bit[k] = o[k] + e[k]}, {@code out.valid = op.out + ev}.
 */
public final class ClassicSubtractStage
    extends DeclaredStage<ClassicStepContext, ClassicRegisters, ClassicRole> {
  private static final ClassicSubtractStage INSTANCE =
      new ClassicSubtractStage("subtract+io", false);
  private static final ClassicSubtractStage NARROW =
      new ClassicSubtractStage("subtract+io", true);

  /** True: subtract by carry lookahead, 3 layers, weights in {-2..2} (classic-narrow). */
  private final boolean narrow;

  private ClassicSubtractStage(String name, boolean narrow) {
    super(name, ImmutableList.of(ClassicRole.SUBTRACT, ClassicRole.IO),
        regs -> ImmutableSet.<Register>builder().add(regs.va(), regs.vb(), regs.inByte(),
            regs.inEof()).addAll(regs.ops()).build(),
        regs -> ImmutableSet.of(regs.va(), regs.vb(), regs.r(), regs.br(), regs.inTaken(),
            regs.outByte(), regs.outValid(), regs.executed()));
    this.narrow = narrow;
  }

  public static ClassicSubtractStage standard() {
    return INSTANCE;
  }

  /** The 3-layer stage of {@code classic-narrow}: carry lookahead, small weights only. */
  public static ClassicSubtractStage narrow() {
    return NARROW;
  }

  @Override
  public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
    if (narrow) {
      return lookaheadLayers(regs);
    }
    int n = regs.config().wordBits();
    LayerPlan.Builder steps = LayerPlan.named("steps");
    LayerPlan.Builder bits = LayerPlan.named("bits");
    Affine rSign = null;
    for (int i = 0; i < n; i++) {
      Affine.Builder sb = Affine.builder().plusConstant(1);
      for (int j = 0; j <= i; j++) {
        long w = 1L << j;
        sb.plus(regs.vb().bit(j), w).plus(regs.va().bit(j), -w).plusConstant(w);
      }
      Affine s = sb.build();
      String prefix = hidden("s[" + i + "]").name();
      Threshold low = Threshold.atLeast(prefix + ".ge1", s, 1L << i);
      Threshold mid = Threshold.atLeast(prefix + ".ge2", s, 2L << i);
      Threshold high = Threshold.atLeast(prefix + ".ge3", s, 3L << i);
      steps.add(low).add(mid).add(high);
      Affine bit = Affine.builder().plus(low.indicator()).plus(mid.indicator(), -1)
          .plus(high.indicator()).build();
      bits.add(Neuron.bit(regs.r().bit(i), bit));
      rSign = bit;
    }
    Affine.Builder diff = Affine.builder();
    for (int j = 0; j < n; j++) {
      diff.plus(regs.vb().bit(j), 1L << j).plus(regs.va().bit(j), -(1L << j));
    }
    Threshold nonNegative = Threshold.atLeast(hidden("d.ge0").name(), diff.build(), 0);
    Threshold positive = Threshold.atLeast(hidden("d.ge1").name(), diff.build(), 1);
    steps.add(nonNegative).add(positive);
    Direction sub = regs.opSub().bit(0);
    bits.add(Neuron.bit(regs.br().bit(0), rSign.toBuilder().plus(nonNegative.indicator())
        .plus(positive.indicator(), -1).plus(sub, 1).plusConstant(-1).build()));
    inputOutput(regs, steps, bits);
    steps.clear(regs.va()).clear(regs.vb());
    return ImmutableList.of(steps.build(), bits.build());
  }

  /**
   * {@code classic-narrow}: L1 {@code generate}, L2 {@code carry}, L3 {@code sum} of {@link
   * Lookahead#subtract} give {@code r = vb + not va + 1}; the carry layer also tests {@code eq =
   * ReLU(1 - sum_j (g_j + k_j))} (no bit differs: va == vb, so r == 0), and the sum layer gives
   * {@code br = ReLU(r_(N-1) + eq + op.sub - 1)} ({@code r <= 0} iff its sign bit is set or it is
   * 0). I/O as in the 2-layer stage, in the generate and carry layers; va, vb consumed.
   */
  private ImmutableList<LayerPlan> lookaheadLayers(ClassicRegisters regs) {
    int n = regs.config().wordBits();
    LayerPlan.Builder generate = LayerPlan.named("generate");
    LayerPlan.Builder carry = LayerPlan.named("carry");
    LayerPlan.Builder sum = LayerPlan.named("sum");
    IntFunction<Direction> g = j -> hidden("g[" + j + "]");
    IntFunction<Direction> k = j -> hidden("k[" + j + "]");
    Affine[] r = Lookahead.subtract(regs.vb().bits(), regs.va().bits(), true, g, k,
        (i, j) -> hidden("t[" + i + "][" + (j < 0 ? "cin" : j) + "]"), generate, carry);
    Affine.Builder differ = Affine.builder().plusConstant(1);
    for (int j = 0; j < n; j++) {
      differ.plus(g.apply(j), -1).plus(k.apply(j), -1);
    }
    Direction eq = hidden("eq");
    carry.add(Neuron.bit(eq, differ.build()));
    for (int i = 0; i < n; i++) {
      sum.add(Sum.bit(r[i], regs.r().bit(i)));
    }
    sum.add(Neuron.bit(regs.br().bit(0), r[n - 1].toBuilder().plus(eq, 1)
        .plus(regs.opSub().bit(0), 1).plusConstant(-1).build()));
    inputOutput(regs, generate, carry);
    sum.clear(regs.va()).clear(regs.vb());
    return ImmutableList.of(generate.build(), carry.build(), sum.build());
  }

  /**
   * The I/O role: o, e, ev, in.taken and executed into {@code steps}, out.byte and out.valid
   * into {@code bits}, the next layer (see the class comment).
   */
  private void inputOutput(ClassicRegisters regs, LayerPlan.Builder steps,
      LayerPlan.Builder bits) {
    int n = regs.config().wordBits();
    Direction out = regs.opOut().bit(0);
    Direction echo = regs.opEcho().bit(0);
    Direction eof = regs.inEof().bit(0);
    for (int k = 0; k < ClassicRegisters.BYTE_BITS; k++) {
      Direction o = hidden("o[" + k + "]");
      Direction e = hidden("e[" + k + "]");
      steps.add(Neuron.bit(o, Affine.builder().plus(regs.va().bit(Math.min(k, n - 1)), 1)
          .plus(out, 1).plusConstant(-1).build()));
      steps.add(Neuron.bit(e, Affine.builder().plus(regs.inByte().bit(k), 1).plus(echo, 1)
          .plusConstant(-1).build()));
      bits.add(Neuron.bit(regs.outByte().bit(k), Affine.builder().plus(o, 1).plus(e, 1)
          .build()));
    }
    Direction ev = hidden("ev");
    steps.add(Neuron.bit(ev, Affine.builder().plus(echo, 1).plus(eof, -1).build()));
    bits.add(Neuron.bit(regs.outValid().bit(0), Affine.builder().plus(out, 1).plus(ev, 1)
        .build()));
    steps.add(Neuron.bit(regs.inTaken().bit(0), Affine.builder().plus(regs.opIn().bit(0), 1)
        .plus(echo, 1).build()));
    Affine.Builder any = Affine.builder();
    regs.ops().forEach(op -> any.plus(op.bit(0), 1));
    steps.add(Neuron.bit(regs.executed().bit(0), any.build()));
  }
}
