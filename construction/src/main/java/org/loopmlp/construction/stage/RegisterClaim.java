package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.loopmlp.construction.Register;

/**
 * A claim that a register holds a value computed by the reference machine's step {@code S}, e.g.
 * {@code ra == d.a()}, with the statement a person reads.
 *
 * @param <S> the machine's step
 */
public record RegisterClaim<S>(Register register, String statement, ToLongFunction<S> value) {
  public RegisterClaim {
    checkNotNull(register, "register");
    checkNotNull(statement, "statement");
    checkNotNull(value, "value");
  }

  /** {@code register == value(step)}, read as {@code statement}. */
  public static <S> RegisterClaim<S> holds(Register register, String statement,
      ToLongFunction<S> value) {
    return new RegisterClaim<>(register, statement, value);
  }

  /** {@code register == (flag(step) ? 1 : 0)} for a one-bit register. */
  public static <S> RegisterClaim<S> flag(Register register, String statement,
      Predicate<S> flag) {
    return new RegisterClaim<>(register, statement, s -> flag.test(s) ? 1 : 0);
  }

  /** {@code register == 0}: scratch that is not in use, or a flag the host has cleared. */
  public static <S> RegisterClaim<S> cleared(Register register) {
    return new RegisterClaim<>(register, register.name() + " == 0", s -> 0L);
  }

  /** The value the register must hold in {@code step}. */
  public long expected(S step) {
    return value.applyAsLong(step);
  }

  @Override
  public String toString() {
    return statement;
  }
}
