package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.AddressMatch;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.GatedThreshold;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.isa.MachineConfig;

/**
 * All six paper stages in 2 layers, the least depth a looped pass can have: with one layer every
 * output bit is {@code ReLU(affine)}, but for N = 2, A = C = 1, slots {@code 0 1 0} and {@code 0 1
 * 1}, mem[0] = 0 and mem[1] in {0, 1}, the new pc.bit[0] is {@code mem[1].bit[0] XOR pc.bit[0]},
 * which no ReLU of an affine function equals on the square (README). Width is bought instead: the first
 * layer has neurons for every slot q and every pair of operand addresses (a, b), gated by {@code
 * g = s_q(pc) + s_a(code[q].a) + s_b(code[q].b)}, which is 0 for the one triple the machine
 * executes and at most -2 for every other ({@link GatedThreshold}). Under the open gate everything
 * is a step of an affine form of mem[a] and mem[b] (SPEC §8.3):
 *
 * <ul>
 *   <li>bit j of r: {@code [S_j >= 2^j] - [S_j >= 2^(j+1)] + [S_j >= 3 2^j]}, {@code S_j =
 *       sum_{i<=j} 2^i (mem[b]_i + 1 - mem[a]_i) + 1};
 *   <li>the branch flag {@code r <= 0}: with the signed difference {@code E = mem[b] - mem[a]} (no
 *       wrap, |E| < 2^N), {@code flag = [E >= -2^(N-1)] - [E >= 1] + [E >= 2^(N-1)]}.
 * </ul>
 *
 * The second layer writes {@code mem[i].bit[j] = ReLU(mem[i].bit[j] + sum_{q,a} (r_j -
 * mem[i].bit[j]) gated by (q, a, i))} and {@code pc.bit[t] = ReLU(sum_{q,a,b} (flag c_t + (1 -
 * flag) bit_t(q + 1)) gated by (q, a, b))}; exactly one gate is open, so each sum is the selected
 * term. Scratch is never used.
 */
public final class TwoLayerStage extends DeclaredPaperStage {
  private static final TwoLayerStage PAPER = new TwoLayerStage("two-layer");

  private TwoLayerStage(String name) {
    super(name, PaperStage.FETCH,
        regs -> ImmutableSet.<Register>builder().add(regs.pc()).addAll(regs.code())
            .addAll(regs.memory()).build(),
        regs -> ImmutableSet.<Register>builder().addAll(regs.memory()).add(regs.pc()).build());
  }

  public static TwoLayerStage paper() {
    return PAPER;
  }

  /** First-layer neurons: {@code k m^2 (7N + 6C + 7)}. */
  public static long hiddenNeurons(MachineConfig config) {
    long k = config.codeSize();
    long m = config.dataSize();
    return k * m * m * (7L * config.wordBits() + 6L * config.codeBits() + 7);
  }

  @Override
  public ImmutableList<PaperStage> roles() {
    return ImmutableList.copyOf(PaperStage.values());
  }

  /** The signed value of a two's complement register, as an affine form of its bits. */
  private static Affine signedValue(Register x) {
    Affine.Builder b = Affine.builder();
    int w = x.width();
    for (int i = 0; i < w; i++) {
      b.plus(x.bit(i), i == w - 1 ? -(1L << i) : 1L << i);
    }
    return b.build();
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    MachineConfig config = regs.config();
    int n = config.wordBits();
    checkArgument(n <= SubtractStage.MAX_WORD_BITS, "%s weighs bit j by 2^j: N <= %s, was %s",
        name(), SubtractStage.MAX_WORD_BITS, n);
    int m = config.dataSize();
    int k = config.codeSize();
    int c = config.codeBits();
    LayerPlan.Builder gates = LayerPlan.named("gates");
    Affine.Builder[][] memSum = new Affine.Builder[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        memSum[i][j] = Affine.builder().plus(regs.mem(i).bit(j), 1);
      }
    }
    Affine.Builder[] pcSum = new Affine.Builder[c];
    for (int t = 0; t < c; t++) {
      pcSum[t] = Affine.builder();
    }
    for (int q = 0; q < k; q++) {
      int next = (q + 1) % k;
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          String id = name() + "[" + q + "," + a + "," + b + "]";
          Affine gate = AddressMatch.score(regs.pc(), q)
              .plus(AddressMatch.score(regs.code(q, Field.A), a))
              .plus(AddressMatch.score(regs.code(q, Field.B), b));
          Register memA = regs.mem(a);
          Register memB = regs.mem(b);
          // Memory: r_j under the gate, and mem[b]_j under the gate.
          for (int j = 0; j < n; j++) {
            Affine.Builder sb = Affine.builder().plusConstant(1);
            for (int i = 0; i <= j; i++) {
              sb.plus(memB.bit(i), 1L << i).plus(memA.bit(i), -(1L << i)).plusConstant(1L << i);
            }
            Affine s = sb.build();
            GatedThreshold low = GatedThreshold.atLeast(id + ".r[" + j + "].ge1", s, 1L << j, gate);
            GatedThreshold mid = GatedThreshold.atLeast(id + ".r[" + j + "].ge2", s, 2L << j, gate);
            GatedThreshold top = GatedThreshold.atLeast(id + ".r[" + j + "].ge3", s, 3L << j, gate);
            Direction old = Direction.named(id + ".old[" + j + "]");
            gates.add(low).add(mid).add(top);
            gates.add(Neuron.bit(old, gate.plus(Affine.of(memB.bit(j)))));
            memSum[b][j].plus(low.indicator()).plus(mid.indicator(), -1).plus(top.indicator())
                .plus(old, -1);
          }
          // Branch: flag = [E >= -2^(N-1)] - [E >= 1] + [E >= 2^(N-1)], E = mem[b] - mem[a].
          Affine e = signedValue(memB).minus(signedValue(memA));
          long[] thresholds = {-(1L << (n - 1)), 1, 1L << (n - 1)};
          long[] signs = {1, -1, 1};
          Affine.Builder flag = Affine.builder();
          for (int x = 0; x < 3; x++) {
            GatedThreshold f = GatedThreshold.atLeast(id + ".flag" + x, e, thresholds[x], gate);
            gates.add(f);
            flag.plus(f.indicator(), signs[x]);
          }
          Direction open = Direction.named(id + ".open");
          gates.add(Neuron.bit(open, gate.plus(1)));
          for (int t = 0; t < c; t++) {
            // flag * c_t under the gate: the gate is also closed when c_t = 0.
            Affine gateAndC = gate.plus(Affine.of(regs.code(q, Field.C).bit(t))).plus(-1);
            for (int x = 0; x < 3; x++) {
              GatedThreshold f = GatedThreshold.atLeast(id + ".c[" + t + "].flag" + x, e,
                  thresholds[x], gateAndC);
              gates.add(f);
              pcSum[t].plus(f.indicator(), signs[x]);
            }
            if (((next >> t) & 1) == 1) {
              // (1 - flag) * bit_t(q + 1) under the gate.
              pcSum[t].plus(open, 1).plus(flag.build(), -1);
            }
          }
        }
      }
    }
    LayerPlan.Builder select = LayerPlan.named("select");
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        select.add(Neuron.bit(regs.mem(i).bit(j), memSum[i][j].build()));
      }
    }
    for (int t = 0; t < c; t++) {
      select.add(Neuron.bit(regs.pc().bit(t), pcSum[t].build()));
    }
    return ImmutableList.of(gates.build(), select.build());
  }
}
