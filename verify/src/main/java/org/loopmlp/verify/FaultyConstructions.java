package org.loopmlp.verify;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.isa.MachineConfig;

/**
 * Deliberately wrong constructions, to show that the checks find and shrink real bugs: the paper
 * construction with one stage replaced by a faulty variant.
 */
public final class FaultyConstructions {
  /** Branches on r < 0 instead of r <= 0. */
  public static final String BRANCH_ON_NEGATIVE = "branch-on-negative";
  /** Subtracts without the +1 of two's complement negation: r = vb + not va. */
  public static final String SUBTRACT_WITHOUT_CARRY = "subtract-without-carry";
  /** Writes back comparing all address bits but the highest. */
  public static final String WRITE_IGNORING_HIGH_BIT = "write-ignoring-high-bit";

  private FaultyConstructions() {}

  /** The faulty families by name. */
  public static ImmutableMap<String, Function<MachineConfig, Construction>> all() {
    return ImmutableMap.of(
        BRANCH_ON_NEGATIVE, branchOnNegative(),
        SUBTRACT_WITHOUT_CARRY, subtractWithoutCarry(),
        WRITE_IGNORING_HIGH_BIT, writeIgnoringHighBit());
  }

  public static Function<MachineConfig, Construction> branchOnNegative() {
    return replacing(BRANCH_ON_NEGATIVE, PaperStage.BRANCH,
        BranchStage.onNegativeOnly("branch<0"));
  }

  public static Function<MachineConfig, Construction> subtractWithoutCarry() {
    return replacing(SUBTRACT_WITHOUT_CARRY, PaperStage.SUBTRACT,
        SubtractStage.withCarryIn("subtract-no-carry", 0));
  }

  public static Function<MachineConfig, Construction> writeIgnoringHighBit() {
    return replacing(WRITE_IGNORING_HIGH_BIT, PaperStage.WRITE,
        WriteStage.ignoringHighAddressBits("write-low-bits", 1));
  }

  private static Function<MachineConfig, Construction> replacing(String name, PaperStage role,
      Stage replacement) {
    return config -> {
      List<Stage> stages = new ArrayList<>(PaperConstruction.stages());
      for (int i = 0; i < stages.size(); i++) {
        if (stages.get(i).role() == role) {
          stages.set(i, replacement);
        }
      }
      return Construction.assemble(name, config, stages);
    };
  }
}
