package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A named basis direction of a layer's space (SPEC §7), e.g. {@code mem[3].bit[2]}, {@code
 * code[1].a.bit[0]}, {@code pc.bit[0]}, {@code r.bit[7]}, or a hidden neuron named by the gadget
 * that owns it such as {@code fetch.sel[3].a.bit[1]}. Gadgets speak only of directions; a {@link
 * StateLayout} assigns their indices.
 */
public record Direction(String name) implements Comparable<Direction> {
  public Direction {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "a direction needs a name");
  }

  /** The direction called {@code name}. */
  public static Direction named(String name) {
    return new Direction(name);
  }

  /** Bit {@code t} of the register {@code register}: {@code register.bit[t]}. */
  public static Direction bit(String register, int t) {
    checkArgument(t >= 0, "bit index must be >= 0, was %s", t);
    return new Direction(register + ".bit[" + t + "]");
  }

  @Override
  public int compareTo(Direction o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
