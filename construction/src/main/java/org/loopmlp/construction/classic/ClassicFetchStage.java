package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.AddressMatch;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.gadget.Threshold;
import org.loopmlp.construction.stage.AddressDecoding;
import org.loopmlp.construction.stage.DeclaredStage;
import org.loopmlp.construction.stage.DecodingLayers;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * Fetch and next pc, 2 layers. Roles {@link ClassicRole#FETCH} and {@link ClassicRole#NEXT_PC}.
 *
 * <p>L1 {@code select}:
 *
 * <ul>
 *   <li>{@code sel[i].f.bit[j] = ReLU(s_i(pc) + mem[i + f].bit[j])} for the three fields f = 0,
 *       1, 2 and every address i < F = min(2^A - 2, 2^(N-1)) an instruction can start at; s_i
 *       matches the low W = min(A, N) bits of pc ({@link AddressMatch}). A running pc (0 <= pc
 *       < 2^A - 2) is below F and equals its low W bits, so exactly one i matches it.
 *   <li>the halt test {@code [U >= T]} (a {@link Threshold}) of the unsigned value U = sum_t 2^t
 *       pc_t of all N bits, with T = min(2^(N-1), 2^A - 2): a negative pc has U >= 2^(N-1), a
 *       non-negative one is its own U, so U >= T exactly when pc < 0 or pc + 2 >= 2^A.
 *   <li>the steps of pc + 3: with {@code S_t = sum_{s<=t} 2^s pc_s + 3}, bit t of pc + 3 is
 *       {@code sum_{k>=1} (-1)^(k+1) [S_t >= k 2^t]} over k 2^t <= max S_t; dropping the carry
 *       out of bit N-1 is the wrap to N bits.
 * </ul>
 *
 * <p>L2 {@code gather}, every output gated by {@code halted = [U >= T]}: {@code ra.bit[j] =
 * ReLU(sum_i sel[i].a.bit[j] - halted)} (likewise rb, rc), {@code p3.bit[t] = ReLU(bit_t(pc +
 * 3) - halted)}, {@code run = ReLU(1 - halted)}, {@code io_a = ReLU(sum_j sum_i sel[i].a.bit[j]
 * - (N - 1) - N halted)} (all N bits of a are 1, i.e. a == -1), likewise io_b.
 *
 * <p>With the {@link AddressDecoding#SPLIT split decoding} ({@link #splitDecoding()}), the pc is
 * first decoded into one selector unit per address ({@code decode.halves}, {@code decode}: the
 * low and high halves of its W low bits, then their AND), and L1 becomes {@code gate}: {@code
 * sel[i].f.bit[j] = hot[i] AND mem[i + f].bit[j]}, beside the same halt test and steps of pc + 3;
 * 4 layers. A changed pc bit then reaches about 2^(W/2) units instead of 3 N F select neurons.
 */
public final class ClassicFetchStage
    extends DeclaredStage<ClassicStepContext, ClassicRegisters, ClassicRole> {
  private static final ClassicFetchStage INSTANCE =
      new ClassicFetchStage("fetch+next pc", Optional.empty());
  private static final ClassicFetchStage SPLIT =
      new ClassicFetchStage("fetch+next pc", Optional.of(AddressDecoding.SPLIT));

  /** Empty: each cell matched against the pc bits; else how the pc is decoded first. */
  private final Optional<AddressDecoding> decoding;

  private ClassicFetchStage(String name, Optional<AddressDecoding> decoding) {
    super(name, ImmutableList.of(ClassicRole.FETCH, ClassicRole.NEXT_PC),
        regs -> ImmutableSet.<Register>builder().add(regs.pc()).addAll(regs.memory()).build(),
        regs -> ImmutableSet.of(regs.ra(), regs.rb(), regs.rc(), regs.run(), regs.ioA(),
            regs.ioB(), regs.p3()));
    this.decoding = decoding;
  }

  /** The 2-layer stage: every fetch address matched against the pc bits. */
  public static ClassicFetchStage standard() {
    return INSTANCE;
  }

  /** The 4-layer stage: the pc decoded in halves first ({@link AddressDecoding#SPLIT}). */
  public static ClassicFetchStage splitDecoding() {
    return SPLIT;
  }

  /** F: the number of addresses an instruction can start at, min(2^A - 2, 2^(N-1)). */
  public static int fetchAddresses(ClassicConfig config) {
    return (int) Math.min(config.memorySize() - 2L, 1L << (config.wordBits() - 1));
  }

  /** T: a pc halts exactly when its unsigned N-bit value is at least min(2^(N-1), 2^A - 2). */
  public static long haltThreshold(ClassicConfig config) {
    return Math.min(1L << (config.wordBits() - 1), config.memorySize() - 2L);
  }

  /** The number of thresholds of bit t of pc + 3 (k 2^t <= 2^(t+1) + 2). */
  static int plusThreeSteps(int t) {
    long max = (2L << t) + 2;
    return (int) (max >> t);
  }

  private static final String[] FIELDS = {"a", "b", "c"};

  Direction selected(int i, int field, int j) {
    return hidden("sel[" + i + "]." + FIELDS[field] + ".bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
    ClassicConfig config = regs.config();
    int n = config.wordBits();
    int f = fetchAddresses(config);
    int w = Math.min(config.memoryBits(), n);
    Register pcLow = regs.pc().lowBits(w);
    List<LayerPlan.Builder> plans = new ArrayList<>();
    LayerPlan.Builder select;
    if (decoding.isEmpty()) {
      select = LayerPlan.named("select");
      for (int i = 0; i < f; i++) {
        for (int field = 0; field < 3; field++) {
          for (int j = 0; j < n; j++) {
            select.add(AddressMatch.select(pcLow, i, regs.mem(i + field).bit(j),
                selected(i, field, j)));
          }
        }
      }
    } else {
      plans.addAll(DecodingLayers.named(decoding.get()));
      ImmutableList<Direction> hot =
          decoding.get().decode(pcLow.bits(), hidden("pc").name(), plans);
      select = LayerPlan.named("gate");
      // A family: the 3 N F neurons are made one at a time as assembly reads them.
      select.addFamily(3 * n * f, x -> {
        int i = x / (3 * n);
        int field = x / n % 3;
        int j = x % n;
        return And.of(hot.get(i), regs.mem(i + field).bit(j), selected(i, field, j));
      });
    }
    Threshold halt = Threshold.atLeast(hidden("halt").name(),
        Affine.unsignedValue(regs.pc(), n), haltThreshold(config));
    select.add(halt);
    Affine[] plusThree = new Affine[n];
    for (int t = 0; t < n; t++) {
      Affine s = Affine.unsignedValue(regs.pc(), t + 1).plus(3);
      Affine.Builder bit = Affine.builder();
      for (int k = 1; k <= plusThreeSteps(t); k++) {
        Threshold step = Threshold.atLeast(hidden("p3_s[" + t + "].ge" + k).name(), s,
            (long) k << t);
        select.add(step);
        bit.plus(step.indicator(), k % 2 == 1 ? 1 : -1);
      }
      plusThree[t] = bit.build();
    }

    Affine halted = halt.indicator();
    LayerPlan.Builder gather = LayerPlan.named("gather");
    Register[] targets = {regs.ra(), regs.rb(), regs.rc()};
    for (int field = 0; field < 3; field++) {
      Affine.Builder allOnes = Affine.builder().plusConstant(-(n - 1)).plus(halted, -n);
      for (int j = 0; j < n; j++) {
        Affine.Builder bit = Affine.builder().plus(halted, -1);
        for (int i = 0; i < f; i++) {
          bit.plus(selected(i, field, j), 1);
          allOnes.plus(selected(i, field, j), 1);
        }
        gather.add(Neuron.bit(targets[field].bit(j), bit.build()));
      }
      if (field == 0) {
        gather.add(Neuron.bit(regs.ioA().bit(0), allOnes.build()));
      } else if (field == 1) {
        gather.add(Neuron.bit(regs.ioB().bit(0), allOnes.build()));
      }
    }
    for (int t = 0; t < n; t++) {
      gather.add(Neuron.bit(regs.p3().bit(t), plusThree[t].minus(halted)));
    }
    gather.add(Neuron.bit(regs.run().bit(0), Affine.constant(1).minus(halted)));
    plans.add(select);
    plans.add(gather);
    return DecodingLayers.build(plans);
  }
}
