package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Direction;

/**
 * {@code out = ReLU(x + y - 1)}: the conjunction of two bits (y may be a bit-valued affine form).
 *
 * <p>Identity: for bits x, y, {@code ReLU(x + y - 1) = x AND y}.
 */
public final class And implements Gadget {
  private final Affine x;
  private final Affine y;
  private final Direction out;

  private And(Affine x, Affine y, Direction out) {
    this.x = checkNotNull(x);
    this.y = checkNotNull(y);
    this.out = checkNotNull(out);
  }

  public static And of(Direction x, Direction y, Direction out) {
    return new And(Affine.of(x), Affine.of(y), out);
  }

  public static And of(Direction x, Affine y, Direction out) {
    return new And(Affine.of(x), y, out);
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(Neuron.bit(out, x.plus(y).plus(-1)));
  }
}
