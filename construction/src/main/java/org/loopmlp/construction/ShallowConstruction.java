package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.TwoLayerStage;
import org.loopmlp.isa.MachineConfig;

/**
 * The six paper stages in 2 layers ({@link TwoLayerStage}), the least depth possible: its first
 * layer has {@code k m^2 (7N + 6C + 7)} neurons, so it is built only while that is at most
 * {@link #MAX_HIDDEN}. One lemma covers the whole pass.
 */
public final class ShallowConstruction {
  public static final String NAME = "shallow";

  /** The largest first layer built. */
  public static final long MAX_HIDDEN = 1L << 21;

  private ShallowConstruction() {}

  public static ImmutableList<Stage> stages() {
    return ImmutableList.of(TwoLayerStage.paper());
  }

  /** True when {@link #build} accepts {@code config}. */
  public static boolean supports(MachineConfig config) {
    return TwoLayerStage.hiddenNeurons(config) <= MAX_HIDDEN;
  }

  /** The 2-layer construction for {@code config}. */
  public static Construction build(MachineConfig config) {
    checkArgument(supports(config),
        "the shallow construction needs %s first-layer neurons for %s; at most %s supported"
            + " (use paper or compact)", TwoLayerStage.hiddenNeurons(config), config, MAX_HIDDEN);
    return Construction.assemble(NAME, config, stages());
  }
}
