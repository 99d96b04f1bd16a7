package org.loopmlp.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.MlpRun;
import org.loopmlp.construction.PassListener;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * Runs a program on a looped network (in checked mode: every layer's invariant and every stage's
 * lemma is checked in every pass) and on the reference machine, and reports the first place they
 * part.
 */
final class Differential {
  /** Where the network and the reference machine first disagree. */
  record Disagreement(int pass, String where, String expected, String got, String detail) {
    String describe() {
      return (pass >= 0 ? "pass " + pass : "a pass") + ", " + where + ": expected " + expected
          + ", got " + got
          + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /**
   * The outcome of one run: where the reference machine ended, the network's run (null when a
   * check or a decoding failed), and the first disagreement.
   */
  record Outcome(ReferenceEnd reference, MlpRun mlp, Optional<Disagreement> disagreement) {
    boolean referenceHalted() {
      return reference.halted();
    }

    int passes() {
      return mlp == null ? disagreement.map(Disagreement::pass).orElse(0) + 1 : mlp.passes();
    }
  }

  private Differential() {}

  /** Where a reference run ended: the last state, the steps that changed it, and whether it halted. */
  record ReferenceEnd(MachineState last, int steps, boolean halted) {}

  /**
   * The end of a reference run of at most {@code maxSteps} steps, without keeping the states
   * passed through (a long run of the fast reference machine would otherwise fill the heap).
   * Halted, as in {@link #run}, means a step within the limit left the state unchanged.
   */
  static ReferenceEnd referenceEnd(Program program, MachineState state, int maxSteps) {
    return continueReference(program, state, 0, maxSteps);
  }

  /** Continues a reference run that has made {@code steps} steps to {@code state}. */
  private static ReferenceEnd continueReference(Program program, MachineState state, int steps,
      int maxSteps) {
    MachineState s = state;
    for (int t = steps; t < maxSteps; t++) {
      MachineState next = SubleqMachine.step(program, s);
      if (next.equals(s)) {
        return new ReferenceEnd(s, t, true);
      }
      s = next;
    }
    return new ReferenceEnd(s, maxSteps, false);
  }

  /**
   * The first pass whose output does not decode, stepping the network from the reference
   * machine's states (at most {@code maxSteps} of them, none kept); the last pass if none fails.
   */
  private static int firstUndecodablePass(LoopedMlp mlp, Program program, MachineState state,
      int maxSteps) {
    MachineState s = state;
    for (int t = 0; t <= maxSteps; t++) {
      try {
        mlp.step(program, s);
      } catch (DecodeException e) {
        return t;
      }
      MachineState next = SubleqMachine.step(program, s);
      if (t == maxSteps || next.equals(s)) {
        return t;
      }
      s = next;
    }
    return maxSteps;
  }

  /** Runs both engines for at most {@code maxSteps} steps and compares every state. */
  static Outcome run(LoopedMlp mlp, Program program, MachineState state, int maxSteps) {
    return run(mlp, program, state, maxSteps, PassListener.NONE);
  }

  /**
   * Runs both engines for at most {@code maxSteps} steps and compares every state as the network
   * produces it (no run keeps its states), telling {@code listener} about every network pass.
   */
  static Outcome run(LoopedMlp mlp, Program program, MachineState state, int maxSteps,
      PassListener listener) {
    Lockstep lockstep = new Lockstep(program, state);
    MlpRun run;
    try {
      run = mlp.run(program, state, maxSteps, MlpRun.Kept.FIRST_AND_LAST, (pass, after) -> {
        lockstep.afterPass(pass, after);
        listener.afterPass(pass, after);
      });
    } catch (LemmaViolation v) {
      String where = "stage " + v.stage() + ", layer " + v.layer() + " (" + v.layerLabel()
          + "), direction " + v.direction();
      return new Outcome(referenceEnd(program, state, maxSteps), null,
          Optional.of(new Disagreement(Math.toIntExact(v.pass()), where, v.expected(),
              v.got().toString(),
              v.kind().name().toLowerCase(java.util.Locale.ROOT) + " violated")));
    } catch (DecodeException e) {
      int pass = firstUndecodablePass(mlp, program, state, maxSteps);
      return new Outcome(referenceEnd(program, state, maxSteps), null,
          Optional.of(new Disagreement(pass, "decoding the output", "a machine state encoding",
              e.direction() + " = " + e.value(), e.getMessage())));
    }
    ReferenceEnd ref = lockstep.end(maxSteps);
    if (lockstep.first != null) {
      return new Outcome(ref, run, Optional.of(lockstep.first));
    }
    if (run.halted() != ref.halted()) {
      return new Outcome(ref, run, Optional.of(new Disagreement(run.passes() - 1, "halting",
          ref.halted() ? "halted" : "running", run.halted() ? "halted" : "running", "")));
    }
    return new Outcome(ref, run, Optional.empty());
  }

  /**
   * The reference machine stepped next to the network, one step per pass: it records the first
   * pass after which the two states differ, or after which one engine halts (its state does not
   * change) and the other does not. The reference machine stops at its own fixed point.
   */
  private static final class Lockstep {
    private final Program program;
    private MachineState reference;
    private MachineState network;
    private int referenceSteps;
    private boolean referenceHalted;
    private Disagreement first;

    Lockstep(Program program, MachineState initial) {
      this.program = program;
      this.reference = initial;
      this.network = initial;
    }

    void afterPass(int pass, MachineState after) {
      boolean networkHalted = after.equals(network);
      network = after;
      if (referenceHalted) {
        return;
      }
      MachineState next = SubleqMachine.step(program, reference);
      boolean halts = next.equals(reference);
      if (first == null && (halts != networkHalted || (!halts && !next.equals(after)))) {
        first = new Disagreement(pass, "state after the pass",
            halts ? "halted (no change)" : next.toString(),
            networkHalted ? "halted (no change)" : after.toString(), "");
      }
      if (halts) {
        referenceHalted = true;
      } else {
        reference = next;
        referenceSteps++;
      }
    }

    /** The reference run's end, continued alone up to {@code maxSteps} if needed. */
    ReferenceEnd end(int maxSteps) {
      if (referenceHalted) {
        return new ReferenceEnd(reference, referenceSteps, true);
      }
      return continueReference(program, reference, referenceSteps, maxSteps);
    }
  }

  /**
   * Progress of a long network run, one unit per pass, through {@link Progress}: it appears only
   * once the run has lasted {@link #QUIET}, so that a short run prints nothing, and counts the
   * passes from then on.
   */
  static final class PassProgress implements PassListener, AutoCloseable {
    static final Duration QUIET = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final long quietNanos;
    private final long startNanos = System.nanoTime();
    private long passes;
    private Progress progress;

    /** Progress of a run of at most {@code maxPasses} passes named {@code task}. */
    PassProgress(PrintWriter err, String task, long maxPasses) {
      this(err, task, maxPasses, QUIET);
    }

    /** The same, appearing once the run has lasted {@code quiet}. */
    PassProgress(PrintWriter err, String task, long maxPasses, Duration quiet) {
      this.err = err;
      this.task = task;
      this.total = maxPasses;
      this.quietNanos = quiet.toNanos();
    }

    @Override
    public void afterPass(int pass, MachineState after) {
      passes++;
      if (progress != null) {
        progress.advance();
        return;
      }
      if (System.nanoTime() - startNanos >= quietNanos) {
        // Its rate and time left count the passes from here on, so the label says so.
        progress = Progress.start(err, task + " from pass " + passes, total - passes,
            "passes");
      }
    }

    /** Ends the run with one line over all of it: {@code task: P passes in T}. */
    @Override
    public void close() {
      if (progress == null) {
        return;
      }
      progress.closeQuietly();
      err.printf(java.util.Locale.ROOT, "%s: %d passes in %s%n", task, passes,
          Progress.Lines.duration((System.nanoTime() - startNanos) / 1e9));
      err.flush();
    }
  }
}
