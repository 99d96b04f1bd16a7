package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.And;
import org.loopmlp.construction.gadget.OneHot;

/**
 * How a one-hot stage turns an address register of L bits into one selector unit per cell,
 * {@code hot[i] = [x == i]} for every {@code i < 2^L}, so that a cell is gated by one unit
 * (2 weights per gated bit) instead of being matched against all L address bits.
 */
public enum AddressDecoding {
  /** One layer: {@code hot[i] = ReLU(s_i(x) + 1)}, 2^L units of L weights each. */
  ONE_HOT(1),
  /**
   * Two layers: the low {@code h = ceil(L/2)} bits and the high {@code L - h} bits decoded on
   * their own ({@code lo[u] = [x mod 2^h == u]}, {@code hi[v] = [x div 2^h == v]}), then {@code
   * hot[i] = lo[i mod 2^h] AND hi[i div 2^h]}. A changed address bit reaches about 2^(L/2) units
   * of the first layer and two of them change, each reaching 2^(L/2) cells, instead of reaching
   * all 2^L units of {@link #ONE_HOT}.
   */
  SPLIT(2);

  private final int layers;

  AddressDecoding(int layers) {
    this.layers = layers;
  }

  /** The layers the decoding takes before its units can be read. */
  public int layers() {
    return layers;
  }

  /**
   * Adds the units that decode {@code address} to {@code plans} (exactly {@link #layers()} of
   * them, in order), naming them {@code prefix.hot[i]} (and {@code prefix.lo[u]}, {@code
   * prefix.hi[v]}); returns the 2^L selector units, outputs of the last plan, by cell.
   */
  public ImmutableList<Direction> decode(Register address, String prefix,
      List<LayerPlan.Builder> plans) {
    return decode(address.bits(), prefix, plans);
  }

  /**
   * As {@link #decode(Register, String, List)}, for address bits that need not form a register
   * (least significant first; a direction may repeat, e.g. a sign bit standing for the bits above
   * a short word: the identity of {@link OneHot} holds term by term).
   */
  public ImmutableList<Direction> decode(List<Direction> addressBits, String prefix,
      List<LayerPlan.Builder> plans) {
    return decodeUnless(addressBits, Affine.constant(0), prefix, plans);
  }

  /**
   * As {@link #decode(List, String, List)}, with every selector unit 0 while the bit-valued
   * {@code inhibit} is 1: the first layer's units are {@link OneHot#unitUnless inhibited} (for
   * {@link #SPLIT} the hi units only, as a cell needs both halves).
   */
  public ImmutableList<Direction> decodeUnless(List<Direction> addressBits, Affine inhibit,
      String prefix, List<LayerPlan.Builder> plans) {
    checkArgument(plans.size() == layers, "%s needs %s layers, got %s", this, layers,
        plans.size());
    int width = addressBits.size();
    checkArgument(width <= 30, "address %s has %s bits, at most 30 supported", prefix, width);
    int cells = 1 << width;
    ImmutableList.Builder<Direction> hot = ImmutableList.builderWithExpectedSize(cells);
    if (this == ONE_HOT) {
      for (int i = 0; i < cells; i++) {
        Direction unit = Direction.named(prefix + ".hot[" + i + "]");
        plans.get(0).add(OneHot.unitUnless(addressBits, i, inhibit, unit));
        hot.add(unit);
      }
      return hot.build();
    }
    int low = lowWidth(width);
    List<Direction> lowBits = addressBits.subList(0, low);
    List<Direction> highBits = addressBits.subList(low, width);
    for (int u = 0; u < 1 << low; u++) {
      plans.get(0).add(OneHot.unit(lowBits, u, lowUnit(prefix, u)));
    }
    for (int v = 0; v < 1 << highBits.size(); v++) {
      plans.get(0).add(OneHot.unitUnless(highBits, v, inhibit, highUnit(prefix, v)));
    }
    int lowMask = (1 << low) - 1;
    for (int i = 0; i < cells; i++) {
      Direction unit = Direction.named(prefix + ".hot[" + i + "]");
      plans.get(1).add(And.of(lowUnit(prefix, i & lowMask), highUnit(prefix, i >>> low), unit));
      hot.add(unit);
    }
    return hot.build();
  }

  /** {@link #SPLIT}: the number of low address bits, ceil(L/2), decoded into the lo units. */
  public static int lowWidth(int width) {
    return (width + 1) / 2;
  }

  /** {@link #SPLIT}: the unit {@code lo[u] = [x mod 2^h == u]}, an output of the first layer. */
  public static Direction lowUnit(String prefix, int u) {
    return Direction.named(prefix + ".lo[" + u + "]");
  }

  /** {@link #SPLIT}: the unit {@code hi[v] = [x div 2^h == v]}, an output of the first layer. */
  public static Direction highUnit(String prefix, int v) {
    return Direction.named(prefix + ".hi[" + v + "]");
  }
}
