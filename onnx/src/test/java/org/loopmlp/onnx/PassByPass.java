package org.loopmlp.onnx;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.RunResult;
import org.loopmlp.isa.SubleqRunner;
import org.loopmlp.isa.asm.SqProgram;

/**
 * Runs a program through one construction on the exact backend and on another backend side by
 * side, each looping on its own output, and compares the two state vectors after every pass,
 * entry by entry, as exact values; times each backend's passes.
 */
final class PassByPass {
  private PassByPass() {}

  /** How a run went: passes compared, the first difference if any, time per backend. */
  record Result(String program, int passes, Optional<String> difference, long exactNanos,
      long otherNanos) {
    boolean agrees() {
      return difference.isEmpty();
    }
  }

  /**
   * {@code sq} moved to the larger {@code config}: the same slots (the rest HALT), the same
   * words (the rest 0), the same pc.
   */
  static SqProgram hosted(SqProgram sq, MachineConfig config) {
    MachineConfig own = sq.config();
    checkArgument(fits(own, config), "%s does not fit in %s", own, config);
    List<Instruction> slots = new ArrayList<>(sq.program().slots());
    Program p = Program.padded(config, slots, sq.program().zeroCell());
    long[] memory = new long[config.dataSize()];
    System.arraycopy(sq.initialState().memory(), 0, memory, 0, own.dataSize());
    return SqProgram.of(p, MachineState.of(config, memory, sq.initialState().pc()));
  }

  /** True when a program of config {@code own} can be hosted at {@code config}. */
  static boolean fits(MachineConfig own, MachineConfig config) {
    return own.wordBits() <= config.wordBits() && own.dataBits() <= config.dataBits()
        && own.codeBits() <= config.codeBits();
  }

  /** Every pass of {@code example} (hosted at the construction's config) up to its halt. */
  static Result run(Construction c, Backend other, Backend.Compiled exact,
      Backend.Compiled compiled, Example example, int maxPasses) {
    SqProgram sq = hosted(example.program(), c.config());
    RunResult reference = SubleqRunner.run(sq.program(), sq.initialState(), maxPasses);
    StateCodec codec = StateCodec.forConstruction(c);
    StateVector input = codec.encode(sq.program(), sq.initialState());
    StateVector x = exact.load(input);
    StateVector z = compiled.load(input);
    long exactNanos = 0;
    long otherNanos = 0;
    for (int pass = 0; pass < reference.steps(); pass++) {
      long t0 = System.nanoTime();
      x = exact.apply(x);
      long t1 = System.nanoTime();
      z = compiled.apply(z);
      long t2 = System.nanoTime();
      exactNanos += t1 - t0;
      otherNanos += t2 - t1;
      for (int i = 0; i < x.dimension(); i++) {
        if (!(x.isZero(i) ? z.isZero(i) : x.isOne(i) ? z.isOne(i) : x.get(i).equals(z.get(i)))) {
          return new Result(example.name(), pass + 1, Optional.of(String.format(Locale.ROOT,
              "pass %d: direction %s is %s exactly, %s on %s", pass, c.layout().direction(i),
              x.get(i), describe(z, i), other.name())), exactNanos, otherNanos);
        }
      }
    }
    return new Result(example.name(), reference.steps(), Optional.empty(), exactNanos,
        otherNanos);
  }

  private static String describe(StateVector z, int i) {
    try {
      return z.get(i).toString();
    } catch (ArithmeticException e) {
      return "not finite";
    }
  }

  /** The exact backend, compiled for {@code c}. */
  static Backend.Compiled exact(Construction c) {
    return Backends.named("exact").compile(c.network());
  }
}
