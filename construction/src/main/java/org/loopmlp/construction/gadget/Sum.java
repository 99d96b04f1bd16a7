package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.Direction;

/**
 * {@code out = ReLU(sum of terms)}: a linear sum kept by the ReLU because it is never negative
 * (e.g. a one-hot sum of selected bits, or a sum of steps that is a bit).
 *
 * <p>Identity: {@code ReLU(x) = x} for {@code x >= 0}.
 */
public final class Sum implements Gadget {
  private final Affine total;
  private final Direction out;
  private final boolean bit;

  private Sum(Affine total, Direction out, boolean bit) {
    this.total = checkNotNull(total);
    this.out = checkNotNull(out);
    this.bit = bit;
  }

  /** {@code out = sum of the directions}, claimed to be a bit (at most one term is 1). */
  public static Sum ofBits(List<Direction> terms, Direction out) {
    Affine.Builder b = Affine.builder();
    terms.forEach(d -> b.plus(d, 1));
    return new Sum(b.build(), out, true);
  }

  /** {@code out = total}, claimed to be a bit. */
  public static Sum bit(Affine total, Direction out) {
    return new Sum(total, out, true);
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(bit ? Neuron.bit(out, total) : Neuron.of(out, total));
  }

  @Override
  public String toString() {
    return out + " = " + total;
  }
}
