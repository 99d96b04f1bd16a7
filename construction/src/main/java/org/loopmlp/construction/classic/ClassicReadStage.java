package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.AddressDecoding;
import org.loopmlp.construction.stage.DeclaredStage;
import org.loopmlp.construction.stage.DecodingLayers;
import org.loopmlp.construction.stage.LayerPlan;

/**
 * Read and decode, 2 layers. Roles {@link ClassicRole#READ} and {@link ClassicRole#DECODE}.
 *
 * <p>L1 {@code select}: {@code ga[i].bit[j] = ReLU(s_i(a mod 2^A) + mem[i].bit[j] - io_a)},
 * likewise gb with b ({@link AddressScore}: the A low bits of the word, its sign bit repeated
 * when N < A); both are off when a == -1 (input and echo read no memory). The input value
 * {@code wb.bit[j] = ReLU(w_j + io_a - io_b - 1)} with {@code w_j = in.byte.bit[j] + in.eof}
 * (j < 8) or {@code in.eof} (j >= 8): the byte, or all ones (-1) at end of input, wrapped to N
 * bits, only for input. The op flags: {@code op.sub = ReLU(run - io_a - io_b)}, {@code op.in =
 * ReLU(io_a - io_b)}, {@code op.out = ReLU(io_b - io_a)}, {@code op.echo = ReLU(io_a + io_b -
 * 1)} (io_a and io_b are 0 at a halted pc); ra, run, io_a, io_b consumed.
 *
 * <p>L2 {@code gather}: {@code va.bit[j] = sum_i ga[i].bit[j]}, {@code vb.bit[j] = sum_i
 * gb[i].bit[j] + wb.bit[j]}: for input va = 0 and vb = the value to store, so that the
 * subtraction vb - va yields it.
 *
 * <p>With the {@link AddressDecoding#SPLIT split decoding} ({@link #splitDecoding()}), a and b
 * are first decoded into one selector unit per cell ({@code decode.halves}, {@code decode}), the
 * high halves inhibited by io_a ({@link AddressDecoding#decodeUnless}), and L1 becomes {@code
 * gate}: {@code ga[i].bit[j] = hot_a[i] AND mem[i].bit[j]}, likewise gb, beside the same input
 * value and op flags; ra is consumed in {@code decode.halves}. 4 layers.
 */
public final class ClassicReadStage
    extends DeclaredStage<ClassicStepContext, ClassicRegisters, ClassicRole> {
  private static final ClassicReadStage INSTANCE =
      new ClassicReadStage("read+decode", Optional.empty());
  private static final ClassicReadStage SPLIT =
      new ClassicReadStage("read+decode", Optional.of(AddressDecoding.SPLIT));

  /** Empty: each cell matched against the address bits; else how the addresses are decoded. */
  private final Optional<AddressDecoding> decoding;

  private ClassicReadStage(String name, Optional<AddressDecoding> decoding) {
    super(name, ImmutableList.of(ClassicRole.READ, ClassicRole.DECODE),
        regs -> ImmutableSet.<Register>builder().add(regs.ra(), regs.rb(), regs.run(),
            regs.ioA(), regs.ioB(), regs.inByte(), regs.inEof()).addAll(regs.memory()).build(),
        regs -> ImmutableSet.<Register>builder().add(regs.ra(), regs.run(), regs.ioA(),
            regs.ioB(), regs.va(), regs.vb()).addAll(regs.ops()).build());
    this.decoding = decoding;
  }

  /** The 2-layer stage: every cell matched against the address bits. */
  public static ClassicReadStage standard() {
    return INSTANCE;
  }

  /** The 4-layer stage: a and b decoded in halves first ({@link AddressDecoding#SPLIT}). */
  public static ClassicReadStage splitDecoding() {
    return SPLIT;
  }

  Direction selected(String operand, int i, int j) {
    return hidden("g" + operand + "[" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
    int m = regs.config().memorySize();
    int n = regs.config().wordBits();
    int a = regs.config().memoryBits();
    Direction ioA = regs.ioA().bit(0);
    Direction ioB = regs.ioB().bit(0);
    List<LayerPlan.Builder> plans = new ArrayList<>();
    decoding.ifPresent(d -> plans.addAll(DecodingLayers.named(d)));
    LayerPlan.Builder select = LayerPlan.named(decoding.isEmpty() ? "select" : "gate");
    LayerPlan.Builder gather = LayerPlan.named("gather");
    for (String operand : List.of("a", "b")) {
      Register address = operand.equals("a") ? regs.ra() : regs.rb();
      Register value = operand.equals("a") ? regs.va() : regs.vb();
      List<Direction> bits = AddressScore.addressBits(address, a);
      if (decoding.isEmpty()) {
        for (int i = 0; i < m; i++) {
          Affine score = AddressScore.score(bits, i);
          for (int j = 0; j < n; j++) {
            select.add(Neuron.bit(selected(operand, i, j), score.toBuilder()
                .plus(regs.mem(i).bit(j), 1).plus(ioA, -1).build()));
          }
        }
      } else {
        ImmutableList<Direction> hot = decoding.get().decodeUnless(bits, Affine.of(ioA),
            hidden("r" + operand).name(), plans);
        // A family: the m N neurons are made one at a time as assembly reads them.
        select.addFamily(m * n, x -> And.of(hot.get(x / n), regs.mem(x / n).bit(x % n),
            selected(operand, x / n, x % n)));
      }
      for (int j = 0; j < n; j++) {
        Affine.Builder sum = Affine.builder();
        for (int i = 0; i < m; i++) {
          sum.plus(selected(operand, i, j), 1);
        }
        if (operand.equals("b")) {
          sum.plus(hidden("wb.bit[" + j + "]"), 1);
        }
        gather.add(Neuron.bit(value.bit(j), sum.build()));
      }
    }
    for (int j = 0; j < n; j++) {
      Affine.Builder w = Affine.builder().plus(regs.inEof().bit(0), 1);
      if (j < ClassicRegisters.BYTE_BITS) {
        w.plus(regs.inByte().bit(j), 1);
      }
      select.add(Neuron.bit(hidden("wb.bit[" + j + "]"),
          w.plus(ioA, 1).plus(ioB, -1).plusConstant(-1).build()));
    }
    Direction run = regs.run().bit(0);
    select.add(Neuron.bit(regs.opSub().bit(0),
        Affine.builder().plus(run, 1).plus(ioA, -1).plus(ioB, -1).build()));
    select.add(Neuron.bit(regs.opIn().bit(0),
        Affine.builder().plus(ioA, 1).plus(ioB, -1).build()));
    select.add(Neuron.bit(regs.opOut().bit(0),
        Affine.builder().plus(ioB, 1).plus(ioA, -1).build()));
    select.add(Neuron.bit(regs.opEcho().bit(0),
        Affine.builder().plus(ioA, 1).plus(ioB, 1).plusConstant(-1).build()));
    select.clear(regs.run()).clear(regs.ioA()).clear(regs.ioB());
    (plans.isEmpty() ? select : plans.get(0)).clear(regs.ra());
    plans.add(select);
    plans.add(gather);
    return DecodingLayers.build(plans);
  }
}
