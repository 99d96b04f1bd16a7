package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Direction;

/**
 * {@code out = ReLU(x)}: carries a non-negative value to another direction.
 *
 * <p>Identity: {@code ReLU(x) = x} for {@code x >= 0}.
 */
public final class Copy implements Gadget {
  private final Direction in;
  private final Direction out;

  private Copy(Direction in, Direction out) {
    this.in = checkNotNull(in);
    this.out = checkNotNull(out);
  }

  public static Copy of(Direction in, Direction out) {
    return new Copy(in, out);
  }

  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(Neuron.bit(out, Affine.of(in)));
  }
}
