package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.AddressMatch;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;

/**
 * Write, 2 layers (SPEC §8.4). L1 {@code select}: {@code z[i].bit[j] = ReLU(s_i(rb) +
 * mem[i].bit[j])}, {@code y[i].bit[j] = ReLU(s_i(rb) + r.bit[j])}, mem copied. L2 {@code
 * update}: {@code mem[i].bit[j] = ReLU(mem[i].bit[j] - z[i].bit[j] + y[i].bit[j])}; rb consumed.
 * The paper stage compares all A address bits; a variant may ignore the highest ones.
 */
public final class WriteStage extends DeclaredPaperStage {
  private static final WriteStage PAPER = new WriteStage("write", 0);

  private final int ignoredHighBits;

  private WriteStage(String name, int ignoredHighBits) {
    super(name, PaperStage.WRITE,
        regs -> ImmutableSet.of(regs.rb(), regs.r()),
        regs -> ImmutableSet.<Register>builder().addAll(regs.memory()).add(regs.rb()).build());
    checkArgument(ignoredHighBits >= 0, "ignored bits must be >= 0");
    this.ignoredHighBits = ignoredHighBits;
  }

  /** The stage of SPEC §8.4. */
  public static WriteStage paper() {
    return PAPER;
  }

  /** A variant whose address match ignores the {@code ignoredHighBits} highest bits of rb. */
  public static WriteStage ignoringHighAddressBits(String name, int ignoredHighBits) {
    return new WriteStage(name, ignoredHighBits);
  }

  public Direction oldBit(int i, int j) {
    return Direction.named(name() + ".z[" + i + "].bit[" + j + "]");
  }

  public Direction newBit(int i, int j) {
    return Direction.named(name() + ".y[" + i + "].bit[" + j + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int m = regs.config().dataSize();
    int n = regs.config().wordBits();
    int compared = Math.max(1, regs.rb().width() - ignoredHighBits);
    Register address = regs.rb().lowBits(compared);
    long mask = (1L << compared) - 1;
    LayerPlan.Builder select = LayerPlan.named("select");
    LayerPlan.Builder update = LayerPlan.named("update");
    // Families: the m N cells are made one at a time as assembly reads them; the select gadget
    // of cell x gives z then y.
    select.addFamily(m * n, x -> {
      int i = x / n;
      int j = x % n;
      return () -> ImmutableList.of(
          AddressMatch.select(address, i & mask, regs.mem(i).bit(j), oldBit(i, j)).neurons().get(0),
          AddressMatch.select(address, i & mask, regs.r().bit(j), newBit(i, j)).neurons().get(0));
    });
    update.addFamily(m * n, x -> {
      Direction mem = regs.mem(x / n).bit(x % n);
      return () -> ImmutableList.of(Neuron.bit(mem, Affine.builder().plus(mem, 1)
          .plus(oldBit(x / n, x % n), -1).plus(newBit(x / n, x % n), 1).build()));
    });
    update.clear(regs.rb());
    return ImmutableList.of(select.build(), update.build());
  }
}
