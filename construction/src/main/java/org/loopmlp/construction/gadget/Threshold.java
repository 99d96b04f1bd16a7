package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Direction;

/**
 * The step {@code [S >= T]} of an integer affine form S, as two neurons whose difference is read
 * by the next layer.
 *
 * <p>Identity (SPEC §7.5): for an integer S, {@code [S >= T] = ReLU(S - T + 1) - ReLU(S - T)}.
 */
public final class Threshold implements Gadget {
  private final Affine s;
  private final long t;
  private final Direction upper;
  private final Direction lower;

  private Threshold(String name, Affine s, long t) {
    checkNotNull(name, "name");
    this.s = checkNotNull(s);
    this.t = t;
    this.upper = Direction.named(name + ".ge");
    this.lower = Direction.named(name + ".gt");
  }

  /** {@code [s >= t]}; the neurons are named {@code name.ge} and {@code name.gt}. */
  public static Threshold atLeast(String name, Affine s, long t) {
    return new Threshold(name, s, t);
  }

  /** {@code ReLU(S - T + 1)} and {@code ReLU(S - T)}. */
  @Override
  public ImmutableList<Neuron> neurons() {
    return ImmutableList.of(
        Neuron.of(upper, s.plus(1 - t)),
        Neuron.of(lower, s.plus(-t)));
  }

  /** The step as an affine form over this gadget's two neurons, for the next layer. */
  public Affine indicator() {
    return Affine.builder().plus(upper, 1).plus(lower, -1).build();
  }

  @Override
  public String toString() {
    return "[" + s + " >= " + t + "]";
  }
}
