package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.exact.Rational;

/**
 * A vector that is not the encoding of a machine state: a live direction that is not exactly 0
 * or 1, or scratch that is not 0 between passes. Names the direction and its value.
 */
public final class DecodeException extends RuntimeException {
  private final Direction direction;
  private final Rational value;

  public DecodeException(Direction direction, Rational value, String expected) {
    super("cannot decode: " + direction + " = " + value + ", expected " + expected);
    this.direction = checkNotNull(direction);
    this.value = checkNotNull(value);
  }

  public Direction direction() {
    return direction;
  }

  public Rational value() {
    return value;
  }
}
