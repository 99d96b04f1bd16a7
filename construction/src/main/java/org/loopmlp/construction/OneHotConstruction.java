package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.stage.AddressDecoding;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.NextPcStage;
import org.loopmlp.construction.stage.OneHotFetchStage;
import org.loopmlp.construction.stage.OneHotReadStage;
import org.loopmlp.construction.stage.OneHotWriteStage;
import org.loopmlp.construction.stage.ParallelStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.isa.MachineConfig;

/**
 * The compact schedule with every address decoded once into one selector unit per cell and the
 * memory and code bits gated by it ({@link AddressDecoding}), instead of matching each bit of
 * each cell against every address bit: 2 weights per gated bit instead of A + 1 (C + 1 for code),
 * for one more layer per addressed stage.
 *
 * <ul>
 *   <li>{@code onehot} ({@link AddressDecoding#ONE_HOT}): fetch + next pc (3), read (3), subtract
 *       (2), write + branch (3): 11 layers.
 *   <li>{@code onehot-split} ({@link AddressDecoding#SPLIT}): each address decoded in two halves,
 *       then a cell is the AND of its halves: fetch + next pc (4), read (4), subtract (2), write
 *       + branch (4): 14 layers. A changed address bit reaches about 2^(A/2 + 1) units instead of
 *       2^A. Write routes r through the halves of rb in the layer of the cell units ({@link
 *       OneHotWriteStage}), so a changed bit of r reaches about 2^(A/2 + 1) units instead of 2^A,
 *       and r is read in write's second layer, the one in which branch clears it.
 * </ul>
 */
public final class OneHotConstruction {
  public static final String NAME = "onehot";
  public static final String SPLIT_NAME = "onehot-split";

  private OneHotConstruction() {}

  /** The stages with addresses decoded by {@code decoding}. */
  public static ImmutableList<Stage> stages(AddressDecoding decoding) {
    checkNotNull(decoding, "decoding");
    return ImmutableList.of(
        ParallelStage.of("fetch+next pc",
            List.of(OneHotFetchStage.decoding(decoding), NextPcStage.paper())),
        OneHotReadStage.decoding(decoding),
        SubtractStage.paper(),
        ParallelStage.of("write+branch",
            List.of(OneHotWriteStage.decoding(decoding), BranchStage.paper())));
  }

  /** The 11-layer {@code onehot} construction for {@code config}. */
  public static Construction build(MachineConfig config) {
    return Construction.assemble(NAME, config, stages(AddressDecoding.ONE_HOT));
  }

  /** The 14-layer {@code onehot-split} construction for {@code config}. */
  public static Construction buildSplit(MachineConfig config) {
    return Construction.assemble(SPLIT_NAME, config, stages(AddressDecoding.SPLIT));
  }
}
