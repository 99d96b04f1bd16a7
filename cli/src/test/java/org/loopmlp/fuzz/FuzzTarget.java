package org.loopmlp.fuzz;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One parser under fuzzing: its name, valid inputs to derive malformed ones from, the parse
 * itself, and which exceptions are the format's own way of saying "malformed" (anything else
 * escaping is a bug, and so is a parse taking longer than {@link Fuzzer#SLOW_MILLIS}).
 *
 * @param name the format, as reported
 * @param seeds valid inputs (each must parse without error; {@link Fuzzer} checks it)
 * @param parser parses one input; it may also check the outcome (e.g. a message that echoes raw
 *     bytes) and throw {@link AssertionError} when it is wrong
 * @param ownError the format's error type(s)
 */
record FuzzTarget(String name, ImmutableList<byte[]> seeds, Parser parser,
    Predicate<Throwable> ownError) {
  FuzzTarget {
    checkArgument(!seeds.isEmpty(), "%s: no seeds", name);
  }

  /** A parser of whole inputs. */
  @FunctionalInterface
  interface Parser {
    void parse(byte[] input) throws Exception;
  }

  /** A target whose own error is {@code errorType} (and its subclasses). */
  static FuzzTarget of(String name, List<byte[]> seeds, Class<? extends Throwable> errorType,
      Parser parser) {
    return new FuzzTarget(name, ImmutableList.copyOf(seeds), parser, errorType::isInstance);
  }
}
