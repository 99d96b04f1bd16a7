package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Invariant;

/**
 * One row of a layer: {@code output = ReLU(preActivation)}. A gadget may declare the invariant
 * its output satisfies (e.g. a bit); otherwise the assembler bounds it by interval arithmetic.
 */
public record Neuron(Direction output, Affine preActivation, Optional<Invariant> declared) {
  public Neuron {
    checkNotNull(output, "output");
    checkNotNull(preActivation, "preActivation");
    checkNotNull(declared, "declared");
  }

  /** {@code output = ReLU(pre)}, bounded by interval arithmetic. */
  public static Neuron of(Direction output, Affine pre) {
    return new Neuron(output, pre, Optional.empty());
  }

  /** {@code output = ReLU(pre)}, claimed to be a bit in {0, 1} for every admissible input. */
  public static Neuron bit(Direction output, Affine pre) {
    return new Neuron(output, pre, Optional.of(Invariant.BIT));
  }
}
