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
import org.loopmlp.construction.stage.Lookahead;
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
      new ClassicFetchStage("fetch+next pc", Optional.empty(), false);
  private static final ClassicFetchStage SPLIT =
      new ClassicFetchStage("fetch+next pc", Optional.of(AddressDecoding.SPLIT), false);
  private static final ClassicFetchStage NARROW =
      new ClassicFetchStage("fetch+next pc", Optional.empty(), true);
  private static final ClassicFetchStage NARROW_SPLIT =
      new ClassicFetchStage("fetch+next pc", Optional.of(AddressDecoding.SPLIT), true);

  /** Empty: each cell matched against the pc bits; else how the pc is decoded first. */
  private final Optional<AddressDecoding> decoding;
  /** True: the halt test, pc + 3 and the I/O tests with weights in {-2..2} (classic-narrow). */
  private final boolean narrow;

  private ClassicFetchStage(String name, Optional<AddressDecoding> decoding, boolean narrow) {
    super(name, ImmutableList.of(ClassicRole.FETCH, ClassicRole.NEXT_PC),
        regs -> ImmutableSet.<Register>builder().add(regs.pc()).addAll(regs.memory()).build(),
        regs -> ImmutableSet.of(regs.ra(), regs.rb(), regs.rc(), regs.run(), regs.ioA(),
            regs.ioB(), regs.p3()));
    this.decoding = decoding;
    this.narrow = narrow;
  }

  /** The 2-layer stage: every fetch address matched against the pc bits. */
  public static ClassicFetchStage standard() {
    return INSTANCE;
  }

  /** The 4-layer stage: the pc decoded in halves first ({@link AddressDecoding#SPLIT}). */
  public static ClassicFetchStage splitDecoding() {
    return SPLIT;
  }

  /** The stage of {@code classic-narrow}: small weights only (see the class comment). */
  public static ClassicFetchStage narrow() {
    return NARROW;
  }

  /** The stage of {@code classic-narrow-split}: small weights, the pc decoded in halves. */
  public static ClassicFetchStage narrowSplit() {
    return NARROW_SPLIT;
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
    List<LayerPlan.Builder> plans = new ArrayList<>();
    LayerPlan.Builder select = selectLayer(regs, f, plans);
    if (narrow) {
      Affine halted = narrowHalt(regs, select);
      Affine[] plusThree = Lookahead.addConstant(regs.pc().bits(), 3,
          (i, j) -> hidden("p3.t[" + i + "][" + j + "]"), select);
      plans.add(select);
      plans.add(gatherLayer(regs, f, halted, plusThree));
      return DecodingLayers.build(plans);
    }
    Threshold halt = Threshold.atLeast(hidden("halt").name(),
        Affine.unsignedValue(regs.pc(), n), haltThreshold(config));
    select.add(halt);
    Affine[] plusThree = plusThree(regs.pc(), n, select);
    plans.add(select);
    plans.add(gatherLayer(regs, f, halt.indicator(), plusThree));
    return DecodingLayers.build(plans);
  }

  /**
   * The selection of word i + field, bit j, at pc = i for each fetch address i: address matches
   * on pc's low bits, or (with a decoding) the decoding's layers, added to plans, and one And
   * per selected bit with the decoded one-hot pc.
   */
  private LayerPlan.Builder selectLayer(ClassicRegisters regs, int f,
      List<LayerPlan.Builder> plans) {
    int n = regs.config().wordBits();
    int w = Math.min(regs.config().memoryBits(), n);
    Register pcLow = regs.pc().lowBits(w);
    if (decoding.isEmpty()) {
      LayerPlan.Builder select = LayerPlan.named("select");
      for (int i = 0; i < f; i++) {
        for (int field = 0; field < 3; field++) {
          for (int j = 0; j < n; j++) {
            select.add(AddressMatch.select(pcLow, i, regs.mem(i + field).bit(j),
                selected(i, field, j)));
          }
        }
      }
      if (narrow) {
        ioTests(regs, f, select, null);
      }
      return select;
    }
    plans.addAll(DecodingLayers.named(decoding.get()));
    ImmutableList<Direction> hot =
        decoding.get().decode(pcLow.bits(), hidden("pc").name(), plans);
    LayerPlan.Builder select = LayerPlan.named("gate");
    // A family: the 3 N F neurons are made one at a time as assembly reads them.
    select.addFamily(3 * n * f, x -> {
      int i = x / (3 * n);
      int field = x / n % 3;
      int j = x % n;
      return And.of(hot.get(i), regs.mem(i + field).bit(j), selected(i, field, j));
    });
    if (narrow) {
      ioTests(regs, f, select, hot);
    }
    return select;
  }

  /**
   * The halt test with weights 1 and -1 ({@code classic-narrow}), as an affine form over pc and
   * this layer's neurons for the next layer. When N <= A the threshold T is 2^(N-1) and pc halts
   * exactly when it is negative: the sign bit. Otherwise T = 2^A - 2, and pc halts when one of its
   * bits A..N-1 is set (negative, or at least 2^A) or, none being set, its bits 1..A-1 are all 1
   * (2^A - 2 or 2^A - 1): with H the number of set bits A..N-1 and L that of bits 1..A-1, {@code
   * halted = [H >= 1] + ReLU(L - (A - 2) - H)}, a bit.
   */
  private Affine narrowHalt(ClassicRegisters regs, LayerPlan.Builder select) {
    int n = regs.config().wordBits();
    int a = regs.config().memoryBits();
    if (n <= a) {
      return Affine.of(regs.pc().bit(n - 1));
    }
    Affine.Builder high = Affine.builder();
    for (int t = a; t < n; t++) {
      high.plus(regs.pc().bit(t), 1);
    }
    Threshold anyHigh = Threshold.atLeast(hidden("halt.high").name(), high.build(), 1);
    select.add(anyHigh);
    Affine.Builder end = Affine.builder().plusConstant(-(a - 2)).plus(high.build(), -1);
    for (int t = 1; t < a; t++) {
      end.plus(regs.pc().bit(t), 1);
    }
    Direction atEnd = hidden("halt.end");
    select.add(Neuron.bit(atEnd, end.build()));
    return anyHigh.indicator().plus(Affine.of(atEnd));
  }

  /** The word at pc + field (field 0 or 1) is -1 while pc = i: one unit per fetch address. */
  Direction minusOne(int i, int field) {
    return hidden("m1[" + i + "]." + FIELDS[field]);
  }

  /**
   * {@code classic-narrow}: {@code m1[i].f = ReLU(s_i(pc) + sum_j mem[i + f].bit[j] - (N - 1))}
   * for f = a, b ({@code hot[i] + sum_j mem[i + f].bit[j] - N} with a decoding), so that io_a
   * sums F units of weight 1, not N F selected bits.
   */
  private void ioTests(ClassicRegisters regs, int f, LayerPlan.Builder select,
      List<Direction> hot) {
    int n = regs.config().wordBits();
    Register pcLow = regs.pc().lowBits(Math.min(regs.config().memoryBits(), n));
    // A family: the 2 F neurons are made one at a time as assembly reads them.
    select.addFamily(2 * f, x -> {
      int i = x / 2;
      int field = x % 2;
      Affine.Builder all = Affine.builder();
      for (int j = 0; j < n; j++) {
        all.plus(regs.mem(i + field).bit(j), 1);
      }
      Affine pre = hot == null
          ? AddressMatch.score(pcLow, i).plus(all.build()).plus(-(n - 1))
          : Affine.of(hot.get(i)).plus(all.build()).plus(-n);
      return () -> ImmutableList.of(Neuron.bit(minusOne(i, field), pre));
    });
  }

  /** Bit t of pc + 3 as an alternating sum of thresholds on pc's low t+1 bits. */
  private Affine[] plusThree(Register pc, int n, LayerPlan.Builder select) {
    Affine[] plusThree = new Affine[n];
    for (int t = 0; t < n; t++) {
      Affine s = Affine.unsignedValue(pc, t + 1).plus(3);
      Affine.Builder bit = Affine.builder();
      for (int k = 1; k <= plusThreeSteps(t); k++) {
        Threshold step = Threshold.atLeast(hidden("p3_s[" + t + "].ge" + k).name(), s,
            (long) k << t);
        select.add(step);
        bit.plus(step.indicator(), k % 2 == 1 ? 1 : -1);
      }
      plusThree[t] = bit.build();
    }
    return plusThree;
  }

  /** ra, rb, rc, io_a, io_b, p3 and run from the selected bits, each 0 when halted. */
  private LayerPlan.Builder gatherLayer(ClassicRegisters regs, int f, Affine halted,
      Affine[] plusThree) {
    int n = regs.config().wordBits();
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
      if (narrow && field < 2) {
        // io_a = ReLU(sum_i m1[i].a - halted): at most one fetch address matches pc
        allOnes = Affine.builder().plus(halted, -1);
        for (int i = 0; i < f; i++) {
          allOnes.plus(minusOne(i, field), 1);
        }
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
    return gather;
  }
}
