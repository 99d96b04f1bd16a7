package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.MlpRun;
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

  /** The outcome of one run. */
  record Outcome(List<MachineState> reference, MlpRun mlp, Optional<Disagreement> disagreement,
      boolean referenceHalted) {
    int passes() {
      return mlp == null ? disagreement.map(Disagreement::pass).orElse(0) + 1 : mlp.passes();
    }
  }

  private Differential() {}

  /** The reference machine's states from {@code state}, stopping at a fixed point. */
  static List<MachineState> reference(Program program, MachineState state, int maxSteps) {
    List<MachineState> states = new ArrayList<>();
    states.add(state);
    MachineState s = state;
    for (int t = 0; t < maxSteps; t++) {
      MachineState next = SubleqMachine.step(program, s);
      if (next.equals(s)) {
        break;
      }
      states.add(next);
      s = next;
    }
    return states;
  }

  /** Where a reference run ended: the last state, the steps that changed it, and whether it halted. */
  record ReferenceEnd(MachineState last, int steps, boolean halted) {}

  /**
   * The end of a reference run of at most {@code maxSteps} steps, without keeping the states
   * passed through (a long run of the fast reference machine would otherwise fill the heap).
   * Halted, as in {@link #run}, means a step within the limit left the state unchanged.
   */
  static ReferenceEnd referenceEnd(Program program, MachineState state, int maxSteps) {
    MachineState s = state;
    for (int t = 0; t < maxSteps; t++) {
      MachineState next = SubleqMachine.step(program, s);
      if (next.equals(s)) {
        return new ReferenceEnd(s, t, true);
      }
      s = next;
    }
    return new ReferenceEnd(s, maxSteps, false);
  }

  /**
   * The pass whose output first fails to decode, given that a run of {@code passes} passes from
   * {@code state} fails: a run of m passes fails exactly when one of its passes does, so the
   * smallest failing m is found by bisection and the pass is m - 1.
   */
  static int firstUndecodableRunPass(LoopedMlp mlp, Program program, MachineState state,
      int passes) {
    int ok = 0;
    int fails = passes;
    while (fails - ok > 1) {
      int mid = ok + (fails - ok) / 2;
      try {
        mlp.run(program, state, mid);
        ok = mid;
      } catch (DecodeException e) {
        fails = mid;
      }
    }
    return fails - 1;
  }

  /** The first pass whose output does not decode, stepping the network from reference states. */
  private static int firstUndecodablePass(LoopedMlp mlp, Program program,
      List<MachineState> ref) {
    for (int t = 0; t < ref.size(); t++) {
      try {
        mlp.step(program, ref.get(t));
      } catch (DecodeException e) {
        return t;
      }
    }
    return ref.size() - 1;
  }

  /** Runs both engines for at most {@code maxSteps} steps and compares every state. */
  static Outcome run(LoopedMlp mlp, Program program, MachineState state, int maxSteps) {
    List<MachineState> ref = reference(program, state, maxSteps);
    boolean refHalted = ref.size() <= maxSteps
        && SubleqMachine.step(program, ref.get(ref.size() - 1)).equals(ref.get(ref.size() - 1));
    MlpRun run;
    try {
      run = mlp.run(program, state, maxSteps);
    } catch (LemmaViolation v) {
      String where = "stage " + v.stage() + ", layer " + v.layer() + " (" + v.layerLabel()
          + "), direction " + v.direction();
      return new Outcome(ref, null, Optional.of(new Disagreement(v.pass(), where, v.expected(),
          v.got().toString(), v.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " violated")), refHalted);
    } catch (DecodeException e) {
      int pass = firstUndecodablePass(mlp, program, ref);
      return new Outcome(ref, null, Optional.of(new Disagreement(pass, "decoding the output",
          "a machine state encoding", e.direction() + " = " + e.value(), e.getMessage())),
          refHalted);
    }
    List<MachineState> got = run.states();
    for (int t = 1; t < Math.max(got.size(), ref.size()); t++) {
      MachineState e = t < ref.size() ? ref.get(t) : null;
      MachineState g = t < got.size() ? got.get(t) : null;
      if (e == null || g == null || !e.equals(g)) {
        return new Outcome(ref, run, Optional.of(new Disagreement(t - 1, "state after the pass",
            e == null ? "halted (no change)" : e.toString(),
            g == null ? "halted (no change)" : g.toString(), "")), refHalted);
      }
    }
    if (run.halted() != refHalted) {
      return new Outcome(ref, run, Optional.of(new Disagreement(run.passes() - 1, "halting",
          refHalted ? "halted" : "running", run.halted() ? "halted" : "running", "")),
          refHalted);
    }
    return new Outcome(ref, run, Optional.empty(), refHalted);
  }
}
