package org.loopmlp.construction;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.FetchStage;
import org.loopmlp.construction.stage.LookaheadNextPcStage;
import org.loopmlp.construction.stage.LookaheadSubtractStage;
import org.loopmlp.construction.stage.ParallelStage;
import org.loopmlp.construction.stage.ReadStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.isa.MachineConfig;

/**
 * A construction exact in narrow floating point: every weight is in {-2, -1, 1, 2}, every bias
 * and every pre-activation reachable from a machine state is an integer whose magnitude grows
 * with A, C and N only through sums of bits (at most 2^A, 2^C terms in the one-hot gathers of
 * read and fetch, about 3N in the subtraction), never through a weight 2^j. The subtraction and
 * pc + 1 add by carry lookahead ({@link LookaheadSubtractStage}, {@link LookaheadNextPcStage});
 * fetch, read, write and branch are the paper stages (their address match weighs bits by +-2 and
 * the zero test sums N bits). Scheduled as {@code compact}: next pc beside fetch, branch beside
 * write; 10 layers.
 */
public final class NarrowConstruction {
  public static final String NAME = "narrow";

  private NarrowConstruction() {}

  /** fetch + next pc (2), read (2), subtract (3), write + branch (3). */
  public static ImmutableList<Stage> stages() {
    return ImmutableList.of(
        ParallelStage.of("fetch+next pc",
            List.of(FetchStage.paper(), LookaheadNextPcStage.narrow())),
        ReadStage.paper(),
        LookaheadSubtractStage.narrow(),
        ParallelStage.of("write+branch", List.of(WriteStage.paper(), BranchStage.paper())));
  }

  /** The 10-layer narrow construction for {@code config}. */
  public static Construction build(MachineConfig config) {
    return Construction.assemble(NAME, config, stages());
  }
}
