package org.loopmlp.construction.stage;

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
 * The exact content of a machine's state space at a stage boundary: one {@link RegisterClaim}
 * per register, so the whole vector is determined by the reference machine's step. Immutable.
 *
 * @param <S> the machine's step
 */
public final class StateCondition<S> {
  private final ImmutableMap<String, RegisterClaim<S>> claims;

  private StateCondition(ImmutableMap<String, RegisterClaim<S>> claims) {
    this.claims = claims;
  }

  /** The condition made of {@code claims}, one per register. */
  public static <S> StateCondition<S> of(List<RegisterClaim<S>> claims) {
    Map<String, RegisterClaim<S>> m = new LinkedHashMap<>();
    for (RegisterClaim<S> c : claims) {
      checkArgument(m.put(c.register().name(), c) == null, "two claims on %s",
          c.register().name());
    }
    return new StateCondition<>(ImmutableMap.copyOf(m));
  }

  /** This condition with the claims on the registers of {@code updates} replaced. */
  public StateCondition<S> with(List<RegisterClaim<S>> updates) {
    Map<String, RegisterClaim<S>> m = new LinkedHashMap<>(claims);
    for (RegisterClaim<S> c : updates) {
      checkArgument(m.containsKey(c.register().name()), "no register %s in the condition",
          c.register().name());
      m.put(c.register().name(), c);
    }
    return new StateCondition<>(ImmutableMap.copyOf(m));
  }

  public ImmutableList<RegisterClaim<S>> claims() {
    return claims.values().asList();
  }

  /** The claim on register {@code name}. */
  public RegisterClaim<S> claim(String name) {
    RegisterClaim<S> c = claims.get(name);
    checkArgument(c != null, "no claim on register %s", name);
    return c;
  }

  /** The vector over {@code layout} that this condition describes for {@code step}. */
  public RationalVector expectedVector(StateLayout layout, S step) {
    Rational[] v = new Rational[layout.dimension()];
    Arrays.fill(v, Rational.ZERO);
    for (RegisterClaim<S> c : claims.values()) {
      long value = c.expected(step);
      Register r = c.register();
      for (int t = 0; t < r.width(); t++) {
        v[layout.indexOf(r.bit(t))] = Rational.of(r.bitOf(value, t));
      }
    }
    return RationalVector.of(v);
  }

  /**
   * The first direction of {@code layout} (in claim order) where {@code actual} differs from this
   * condition for {@code step}, if any. Only the claimed registers' directions are compared.
   */
  public Optional<Mismatch<S>> firstMismatch(StateVector actual, StateLayout layout,
      S step) {
    for (RegisterClaim<S> c : claims.values()) {
      long value = c.expected(step);
      Register r = c.register();
      for (int t = 0; t < r.width(); t++) {
        Direction d = r.bit(t);
        Rational want = Rational.of(r.bitOf(value, t));
        Rational got = actual.get(layout.indexOf(d));
        if (!got.equals(want)) {
          return Optional.of(new Mismatch<>(c, d, want, got, value));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where a vector breaks a condition: the claim, the first wrong direction, the bit it should
   * hold and the value it holds.
   */
  public record Mismatch<S>(RegisterClaim<S> claim, Direction direction, Rational expected,
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
