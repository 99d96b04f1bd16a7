package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import org.loopmlp.construction.Direction;
import org.loopmlp.exact.Rational;

/**
 * The step {@code [g == 0] * [S >= T]} for an integer gate score g that is 0 when open and at most
 * -1 when closed (e.g. a sum of address-match scores), as two neurons whose difference is read by
 * the next layer.
 *
 * <p>Identity: {@code [g == 0][S >= T] = ReLU(S - T + 1 + M g) - ReLU(S - T + M g)} for integers
 * S, g whenever {@code M >= max(S - T + 1)}: an open gate leaves the threshold identity of {@link
 * Threshold}; a closed one drives both ReLUs to 0. M is computed from the weights of S, assuming
 * its directions hold bits.
 */
public final class GatedThreshold implements Gadget {
  private final Affine upperPre;
  private final Affine lowerPre;
  private final Direction upper;
  private final Direction lower;

  private GatedThreshold(String name, Affine s, long t, Affine gate) {
    checkNotNull(name, "name");
    checkNotNull(s, "s");
    checkNotNull(gate, "gate");
    Affine shifted = s.plus(1 - t);
    long m = Math.max(1, maxOverBits(shifted));
    Affine.Builder g = Affine.builder().plus(gate, m);
    this.upperPre = shifted.toBuilder().plus(g.build()).build();
    this.lowerPre = s.plus(-t).toBuilder().plus(g.build()).build();
    this.upper = Direction.named(name + ".ge");
    this.lower = Direction.named(name + ".gt");
  }

  /** {@code [gate == 0] [s >= t]}; the neurons are named {@code name.ge} and {@code name.gt}. */
  public static GatedThreshold atLeast(String name, Affine s, long t, Affine gate) {
    return new GatedThreshold(name, s, t, gate);
  }

  /** The largest value of {@code a} when every direction holds a bit. */
  static long maxOverBits(Affine a) {
    Rational max = a.bias();
    for (Map.Entry<Direction, Rational> e : a.terms().entrySet()) {
      if (e.getValue().signum() > 0) {
        max = max.add(e.getValue());
      }
    }
    return max.longValueExact();
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(Neuron.of(upper, upperPre), Neuron.of(lower, lowerPre));
  }

  /** The gated step as an affine form over this gadget's two neurons, for the next layer. */
  public Affine indicator() {
    return Affine.builder().plus(upper, 1).plus(lower, -1).build();
  }
}
