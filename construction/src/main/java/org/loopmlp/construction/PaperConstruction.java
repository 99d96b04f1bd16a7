package org.loopmlp.construction;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.FetchStage;
import org.loopmlp.construction.stage.NextPcStage;
import org.loopmlp.construction.stage.ReadStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.isa.MachineConfig;

/**
 * The 13-layer construction of SPEC §8: the paper's six stages in the paper's order (fetch 2,
 * read 2, subtract 2, write 2, next pc 2, branch 3 layers), each within the paper's budget (2, 2,
 * 7, 2, 6, 4; 23 in all).
 */
public final class PaperConstruction {
  public static final String NAME = "paper";

  /** The largest word size of the paper construction ({@link SubtractStage#MAX_WORD_BITS}). */
  public static final int MAX_WORD_BITS = SubtractStage.MAX_WORD_BITS;

  private PaperConstruction() {}

  /** The six paper stages, in order. */
  public static ImmutableList<Stage> stages() {
    return ImmutableList.of(FetchStage.paper(), ReadStage.paper(), SubtractStage.paper(),
        WriteStage.paper(), NextPcStage.paper(), BranchStage.paper());
  }

  /** The 13-layer construction for {@code config}. */
  public static Construction build(MachineConfig config) {
    return Construction.assemble(NAME, config, stages());
  }
}
