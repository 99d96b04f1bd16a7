package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.Sum;

/**
 * Read with each address decoded once: {@code decode} gives {@code hot[a][i] = [ra == i]} and
 * {@code hot[b][i] = [rb == i]} ({@link AddressDecoding}), ra consumed; {@code gate}: {@code
 * g[a][i].bit[j] = hot[a][i] AND mem[i].bit[j]}, likewise b; {@code gather}: {@code va.bit[j] =
 * sum_i g[a][i].bit[j]}, {@code vb.bit[j] = sum_i g[b][i].bit[j]}. A memory bit costs 2 weights
 * per operand instead of the A + 1 of {@link ReadStage}.
 */
public final class OneHotReadStage extends DeclaredPaperStage {
  private final AddressDecoding decoding;

  private OneHotReadStage(String name, AddressDecoding decoding) {
    super(name, PaperStage.READ,
        regs -> ImmutableSet.<Register>builder().add(regs.ra(), regs.rb()).addAll(regs.memory())
            .build(),
        regs -> ImmutableSet.of(regs.ra(), regs.va(), regs.vb()));
    this.decoding = checkNotNull(decoding);
  }

  /** Read that decodes ra and rb with {@code decoding}. */
  public static OneHotReadStage decoding(AddressDecoding decoding) {
    return new OneHotReadStage("read", decoding);
  }

  /** The hidden neuron holding bit j of mem[i] when i equals the operand register. */
  public Direction selected(String operand, int i, int j) {
    return Direction.named(name() + ".g[" + operand + "][" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int m = regs.config().dataSize();
    int n = regs.config().wordBits();
    List<LayerPlan.Builder> decode = DecodingLayers.named(decoding);
    LayerPlan.Builder gate = LayerPlan.named("gate");
    LayerPlan.Builder gather = LayerPlan.named("gather");
    for (String operand : List.of("a", "b")) {
      Register address = operand.equals("a") ? regs.ra() : regs.rb();
      Register value = operand.equals("a") ? regs.va() : regs.vb();
      ImmutableList<Direction> hot =
          decoding.decode(address, name() + ".r" + operand, decode);
      // Families: the m N neurons are made one at a time as assembly reads them.
      gate.addFamily(m * n, x -> And.of(hot.get(x / n), regs.mem(x / n).bit(x % n),
          selected(operand, x / n, x % n)));
      gather.addFamily(n, j -> {
        List<Direction> terms = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
          terms.add(selected(operand, i, j));
        }
        return Sum.ofBits(terms, value.bit(j));
      });
    }
    decode.get(0).clear(regs.ra());
    return DecodingLayers.build(decode, gate, gather);
  }
}
