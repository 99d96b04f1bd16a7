package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.MachineRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.Neuron;

/**
 * Write with rb decoded once: {@code decode} gives {@code hot[i] = [rb == i]} ({@link
 * AddressDecoding}), rb consumed; {@code gate}: {@code z[i].bit[j] = hot[i] AND mem[i].bit[j]},
 * {@code y[i].bit[j] = hot[i] AND r.bit[j]}; {@code update}: {@code mem[i].bit[j] =
 * ReLU(mem[i].bit[j] - z[i].bit[j] + y[i].bit[j])}. A memory bit costs 4 gate weights instead of
 * the 2(A + 1) of {@link WriteStage}.
 */
public final class OneHotWriteStage extends DeclaredStage {
  private final AddressDecoding decoding;

  private OneHotWriteStage(String name, AddressDecoding decoding) {
    super(name, PaperStage.WRITE,
        regs -> ImmutableSet.of(regs.rb(), regs.r()),
        regs -> ImmutableSet.<Register>builder().addAll(regs.memory()).add(regs.rb()).build());
    this.decoding = checkNotNull(decoding);
  }

  /** Write that decodes rb with {@code decoding}. */
  public static OneHotWriteStage decoding(AddressDecoding decoding) {
    return new OneHotWriteStage("write", decoding);
  }

  public Direction oldBit(int i, int j) {
    return Direction.named(name() + ".z[" + i + "].bit[" + j + "]");
  }

  public Direction newBit(int i, int j) {
    return Direction.named(name() + ".y[" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(MachineRegisters regs) {
    int m = regs.config().dataSize();
    int n = regs.config().wordBits();
    List<LayerPlan.Builder> decode = DecodingLayers.named(decoding);
    ImmutableList<Direction> hot = decoding.decode(regs.rb(), name() + ".rb", decode);
    decode.get(0).clear(regs.rb());
    LayerPlan.Builder gate = LayerPlan.named("gate");
    LayerPlan.Builder update = LayerPlan.named("update");
    // Families: the m N cells are made one at a time as assembly reads them; the gate of cell
    // x gives z then y.
    gate.addFamily(m * n, x -> {
      int i = x / n;
      int j = x % n;
      return () -> ImmutableList.of(
          And.of(hot.get(i), regs.mem(i).bit(j), oldBit(i, j)).neurons().get(0),
          And.of(hot.get(i), regs.r().bit(j), newBit(i, j)).neurons().get(0));
    });
    update.addFamily(m * n, x -> {
      Direction mem = regs.mem(x / n).bit(x % n);
      return () -> ImmutableList.of(Neuron.bit(mem, Affine.builder().plus(mem, 1)
          .plus(oldBit(x / n, x % n), -1).plus(newBit(x / n, x % n), 1).build()));
    });
    return DecodingLayers.build(decode, gate, update);
  }
}
