package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;

/**
 * The exact content of the classic state space at a stage boundary: one {@link ClassicClaim} per
 * register, so the whole vector is determined by the reference machine's step. Immutable.
 */
public final class ClassicCondition {
  private final ImmutableMap<String, ClassicClaim> claims;

  private ClassicCondition(ImmutableMap<String, ClassicClaim> claims) {
    this.claims = claims;
  }

  /** The condition made of {@code claims}, one per register. */
  public static ClassicCondition of(List<ClassicClaim> claims) {
    Map<String, ClassicClaim> m = new LinkedHashMap<>();
    for (ClassicClaim c : claims) {
      checkArgument(m.put(c.register().name(), c) == null, "two claims on %s",
          c.register().name());
    }
    return new ClassicCondition(ImmutableMap.copyOf(m));
  }

  /** This condition with the claims on the registers of {@code updates} replaced. */
  public ClassicCondition with(List<ClassicClaim> updates) {
    Map<String, ClassicClaim> m = new LinkedHashMap<>(claims);
    for (ClassicClaim c : updates) {
      checkArgument(m.containsKey(c.register().name()), "no register %s in the condition",
          c.register().name());
      m.put(c.register().name(), c);
    }
    return new ClassicCondition(ImmutableMap.copyOf(m));
  }

  public ImmutableList<ClassicClaim> claims() {
    return claims.values().asList();
  }

  /** The claim on register {@code name}. */
  public ClassicClaim claim(String name) {
    ClassicClaim c = claims.get(name);
    checkArgument(c != null, "no claim on register %s", name);
    return c;
  }

  /** The vector over {@code layout} that this condition describes for {@code step}. */
  public RationalVector expectedVector(StateLayout layout, ClassicStepContext step) {
    Rational[] v = new Rational[layout.dimension()];
    Arrays.fill(v, Rational.ZERO);
    for (ClassicClaim c : claims.values()) {
      long value = c.expected(step);
      Register r = c.register();
      for (int t = 0; t < r.width(); t++) {
        v[layout.indexOf(r.bit(t))] = Rational.of(r.bitOf(value, t));
      }
    }
    return RationalVector.of(v);
  }

  /**
   * The first direction (in claim order) where {@code actual} differs from this condition for
   * {@code step}, if any.
   */
  public Optional<Mismatch> firstMismatch(StateVector actual, StateLayout layout,
      ClassicStepContext step) {
    for (ClassicClaim c : claims.values()) {
      long value = c.expected(step);
      Register r = c.register();
      for (int t = 0; t < r.width(); t++) {
        Direction d = r.bit(t);
        Rational want = Rational.of(r.bitOf(value, t));
        Rational got = actual.get(layout.indexOf(d));
        if (!got.equals(want)) {
          return Optional.of(new Mismatch(c, d, want, got, value));
        }
      }
    }
    return Optional.empty();
  }

  /** Where a vector breaks a condition: the claim, the first wrong direction, want and got. */
  public record Mismatch(ClassicClaim claim, Direction direction, Rational expected,
      Rational got, long expectedRegisterValue) {
    @Override
    public String toString() {
      return claim.statement() + " (= " + expectedRegisterValue + ") fails at " + direction
          + ": expected " + expected + ", got " + got;
    }
  }

  @Override
  public String toString() {
    return claims.values().toString();
  }
}
