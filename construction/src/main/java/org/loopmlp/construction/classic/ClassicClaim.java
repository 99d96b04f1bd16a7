package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.ToLongFunction;
import org.loopmlp.construction.Register;

/**
 * A claim that a register holds a value computed by the reference classic machine, e.g. {@code
 * ra == d.a()}, with the statement a person reads.
 */
public record ClassicClaim(Register register, String statement,
    ToLongFunction<ClassicStepContext> value) {
  public ClassicClaim {
    checkNotNull(register, "register");
    checkNotNull(statement, "statement");
    checkNotNull(value, "value");
  }

  /** {@code register == value(step)}, read as {@code statement}. */
  public static ClassicClaim holds(Register register, String statement,
      ToLongFunction<ClassicStepContext> value) {
    return new ClassicClaim(register, statement, value);
  }

  /** {@code register == (flag(step) ? 1 : 0)} for a one-bit register. */
  public static ClassicClaim flag(Register register, String statement,
      java.util.function.Predicate<ClassicStepContext> flag) {
    return new ClassicClaim(register, statement, s -> flag.test(s) ? 1 : 0);
  }

  /** {@code register == 0}: scratch not in use, or a flag the host has cleared. */
  public static ClassicClaim cleared(Register register) {
    return new ClassicClaim(register, register.name() + " == 0", s -> 0L);
  }

  /** The value the register must hold in {@code step}. */
  public long expected(ClassicStepContext step) {
    return value.applyAsLong(step);
  }

  @Override
  public String toString() {
    return statement;
  }
}
