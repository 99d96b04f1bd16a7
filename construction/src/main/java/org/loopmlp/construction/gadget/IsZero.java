package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;

/**
 * {@code out = ReLU(1 - sum_j x_j)}: 1 exactly when every bit of register x is 0.
 *
 * <p>Identity: for bits x_j, {@code ReLU(1 - sum_j x_j) = [x == 0]}.
 */
public final class IsZero implements Gadget {
  private final Register x;
  private final Direction out;

  private IsZero(Register x, Direction out) {
    this.x = checkNotNull(x);
    this.out = checkNotNull(out);
  }

  public static IsZero of(Register x, Direction out) {
    return new IsZero(x, out);
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    Affine.Builder b = Affine.builder().plusConstant(1);
    x.bits().forEach(d -> b.plus(d, -1));
    return ImmutableList.of(Neuron.bit(out, b.build()));
  }
}
