package org.loopmlp.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Greedy shrinking of a failing {@link TestCase} (SPEC §9.2, tier 2): repeatedly takes the first
 * smaller candidate that still fails, until none does. Candidates, in order: start at the failing
 * pass and run one pass; a smaller config (one parameter at a time, smallest first, among the
 * configs the construction family has, projecting the case in several ways); a non-HALT
 * instruction replaced by HALT; operands towards 0; memory words towards 0 (0, half, one step);
 * pc towards 0.
 *
 * <p>Every accepted candidate is smaller in the order (config, passes, non-HALT slots, operands
 * of non-HALT slots, |memory words|, pc), each compared only when the earlier ones are equal or
 * smaller, so shrinking ends.
 */
final class Shrinker {
  private final CaseRunner runner;
  private final ConfigRange range;
  private final int maxAttempts;
  private int attempts;
  private int steps;
  private TestCase best;
  private Disagreement bestDisagreement;

  private Shrinker(CaseRunner runner, ConfigRange range, int maxAttempts) {
    this.runner = runner;
    this.range = range;
    this.maxAttempts = maxAttempts;
  }

  /** The result of shrinking: the smallest failing case found and its disagreement. */
  record Shrunk(TestCase testCase, Disagreement disagreement, int steps, int attempts) {}

  static Shrunk shrink(CaseRunner runner, ConfigRange range, TestCase failing,
      Disagreement disagreement, int maxAttempts) {
    Shrinker s = new Shrinker(runner, range, maxAttempts);
    s.best = failing;
    s.bestDisagreement = disagreement;
    s.run();
    return new Shrunk(s.best, s.bestDisagreement, s.steps, s.attempts);
  }

  private boolean accept(TestCase candidate) {
    if (attempts >= maxAttempts || candidate.equals(best)) {
      return false;
    }
    attempts++;
    Optional<Disagreement> d = runner.fails(candidate);
    if (d.isPresent()) {
      best = candidate;
      bestDisagreement = d.get();
      steps++;
      return true;
    }
    return false;
  }

  private void run() {
    boolean progress = true;
    while (progress && attempts < maxAttempts) {
      progress = shrinkPasses();
      progress |= shrinkConfig();
      progress |= shrinkInstructions();
      progress |= shrinkMemory();
      progress |= shrinkPc();
    }
  }

  /** Fewer passes: start from the state where the network went wrong and run one pass. */
  private boolean shrinkPasses() {
    if (best.passes() == 1) {
      return false;
    }
    if (accept(best.withState(bestDisagreement.before()).withPasses(1))) {
      return true;
    }
    return accept(best.withPasses(bestDisagreement.pass() + 1));
  }

  private boolean shrinkConfig() {
    boolean progress = false;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TestCase candidate : smallerConfigs()) {
        if (accept(candidate)) {
          changed = true;
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  /**
   * Candidates with a smaller config: the low-bits projection onto every smaller config in the
   * range, smallest first; then, one step down, every other way to drop one address bit, one
   * slot bit, or one word bit (halving the words), which keep apart what the low-bits
   * projection merges.
   */
  private List<TestCase> smallerConfigs() {
    List<TestCase> out = new ArrayList<>();
    MachineConfig c = best.config();
    for (MachineConfig smaller : range.smallerThan(c)) {
      out.add(best.resizedTo(smaller));
    }
    if (c.dataBits() > range.minDataBits()) {
      for (int bit = 0; bit < c.dataBits(); bit++) {
        out.add(best.withoutAddressBit(bit, 0));
        out.add(best.withoutAddressBit(bit, 1));
      }
    }
    if (c.codeBits() > range.minCodeBits()) {
      for (int bit = 0; bit < c.codeBits(); bit++) {
        out.add(best.withoutSlotBit(bit));
      }
    }
    if (c.wordBits() > range.minWordBits()) {
      out.add(best.withWordsHalved());
    }
    return out;
  }

  private boolean shrinkInstructions() {
    boolean progress = false;
    MachineConfig config = best.config();
    for (int q = 0; q < config.codeSize(); q++) {
      if (!best.program().at(q).isHaltAt(q)
          && accept(best.withProgram(replace(best.program(), q,
              Instruction.haltAt(q, best.program().zeroCell()))))) {
        progress = true;
      }
    }
    // Operands of HALT slots stay (a HALT is already the smallest instruction; moving its
    // target would undo the replacement above and loop).
    for (int q = 0; q < config.codeSize(); q++) {
      Instruction ins = best.program().at(q);
      if (ins.isHaltAt(q)) {
        continue;
      }
      progress |= operandTowardsZero(q, 0, ins.a());
      progress |= operandTowardsZero(q, 1, ins.b());
      progress |= operandTowardsZero(q, 2, ins.c());
    }
    return progress;
  }

  private boolean operandTowardsZero(int q, int field, int value) {
    for (int v : new int[] {0, value / 2, value - 1}) {
      if (v >= 0 && v < value) {
        Instruction ins = best.program().at(q);
        Instruction smaller = Instruction.of(field == 0 ? v : ins.a(), field == 1 ? v : ins.b(),
            field == 2 ? v : ins.c());
        if (ins.isHaltAt(q)) {
          return false;
        }
        if (accept(best.withProgram(replace(best.program(), q, smaller)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Program replace(Program p, int slot, Instruction ins) {
    List<Instruction> slots = new ArrayList<>(p.slots());
    slots.set(slot, ins);
    return Program.ofSlots(p.config(), slots, p.zeroCell());
  }

  private boolean shrinkMemory() {
    boolean progress = false;
    for (int i = 0; i < best.config().dataSize(); i++) {
      boolean changed = true;
      while (changed) {
        changed = false;
        long v = best.state().word(i);
        for (long w : new long[] {0, v / 2, v - Long.signum(v)}) {
          if (Math.abs(w) < Math.abs(v)) {
            MachineState s = best.state().withWord(i, w);
            if (accept(best.withState(s))) {
              changed = true;
              progress = true;
              break;
            }
          }
        }
      }
    }
    return progress;
  }

  private boolean shrinkPc() {
    int pc = best.state().pc();
    for (int p : new int[] {0, pc - 1}) {
      if (p >= 0 && p < pc && accept(best.withState(best.state().withPc(p)))) {
        return true;
      }
    }
    return false;
  }
}
