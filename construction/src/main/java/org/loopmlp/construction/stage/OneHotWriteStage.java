package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.Copy;
import org.loopmlp.construction.gadget.Neuron;

/**
 * Write with rb decoded once: {@code decode} gives {@code hot[i] = [rb == i]} ({@link
 * AddressDecoding}), rb consumed; {@code gate}: {@code z[i].bit[j] = hot[i] AND mem[i].bit[j]},
 * {@code y[i].bit[j] = [rb == i] AND r.bit[j]}; {@code update}: {@code mem[i].bit[j] =
 * ReLU(mem[i].bit[j] - z[i].bit[j] + y[i].bit[j])}. A memory bit costs 4 gate weights instead of
 * the 2(A + 1) of {@link WriteStage}.
 *
 * <p>{@link AddressDecoding#ONE_HOT}: {@code y[i].bit[j] = hot[i] AND r.bit[j]}, so every bit of r
 * feeds a neuron in every cell. {@link AddressDecoding#SPLIT} routes r through the halves of rb
 * instead ({@code h} low bits, {@code lo[u]}, {@code hi[v]} as in {@link AddressDecoding}): beside
 * the cell units, {@code t[u].bit[j] = lo[u] AND r.bit[j]} and {@code hi'[v] = ReLU(hi[v])} (a
 * layer reads only the previous layer's neurons), then {@code y[i].bit[j] = hi'[i div 2^h] AND
 * t[i mod 2^h].bit[j]}; since {@code [rb == i] = lo[i mod 2^h] AND hi[i div 2^h]} and AND is
 * associative, this is {@code [rb == i] AND r.bit[j]}. A changed bit of r then reaches 2^h
 * neurons t, of which one changes and reaches 2^(A-h) cells, instead of reaching all 2^A cells;
 * r is read one layer earlier (in the cell layer).
 */
public final class OneHotWriteStage extends DeclaredPaperStage {
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

  /** {@link AddressDecoding#SPLIT}: {@code t[u].bit[j] = lo[u] AND r.bit[j]}. */
  public Direction routedBit(int u, int j) {
    return Direction.named(name() + ".t[" + u + "].bit[" + j + "]");
  }

  /** {@link AddressDecoding#SPLIT}: {@code hi'[v] = hi[v]}, one layer later. */
  public Direction highCopy(int v) {
    return Direction.named(AddressDecoding.highUnit(name() + ".rb", v) + ".copy");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int m = regs.config().dataSize();
    int n = regs.config().wordBits();
    String prefix = name() + ".rb";
    List<LayerPlan.Builder> decode = DecodingLayers.named(decoding);
    ImmutableList<Direction> hot = decoding.decode(regs.rb(), prefix, decode);
    decode.get(0).clear(regs.rb());
    LayerPlan.Builder gate = LayerPlan.named("gate");
    LayerPlan.Builder update = LayerPlan.named("update");
    // Families: the m N cells are made one at a time as assembly reads them; the gate of cell
    // x gives z then y.
    if (decoding == AddressDecoding.ONE_HOT) {
      gate.addFamily(m * n, x -> {
        int i = x / n;
        int j = x % n;
        return () -> ImmutableList.of(
            And.of(hot.get(i), regs.mem(i).bit(j), oldBit(i, j)).neurons().get(0),
            And.of(hot.get(i), regs.r().bit(j), newBit(i, j)).neurons().get(0));
      });
    } else {
      int low = AddressDecoding.lowWidth(regs.rb().width());
      int lowMask = (1 << low) - 1;
      LayerPlan.Builder cells = decode.get(decode.size() - 1);
      cells.addFamily((1 << low) * n, x -> And.of(AddressDecoding.lowUnit(prefix, x / n),
          regs.r().bit(x % n), routedBit(x / n, x % n)));
      cells.addFamily(1 << (regs.rb().width() - low),
          v -> Copy.of(AddressDecoding.highUnit(prefix, v), highCopy(v)));
      gate.addFamily(m * n, x -> {
        int i = x / n;
        int j = x % n;
        return () -> ImmutableList.of(
            And.of(hot.get(i), regs.mem(i).bit(j), oldBit(i, j)).neurons().get(0),
            And.of(highCopy(i >>> low), routedBit(i & lowMask, j), newBit(i, j))
                .neurons().get(0));
      });
    }
    update.addFamily(m * n, x -> {
      Direction mem = regs.mem(x / n).bit(x % n);
      return () -> ImmutableList.of(Neuron.bit(mem, Affine.builder().plus(mem, 1)
          .plus(oldBit(x / n, x % n), -1).plus(newBit(x / n, x % n), 1).build()));
    });
    return DecodingLayers.build(decode, gate, update);
  }
}
