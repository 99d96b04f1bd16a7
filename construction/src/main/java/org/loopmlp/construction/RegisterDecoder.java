package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.StateVector;

/**
 * Reads the machine state registers (code, mem, pc, scratch) out of the input or any layer's
 * output of a construction, for display: a register whose directions all hold bits has a value,
 * otherwise only its raw entries.
 */
public final class RegisterDecoder {
  private final Construction construction;

  private RegisterDecoder(Construction construction) {
    this.construction = construction;
  }

  public static RegisterDecoder of(Construction construction) {
    return new RegisterDecoder(checkNotNull(construction));
  }

  /** One register's content at one point of a pass. */
  public record Reading(Register register, OptionalLong value, ImmutableList<Rational> raw) {
    /** True when every direction holds a bit, so {@link #value()} is present. */
    public boolean isBits() {
      return value.isPresent();
    }

    @Override
    public String toString() {
      return register.name() + " = " + (value.isPresent() ? Long.toString(value.getAsLong())
          : "not bits " + raw);
    }
  }

  /** Every state register in the pass input (or any vector over the state space). */
  public ImmutableList<Reading> readInput(StateVector input) {
    return read(input);
  }

  /** Every state register after layer {@code layer} (whose output is {@code output}). */
  public ImmutableList<Reading> readLayer(int layer, StateVector output) {
    checkArgument(output.dimension() == construction.layer(layer).outputLayout().dimension(),
        "layer %s writes %s entries, vector has %s", layer,
        construction.layer(layer).outputLayout().dimension(), output.dimension());
    return read(output);
  }

  private ImmutableList<Reading> read(StateVector v) {
    StateLayout layout = construction.layout();
    checkArgument(v.dimension() >= layout.dimension(), "vector shorter than the state space");
    ImmutableList.Builder<Reading> b = ImmutableList.builder();
    for (Register r : layout.registers()) {
      List<Integer> bits = new ArrayList<>(r.width());
      ImmutableList.Builder<Rational> raw = ImmutableList.builder();
      boolean allBits = true;
      for (Direction d : r.bits()) {
        Rational x = v.get(layout.indexOf(d));
        raw.add(x);
        if (x.isZero()) {
          bits.add(0);
        } else if (x.equals(Rational.ONE)) {
          bits.add(1);
        } else {
          allBits = false;
        }
      }
      b.add(new Reading(r, allBits ? OptionalLong.of(r.valueOf(bits)) : OptionalLong.empty(),
          raw.build()));
    }
    return b.build();
  }

  /** The readings of {@code after} whose raw entries differ from {@code before}. */
  public static ImmutableList<Reading> changed(List<Reading> before, List<Reading> after) {
    checkArgument(before.size() == after.size(), "readings of different spaces");
    ImmutableList.Builder<Reading> b = ImmutableList.builder();
    for (int i = 0; i < after.size(); i++) {
      if (!Objects.equals(before.get(i).raw(), after.get(i).raw())) {
        b.add(after.get(i));
      }
    }
    return b.build();
  }
}
