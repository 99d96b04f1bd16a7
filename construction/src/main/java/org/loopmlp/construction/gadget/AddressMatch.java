package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;

/**
 * {@code out = ReLU(s_v(x) + y)}: equals the bit y when register x holds the constant v, else 0.
 *
 * <p>Identity (SPEC §7.4): {@code s_v(x) = sum_t (2 x_t - 1)(2 v_t - 1) - L} is 0 when x == v and
 * at most -2 otherwise, for bits x_t.
 */
public final class AddressMatch implements Gadget {
  private final Register x;
  private final long v;
  private final Affine y;
  private final Direction out;

  private AddressMatch(Register x, long v, Affine y, Direction out) {
    this.x = checkNotNull(x);
    checkArgument(v >= 0 && v < (1L << x.width()), "%s is not a %s-bit address", v, x.width());
    this.v = v;
    this.y = checkNotNull(y);
    this.out = checkNotNull(out);
  }

  /** {@code out = [x == v] * y} for a bit y. */
  public static AddressMatch select(Register x, long v, Direction y, Direction out) {
    return new AddressMatch(x, v, Affine.of(y), out);
  }

  /** {@code out = [x == v] * y} for a bit-valued affine y (e.g. {@code rc_t + flag - 1}). */
  public static AddressMatch select(Register x, long v, Affine y, Direction out) {
    return new AddressMatch(x, v, y, out);
  }

  /**
   * {@code out = [x == v and z == u] * y} for a bit y: {@code ReLU(s_v(x) + s_u(z) + y)}, since
   * the sum of two scores is 0 when both match and at most -2 otherwise.
   */
  public static AddressMatch selectWhenBoth(Register x, long v, Register z, long u, Direction y,
      Direction out) {
    return new AddressMatch(x, v, score(z, u).plus(Affine.of(y)), out);
  }

  /**
   * The affine score {@code s_v(x) = sum_t (2 x_t - 1)(2 v_t - 1) - L} of SPEC §7.4, over all bits
   * of {@code x}.
   */
  public static Affine score(Register x, long v) {
    checkArgument(v >= 0 && v < (1L << x.width()), "%s is not a %s-bit address", v, x.width());
    Affine.Builder b = Affine.builder();
    long constant = -x.width();
    for (int t = 0; t < x.width(); t++) {
      long sign = ((v >>> t) & 1) == 1 ? 1 : -1;
      // (2 x_t - 1) * sign = 2 sign x_t - sign
      b.plus(x.bit(t), 2 * sign);
      constant -= sign;
    }
    return b.plusConstant(constant).build();
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(Neuron.bit(out, score(x, v).plus(y)));
  }

  @Override
  public String toString() {
    return out + " = ReLU(s_" + v + "(" + x + ") + " + y + ")";
  }
}
