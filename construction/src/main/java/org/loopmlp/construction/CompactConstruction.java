package org.loopmlp.construction;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.FetchStage;
import org.loopmlp.construction.stage.NextPcStage;
import org.loopmlp.construction.stage.ParallelStage;
import org.loopmlp.construction.stage.ReadStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.isa.MachineConfig;

/**
 * The paper stages scheduled side by side where they do not depend on each other (SPEC §8):
 * next pc runs in the layers of fetch (it reads only pc), and branch runs in the layers of write
 * (write reads r in its first layer, branch clears it in its second). 9 layers, the same gadgets
 * and the same nnz as {@link PaperConstruction} apart from fewer identity copies; the lemmas are
 * the same claims, applied per group.
 */
public final class CompactConstruction {
  public static final String NAME = "compact";

  private CompactConstruction() {}

  /** fetch + next pc (2), read (2), subtract (2), write + branch (3). */
  public static ImmutableList<Stage> stages() {
    return ImmutableList.of(
        ParallelStage.of("fetch+next pc", List.of(FetchStage.paper(), NextPcStage.paper())),
        ReadStage.paper(),
        SubtractStage.paper(),
        ParallelStage.of("write+branch", List.of(WriteStage.paper(), BranchStage.paper())));
  }

  /** The 9-layer construction for {@code config}. */
  public static Construction build(MachineConfig config) {
    return Construction.assemble(NAME, config, stages());
  }
}
