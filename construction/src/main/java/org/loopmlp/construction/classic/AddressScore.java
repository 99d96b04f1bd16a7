package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;

/**
 * The address-match score of a word taken as an address modulo 2^A, over directions that may
 * repeat. Identity: for bits x_t, {@code s_v(x) = sum_t (2 x_t - 1)(2 v_t - 1) - L} is 0 when
 * x == v and at most -2 otherwise; a repeated direction only adds its terms.
 */
final class AddressScore {
  private AddressScore() {}

  /**
   * The A bits of {@code word mod 2^A}, least significant first: bit t of a two's complement
   * word, the sign bit repeated where t >= N.
   */
  static ImmutableList<Direction> addressBits(Register word, int addressBits) {
    ImmutableList.Builder<Direction> b = ImmutableList.builder();
    for (int t = 0; t < addressBits; t++) {
      b.add(word.bit(Math.min(t, word.width() - 1)));
    }
    return b.build();
  }

  /** {@code s_v(bits)}: 0 when the bits spell v, at most -2 otherwise. */
  static Affine score(List<Direction> bits, long v) {
    checkArgument(v >= 0 && v < (1L << bits.size()), "%s is not a %s-bit address", v,
        bits.size());
    Affine.Builder b = Affine.builder();
    long constant = -bits.size();
    for (int t = 0; t < bits.size(); t++) {
      long sign = ((v >>> t) & 1) == 1 ? 1 : -1;
      b.plus(bits.get(t), 2 * sign);
      constant -= sign;
    }
    return b.plusConstant(constant).build();
  }
}
