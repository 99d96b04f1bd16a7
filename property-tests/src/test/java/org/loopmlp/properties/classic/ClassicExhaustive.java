package org.loopmlp.properties.classic;

import java.util.Optional;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * One pass of a classic network against one step of the reference machine on every state of a
 * config: every memory, every pc, and each of a set of input offers (end of input, 0, 1, 2, 3,
 * 0x55, 0xAA, 0xFF: every value of the low bits a small word keeps, and bytes that print with
 * every bit pattern).
 */
final class ClassicExhaustive {
  static final int[] INPUTS = {ClassicMachine.END_OF_INPUT, 0, 1, 2, 3, 0x55, 0xAA, 0xFF};

  private ClassicExhaustive() {}

  /** The number of cases of {@code config}: 2^(N 2^A) memories, 2^N pcs, 8 inputs. */
  static long cases(ClassicConfig config) {
    return (1L << (config.wordBits() * config.memorySize())) << config.wordBits()
        << 3;
  }

  /** Case {@code k} (0 <= k < cases): memory, pc and input from the bits of k. */
  static ClassicState state(ClassicConfig config, long k) {
    int n = config.wordBits();
    long[] mem = new long[config.memorySize()];
    long rest = k >>> 3;
    for (int i = 0; i < mem.length; i++) {
      mem[i] = config.wrap(rest & ((1L << n) - 1));
      rest >>>= n;
    }
    return ClassicState.of(config, mem, config.wrap(rest));
  }

  static int input(long k) {
    return INPUTS[(int) (k & 7)];
  }

  /** Where one pass differs from the reference step for case {@code k}, if it does. */
  static Optional<String> check(ClassicLoopedMlp mlp, ClassicConfig config, long k) {
    ClassicState s = state(config, k);
    int in = input(k);
    ClassicStepDetail d = ClassicMachine.detail(s, in);
    ClassicPassOutput o;
    try {
      o = mlp.step(s, in);
    } catch (DecodeException e) {
      return Optional.of(s + " input " + in + ": " + e.getMessage());
    } catch (ArithmeticException e) {
      return Optional.of(s + " input " + in + ": " + e);
    }
    boolean ran = d.op() != ClassicOp.HALTED;
    if (o.executed() != ran || o.taken() != d.readsInput() || o.output() != d.output()
        || !o.state().equals(ClassicMachine.apply(s, d))) {
      return Optional.of(s + " input " + in + ": reference " + ClassicMachine.apply(s, d)
          + " printing " + d.output() + ", network " + o);
    }
    return Optional.empty();
  }

  /** The first case that differs, checking every case; empty when all agree. */
  static Optional<String> firstDisagreement(ClassicLoopedMlp mlp, ClassicConfig config) {
    long total = cases(config);
    for (long k = 0; k < total; k++) {
      Optional<String> d = check(mlp, config, k);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }
}
