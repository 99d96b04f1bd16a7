package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
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
 * Write beside branch, 2 layers. Roles {@link ClassicRole#WRITE} and {@link ClassicRole#BRANCH}.
 *
 * <p>L1 {@code select}: with the write gate {@code g = op.sub + op.in} (a bit: the ops are
 * exclusive), {@code z[i].bit[j] = ReLU(s_i(b mod 2^A) + mem[i].bit[j] + g - 1)} and {@code
 * y[i].bit[j] = ReLU(s_i(b mod 2^A) + r.bit[j] + g - 1)}; for pc, with {@code run = op.sub +
 * op.in + op.out + op.echo}, {@code keep[t] = ReLU(pc.bit[t] - run)} (a halted pc stays), {@code
 * jump[t] = ReLU(rc.bit[t] + br - 1)}, {@code next[t] = ReLU(p3.bit[t] - br)} (p3 is 0 when
 * halted); rb, r, rc, p3, br and the op flags consumed.
 *
 * <p>L2 {@code update}: {@code mem[i].bit[j] = ReLU(mem[i].bit[j] - z[i].bit[j] +
 * y[i].bit[j])}, {@code pc.bit[t] = keep[t] + jump[t] + next[t]}.
 *
 * <p>With the {@link AddressDecoding#SPLIT split decoding} ({@link #splitDecoding()}), 4 layers:
 * {@code decode.halves} decodes the halves of b, {@code lo[u] = [b mod 2^h == u]} and {@code
 * hi[v] = [b div 2^h == v] AND g} (inhibited by {@code 1 - g}); {@code decode} gives {@code
 * hot[i] = lo[i mod 2^h] AND hi[i div 2^h]}, the result routed through the low half, {@code
 * t[u].bit[j] = lo[u] AND r.bit[j]}, and {@code hc[v] = ReLU(hi[v])} (a layer reads only the
 * previous one); {@code gate} gives {@code z[i].bit[j] = hot[i] AND mem[i].bit[j]} and {@code
 * y[i].bit[j] = hc[i div 2^h] AND t[i mod 2^h].bit[j]} (both are [i == b] AND g AND the bit),
 * beside keep, jump and next; {@code update} as above. A result bit then reaches 2^h units, not
 * every cell, and a changed t about 2^(A - h) cells.
 */
public final class ClassicWriteStage
    extends DeclaredStage<ClassicStepContext, ClassicRegisters, ClassicRole> {
  private static final ClassicWriteStage INSTANCE =
      new ClassicWriteStage("write+branch", false);
  private static final ClassicWriteStage SPLIT = new ClassicWriteStage("write+branch", true);

  /** True: b decoded in halves and r routed through the low half. */
  private final boolean split;

  private ClassicWriteStage(String name, boolean split) {
    super(name, ImmutableList.of(ClassicRole.WRITE, ClassicRole.BRANCH),
        regs -> ImmutableSet.<Register>builder().add(regs.rb(), regs.r(), regs.rc(), regs.p3(),
            regs.br(), regs.pc()).addAll(regs.ops()).addAll(regs.memory()).build(),
        regs -> ImmutableSet.<Register>builder().addAll(regs.memory()).add(regs.rb(), regs.r(),
            regs.pc(), regs.rc(), regs.p3(), regs.br()).addAll(regs.ops()).build());
    this.split = split;
  }

  /** The 2-layer stage: every cell matched against the bits of b. */
  public static ClassicWriteStage standard() {
    return INSTANCE;
  }

  /** The 4-layer stage: b decoded in halves, r routed through them. */
  public static ClassicWriteStage splitDecoding() {
    return SPLIT;
  }

  Direction routed(int u, int j) {
    return hidden("t[" + u + "].bit[" + j + "]");
  }

  Direction highCopy(int v) {
    return hidden("hc[" + v + "]");
  }

  Direction oldBit(int i, int j) {
    return hidden("z[" + i + "].bit[" + j + "]");
  }

  Direction newBit(int i, int j) {
    return hidden("y[" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
    int n = regs.config().wordBits();
    List<Direction> address = AddressScore.addressBits(regs.rb(), regs.config().memoryBits());
    Affine gate = Affine.builder().plus(regs.opSub().bit(0), 1).plus(regs.opIn().bit(0), 1)
        .plusConstant(-1).build();
    List<LayerPlan.Builder> plans = new ArrayList<>();
    LayerPlan.Builder select = LayerPlan.named(split ? "gate" : "select");
    LayerPlan.Builder update = LayerPlan.named("update");
    if (split) {
      splitGates(regs, address, gate, plans, select, update);
    } else {
      matchGates(regs, address, gate, select, update);
    }
    Affine.Builder run = Affine.builder();
    regs.ops().forEach(op -> run.plus(op.bit(0), 1));
    Affine running = run.build();
    Direction br = regs.br().bit(0);
    for (int t = 0; t < n; t++) {
      Direction keep = hidden("keep[" + t + "]");
      Direction jump = hidden("jump[" + t + "]");
      Direction next = hidden("next[" + t + "]");
      select.add(Neuron.bit(keep, Affine.of(regs.pc().bit(t)).minus(running)));
      select.add(Neuron.bit(jump, Affine.builder().plus(regs.rc().bit(t), 1).plus(br, 1)
          .plusConstant(-1).build()));
      select.add(Neuron.bit(next, Affine.builder().plus(regs.p3().bit(t), 1).plus(br, -1)
          .build()));
      update.add(Neuron.bit(regs.pc().bit(t), Affine.builder().plus(keep, 1).plus(jump, 1)
          .plus(next, 1).build()));
    }
    select.clear(regs.rb()).clear(regs.r()).clear(regs.rc()).clear(regs.p3()).clear(regs.br());
    regs.ops().forEach(select::clear);
    plans.add(select);
    plans.add(update);
    return DecodingLayers.build(plans);
  }

  /** z and y of every cell matched against the bits of b, into {@code select}; the update. */
  private void matchGates(ClassicRegisters regs, List<Direction> address, Affine gate,
      LayerPlan.Builder select, LayerPlan.Builder update) {
    for (int i = 0; i < regs.config().memorySize(); i++) {
      Affine score = AddressScore.score(address, i).plus(gate);
      for (int j = 0; j < regs.config().wordBits(); j++) {
        Direction mem = regs.mem(i).bit(j);
        select.add(Neuron.bit(oldBit(i, j), score.toBuilder().plus(mem, 1).build()));
        select.add(Neuron.bit(newBit(i, j), score.toBuilder().plus(regs.r().bit(j), 1)
            .build()));
        update.add(Neuron.bit(mem, Affine.builder().plus(mem, 1).plus(oldBit(i, j), -1)
            .plus(newBit(i, j), 1).build()));
      }
    }
  }

  /** The decoding layers into {@code plans}, z and y into {@code gate}, the memory update. */
  private void splitGates(ClassicRegisters regs, List<Direction> address, Affine gate,
      List<LayerPlan.Builder> plans, LayerPlan.Builder gates, LayerPlan.Builder update) {
    int m = regs.config().memorySize();
    int n = regs.config().wordBits();
    plans.addAll(DecodingLayers.named(AddressDecoding.SPLIT));
    String prefix = hidden("b").name();
    // gate - 1 is 0 for a write and -1 otherwise: inhibit = 1 - g = -(gate).
    ImmutableList<Direction> hot = AddressDecoding.SPLIT.decodeUnless(address,
        Affine.constant(0).minus(gate), prefix, plans);
    int h = AddressDecoding.lowWidth(address.size());
    int lowMask = (1 << h) - 1;
    LayerPlan.Builder decode = plans.get(1);
    decode.addFamily((1 << h) * n, x -> And.of(AddressDecoding.lowUnit(prefix, x / n),
        regs.r().bit(x % n), routed(x / n, x % n)));
    for (int v = 0; v < 1 << (address.size() - h); v++) {
      decode.add(Neuron.bit(highCopy(v), Affine.of(AddressDecoding.highUnit(prefix, v))));
    }
    // Families: the m N cells are made one at a time as assembly reads them.
    gates.addFamily(m * n, x -> {
      int i = x / n;
      int j = x % n;
      return () -> ImmutableList.of(
          And.of(hot.get(i), regs.mem(i).bit(j), oldBit(i, j)).neurons().get(0),
          And.of(highCopy(i >>> h), routed(i & lowMask, j), newBit(i, j)).neurons().get(0));
    });
    update.addFamily(m * n, x -> {
      Direction mem = regs.mem(x / n).bit(x % n);
      return () -> ImmutableList.of(Neuron.bit(mem, Affine.builder().plus(mem, 1)
          .plus(oldBit(x / n, x % n), -1).plus(newBit(x / n, x % n), 1).build()));
    });
  }
}
