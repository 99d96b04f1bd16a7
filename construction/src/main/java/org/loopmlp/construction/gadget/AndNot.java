package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Direction;

/**
 * {@code out = ReLU(x - y)}: bit x unless bit y (y may be a bit-valued affine form).
 *
 * <p>Identity: for bits x, y, {@code ReLU(x - y) = x AND NOT y}.
 */
public final class AndNot implements Gadget {
  private final Affine x;
  private final Affine y;
  private final Direction out;

  private AndNot(Affine x, Affine y, Direction out) {
    this.x = checkNotNull(x);
    this.y = checkNotNull(y);
    this.out = checkNotNull(out);
  }

  public static AndNot of(Direction x, Direction y, Direction out) {
    return new AndNot(Affine.of(x), Affine.of(y), out);
  }

  public static AndNot of(Direction x, Affine y, Direction out) {
    return new AndNot(Affine.of(x), y, out);
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(Neuron.bit(out, x.minus(y)));
  }
}
