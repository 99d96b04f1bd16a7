package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.asm.SqPrinter;
import org.loopmlp.isa.asm.SqProgram;

/**
 * A shrunk input on which a construction's network disagrees with the reference machine, in a
 * form a person can read and rerun (SPEC §9): config, program as {@code .sq} text, initial
 * state, the first pass, stage, layer and direction of disagreement, expected against got, and
 * the seed and try that found it. For a backend that rounds, also the first layer where its
 * evaluation leaves exact evaluation.
 *
 * @param testCase the shrunk case (rerun it with {@link DifferentialCampaign#replay})
 * @param original the case the campaign drew before shrinking
 * @param tryIndex the 0-based try of the campaign with {@code seed} that drew {@code original}
 * @param shrinkSteps how many times shrinking found a smaller failing case
 */
public record Counterexample(String construction, String backend, TestCase testCase,
    Disagreement disagreement, TestCase original, long seed, int tryIndex, int shrinkSteps,
    Optional<LayerDivergence> divergence) {
  public Counterexample {
    checkNotNull(construction, "construction");
    checkNotNull(backend, "backend");
    checkNotNull(testCase, "testCase");
    checkNotNull(disagreement, "disagreement");
    checkNotNull(original, "original");
    checkNotNull(divergence, "divergence");
  }

  public MachineConfig config() {
    return testCase.config();
  }

  public Program program() {
    return testCase.program();
  }

  public MachineState state() {
    return testCase.state();
  }

  /** The shrunk program and initial memory as {@code .sq} text. */
  public String sqText() {
    return SqPrinter.print(SqProgram.of(testCase.program(), testCase.state()));
  }

  /** The reference step of the failing pass. */
  public StepDetail step() {
    return disagreement.step();
  }

  @Override
  public String toString() {
    Disagreement d = disagreement;
    StepDetail s = d.step();
    Instruction ins = testCase.program().at(s.pc());
    StringBuilder sb = new StringBuilder();
    sb.append("counterexample: construction '").append(construction).append("' on backend ")
        .append(backend).append(" disagrees with the reference machine\n");
    sb.append("  config      ").append(config()).append('\n');
    sb.append("  state       ").append(state()).append(", ").append(testCase.passes())
        .append(testCase.passes() == 1 ? " pass\n" : " passes\n");
    sb.append("  first pass  ").append(d.pass()).append(" from ").append(d.before()).append('\n');
    sb.append("  executing   slot ").append(s.pc()).append(": ").append(ins).append("  (mem[a] = ")
        .append(s.memA()).append(", mem[b] = ").append(s.memB()).append(", r = ")
        .append(s.result()).append(s.overflowed() ? " wrapped" : "").append(", ")
        .append(s.branch() ? "branch to " + s.c() : "no branch, next " + s.pcPlusOne())
        .append(")\n");
    sb.append("  stage       ").append(d.stage()).append(" (").append(d.kind()).append(")\n");
    sb.append("  layer       ").append(d.layer()).append(" (").append(d.layerLabel())
        .append(")\n");
    sb.append("  direction   ").append(d.direction()).append('\n');
    sb.append("  expected    ").append(d.expected()).append('\n');
    sb.append("  got         ").append(d.got()).append('\n');
    divergence.ifPresent(v -> sb.append("  rounding    ").append(v).append('\n'));
    sb.append("  program (.sq):\n");
    for (String line : sqText().split("\n")) {
      sb.append("    ").append(line).append('\n');
    }
    sb.append("  found with seed ").append(seed).append(" at try ").append(tryIndex)
        .append(", shrunk in ").append(shrinkSteps).append(" steps from ").append(original);
    return sb.toString();
  }
}
