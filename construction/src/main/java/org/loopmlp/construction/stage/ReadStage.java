package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.AddressMatch;
import org.loopmlp.construction.gadget.Sum;

/**
 * Read, 2 layers (SPEC §8.2). L1 {@code select}: {@code g[a][i].bit[j] = ReLU(s_i(ra) +
 * mem[i].bit[j])} and the same with rb; ra is consumed (cleared). L2 {@code gather}: {@code
 * va.bit[j] = sum_i g[a][i].bit[j]}, {@code vb.bit[j] = sum_i g[b][i].bit[j]}.
 */
public final class ReadStage extends DeclaredPaperStage {
  private static final ReadStage PAPER = new ReadStage("read");

  private ReadStage(String name) {
    super(name, PaperStage.READ,
        regs -> ImmutableSet.<Register>builder().add(regs.ra(), regs.rb()).addAll(regs.memory())
            .build(),
        regs -> ImmutableSet.of(regs.ra(), regs.va(), regs.vb()));
  }

  /** The stage of SPEC §8.2. */
  public static ReadStage paper() {
    return PAPER;
  }

  /** The hidden neuron of L1 holding bit j of mem[i] when i equals the operand register. */
  public Direction selected(String operand, int i, int j) {
    return Direction.named(name() + ".g[" + operand + "][" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int m = regs.config().dataSize();
    int n = regs.config().wordBits();
    LayerPlan.Builder select = LayerPlan.named("select");
    LayerPlan.Builder gather = LayerPlan.named("gather");
    for (String operand : List.of("a", "b")) {
      Register address = operand.equals("a") ? regs.ra() : regs.rb();
      Register value = operand.equals("a") ? regs.va() : regs.vb();
      // Families: the m N neurons are made one at a time as assembly reads them.
      select.addFamily(m * n, x -> AddressMatch.select(address, x / n, regs.mem(x / n).bit(x % n),
          selected(operand, x / n, x % n)));
      gather.addFamily(n, j -> {
        List<Direction> terms = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
          terms.add(selected(operand, i, j));
        }
        return Sum.ofBits(terms, value.bit(j));
      });
    }
    select.clear(regs.ra());
    return ImmutableList.of(select.build(), gather.build());
  }
}
