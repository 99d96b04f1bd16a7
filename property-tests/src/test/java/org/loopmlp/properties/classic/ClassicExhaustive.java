package org.loopmlp.properties.classic;

import java.util.Optional;
import java.util.OptionalLong;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;
import org.loopmlp.verify.classic.ClassicStates;

/**
 * An oracle for {@link ClassicStates}: one pass of a classic network against one step of the
 * reference machine, judged by decoding the pass output ({@code ClassicLoopedMlp.step}, one state
 * at a time on the backend's own single-vector path) rather than by comparing vectors in blocks.
 */
final class ClassicExhaustive {
  private ClassicExhaustive() {}

  /** Where one pass from {@code s} with {@code in} offered differs from the step, if it does. */
  static Optional<String> check(ClassicLoopedMlp mlp, ClassicState s, int in) {
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
        || o.offeredInput() != in || !o.state().equals(ClassicMachine.apply(s, d))) {
      return Optional.of(s + " input " + in + ": reference " + ClassicMachine.apply(s, d)
          + " printing " + d.output() + ", network " + o);
    }
    return Optional.empty();
  }

  /** The number of the first state of {@code space} that differs, in its order; empty if none. */
  static OptionalLong firstDisagreement(ClassicLoopedMlp mlp, ClassicStates space) {
    for (long k = 0; k < space.states(); k++) {
      if (check(mlp, space.stateOf(k), space.inputOf(k)).isPresent()) {
        return OptionalLong.of(k);
      }
    }
    return OptionalLong.empty();
  }
}
