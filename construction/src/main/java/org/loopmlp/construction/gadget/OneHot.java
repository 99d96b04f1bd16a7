package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.Direction;

/**
 * {@code out = ReLU(s_v(x) + 1)}: the unit of value v in the one-hot decoding of the bits x, 1
 * when x holds v and 0 otherwise. The bits may be a whole register or a part of one (the low or
 * high half of an address); with no bits at all the unit is the constant 1.
 *
 * <p>Identity (SPEC §7.4): {@code s_v(x) = sum_t (2 x_t - 1)(2 v_t - 1) - L} is 0 when x == v and
 * at most -2 otherwise, for bits x_t; so {@code ReLU(s_v(x) + 1)} is 1 or 0. An inhibited unit
 * {@code ReLU(s_v(x) + 1 - u)} with a bit-valued u is {@code [x == v] AND NOT u}: 1 - u when x
 * == v, and at most -1 otherwise.
 */
public final class OneHot implements Gadget {
  private final ImmutableList<Direction> bits;
  private final long v;
  private final Affine inhibit;
  private final Direction out;

  private OneHot(List<Direction> bits, long v, Affine inhibit, Direction out) {
    checkArgument(bits.size() <= 62, "%s bits, at most 62 supported", bits.size());
    checkArgument(v >= 0 && v < (1L << bits.size()), "%s is not a %s-bit value", v, bits.size());
    this.bits = ImmutableList.copyOf(bits);
    this.v = v;
    this.inhibit = checkNotNull(inhibit);
    this.out = checkNotNull(out);
  }

  /** {@code out = [bits == v]}, bits least significant first. */
  public static OneHot unit(List<Direction> bits, long v, Direction out) {
    return new OneHot(bits, v, Affine.constant(0), out);
  }

  /** {@code out = [bits == v] AND NOT u} for a bit-valued affine u. */
  public static OneHot unitUnless(List<Direction> bits, long v, Affine u, Direction out) {
    return new OneHot(bits, v, u, out);
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    Affine.Builder b = Affine.builder();
    long constant = 1 - bits.size();
    for (int t = 0; t < bits.size(); t++) {
      long sign = ((v >>> t) & 1) == 1 ? 1 : -1;
      // (2 x_t - 1) * sign = 2 sign x_t - sign
      b.plus(bits.get(t), 2 * sign);
      constant -= sign;
    }
    return ImmutableList.of(Neuron.bit(out, b.plusConstant(constant).build().minus(inhibit)));
  }

  @Override
  public String toString() {
    return out + " = [" + bits + " == " + v + "]";
  }
}
