package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * Runs the classic network and the reference classic machine side by side on the same input
 * bytes, comparing after every pass the state, the byte printed, whether the input byte was
 * taken and whether an instruction ran; stops at the first disagreement. The network's output
 * goes to the given sink as it runs.
 */
public final class ClassicLockstep {
  private ClassicLockstep() {}

  /** The first pass where network and reference differ, and how. */
  public record Disagreement(long pass, String what, String expected, String got) {
    public String describe() {
      return "pass " + pass + ": " + what + ": reference " + expected + ", network " + got;
    }
  }

  /**
   * The outcome: the network's run (up to the disagreement), the reference machine's state and
   * steps at the same point, and the first disagreement if any.
   */
  public record Outcome(ClassicLoopedMlp.Run mlp, ClassicState reference, long referenceSteps,
      Optional<Disagreement> disagreement) {
    public boolean agree() {
      return disagreement.isEmpty();
    }
  }

  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Disagreement disagreement;

    Stop(Disagreement disagreement) {
      super(null, null, false, false);
      this.disagreement = disagreement;
    }
  }

  /**
   * Runs both for at most {@code maxSteps} steps on {@code input}; {@code listener} sees every
   * pass (for progress). A pass output that does not decode is a disagreement.
   */
  public static Outcome run(ClassicLoopedMlp mlp, ClassicState initial, byte[] input,
      ByteOutput out, long maxSteps, ClassicLoopedMlp.PassListener listener) {
    return run(mlp, initial, input, out, maxSteps, listener, () -> false);
  }

  /**
   * The same, also ending the run (as at the step limit, not halted) after the first pass at
   * which {@code stop} is true: for a time limit.
   */
  public static Outcome run(ClassicLoopedMlp mlp, ClassicState initial, byte[] input,
      ByteOutput out, long maxSteps, ClassicLoopedMlp.PassListener listener,
      BooleanSupplier stop) {
    checkNotNull(mlp, "mlp");
    checkNotNull(out, "out");
    checkNotNull(listener, "listener");
    Comparison c = new Comparison(initial, input, listener, stop);
    try {
      ClassicLoopedMlp.Run run = mlp.run(initial, ByteInput.of(input), out, maxSteps, c);
      return new Outcome(run, c.ref, c.refSteps, Optional.empty());
    } catch (Stop s) {
      return c.stopped(Optional.ofNullable(s.disagreement));
    } catch (DecodeException e) {
      return c.stopped(Optional.of(new Disagreement(c.passes, "decoding the output",
          "a classic state encoding", e.getMessage())));
    }
  }

  /**
   * The reference machine stepped beside the network, pass by pass: each pass is compared with
   * the reference's step from the same state, and the first difference stops the run.
   */
  private static final class Comparison implements ClassicLoopedMlp.StepListener {
    private final ByteInput refIn;
    private final ClassicLoopedMlp.PassListener listener;
    private final BooleanSupplier stop;
    private ClassicState ref;
    private long refSteps;
    private ClassicState lastAgreed;
    private long passes;

    Comparison(ClassicState initial, byte[] input, ClassicLoopedMlp.PassListener listener,
        BooleanSupplier stop) {
      this.refIn = ByteInput.of(input);
      this.listener = listener;
      this.stop = stop;
      this.ref = initial;
      this.lastAgreed = initial;
    }

    @Override
    public void afterPass(long pass, ClassicState before, ClassicPassOutput o,
        int[] changedWords) {
      // The induction below needs the pass to have run from the reference's state itself.
      checkState(before == ref, "pass %s ran from a state the reference is not in", pass);
      passes = pass + 1;
      ClassicStepDetail d = ClassicMachine.detail(ref, refIn.peek());
      boolean ran = d.op() != ClassicOp.HALTED;
      compare(pass, d, ran, before, o, changedWords);
      if (d.readsInput()) {
        refIn.take();
      }
      if (ran) {
        refSteps++;
      }
      // Equal to ClassicMachine.apply(ref, d), as just shown, without copying the memory.
      ref = o.state();
      lastAgreed = o.state();
      listener.afterPass(pass, before, o);
      if (ran && stop.getAsBoolean()) {
        throw new Stop(null);
      }
    }

    /** Throws {@link Stop} at the first way pass {@code pass} differs from step {@code d}. */
    private static void compare(long pass, ClassicStepDetail d, boolean ran, ClassicState before,
        ClassicPassOutput o, int[] changedWords) {
      if (ran != o.executed()) {
        throw new Stop(new Disagreement(pass, "executed", ran ? "an instruction (" + d.op()
            + ")" : "nothing (halted)", o.executed() ? "an instruction" : "nothing"));
      }
      if (d.readsInput() != o.taken()) {
        throw new Stop(new Disagreement(pass, "input taken", String.valueOf(d.readsInput()),
            String.valueOf(o.taken())));
      }
      if (d.output() != o.output()) {
        throw new Stop(new Disagreement(pass, "byte printed (-1: none)",
            String.valueOf(d.output()), String.valueOf(o.output())));
      }
      Optional<String> wrong = firstDifference(before, d, o.state(), changedWords);
      if (wrong.isPresent()) {
        throw new Stop(new Disagreement(pass, "state after the step", "pc " + d.nextPc(),
            wrong.get()));
      }
    }

    /** The outcome of a run stopped after the last agreed pass, with {@code disagreement}. */
    Outcome stopped(Optional<Disagreement> disagreement) {
      return new Outcome(new ClassicLoopedMlp.Run(lastAgreed, refSteps, false), ref, refSteps,
          disagreement);
    }
  }

  /**
   * Where the network's state after a step differs from the reference's, as {@link
   * #firstDifference(ClassicState, ClassicState)} words it, or empty when they are equal;
   * without reading the whole memory. Both ran from {@code before} (the reference is in it by
   * induction: the first pass runs from the initial state, and every later one from the state
   * of the pass before, which was found equal). The reference's step {@code d} changes at most
   * the word {@code addrB} (when it writes) and the pc; the network changed exactly the words
   * {@code changedWords} and perhaps the pc. Every other word is {@code before}'s in both, so
   * the states are equal exactly when the pcs are and the words agree at {@code changedWords}
   * and {@code addrB}: the first of those that disagrees (lowest address) is the first
   * difference of the whole states.
   */
  static Optional<String> firstDifference(ClassicState before, ClassicStepDetail d,
      ClassicState got, int[] changedWords) {
    if (got.pc() != d.nextPc()) {
      return Optional.of("pc " + got.pc() + " (reference " + d.nextPc() + ")");
    }
    int first = Integer.MAX_VALUE;
    for (int a : changedWords) {
      if (got.word(a) != referenceWord(before, d, a)) {
        first = Math.min(first, a);
      }
    }
    if (d.writes() && got.word(d.addrB()) != d.result()) {
      first = Math.min(first, d.addrB());
    }
    if (first == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of("mem[" + first + "] = " + got.word(first) + " (reference "
        + referenceWord(before, d, first) + ")");
  }

  /** Word {@code a} of the reference's state after step {@code d} from {@code before}. */
  private static long referenceWord(ClassicState before, ClassicStepDetail d, int a) {
    return d.writes() && a == d.addrB() ? d.result() : before.word(a);
  }

  /** The first word (or pc) where {@code got} differs from {@code want}. */
  static String firstDifference(ClassicState want, ClassicState got) {
    if (want.pc() != got.pc()) {
      return "pc " + got.pc() + " (reference " + want.pc() + ")";
    }
    for (int i = 0; i < want.config().memorySize(); i++) {
      if (want.word(i) != got.word(i)) {
        return "mem[" + i + "] = " + got.word(i) + " (reference " + want.word(i) + ")";
      }
    }
    return "the same state";
  }
}
