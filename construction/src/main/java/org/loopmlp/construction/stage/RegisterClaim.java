package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.ToLongFunction;
import org.loopmlp.construction.Register;

/**
 * A claim that a register holds a value computed by the reference machine, e.g. {@code ra ==
 * d.a()}, with the statement a person reads.
 */
public record RegisterClaim(Register register, String statement,
    ToLongFunction<StepContext> value) {
  public RegisterClaim {
    checkNotNull(register, "register");
    checkNotNull(statement, "statement");
    checkNotNull(value, "value");
  }

  /** {@code register == value(step)}, read as {@code statement}. */
  public static RegisterClaim holds(Register register, String statement,
      ToLongFunction<StepContext> value) {
    return new RegisterClaim(register, statement, value);
  }

  /** {@code register == 0}: scratch that is not in use. */
  public static RegisterClaim cleared(Register register) {
    return new RegisterClaim(register, register.name() + " == 0", s -> 0L);
  }

  /** The value the register must hold in {@code step}. */
  public long expected(StepContext step) {
    return value.applyAsLong(step);
  }

  @Override
  public String toString() {
    return statement;
  }
}
