package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.stage.FusedStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.isa.MachineConfig;

/**
 * The six paper stages fused into 4 layers ({@link FusedStage}): one lemma for the whole pass
 * (all six effects), every layer's invariants checked. Its first layer has {@code 2 k m N} neurons
 * and its folded sums {@code k m} terms per bit, so it is built only while {@code k m N <=}
 * {@link #MAX_KMN}.
 */
public final class FusedConstruction {
  public static final String NAME = "fused";

  /** The largest {@code k * m * N} built (a first layer of 2^21 neurons). */
  public static final long MAX_KMN = 1L << 20;

  private FusedConstruction() {}

  public static ImmutableList<Stage> stages() {
    return ImmutableList.of(FusedStage.paper());
  }

  /** True when {@link #build} accepts {@code config}. */
  public static boolean supports(MachineConfig config) {
    return (long) config.codeSize() * config.dataSize() * config.wordBits() <= MAX_KMN;
  }

  /** The 4-layer construction for {@code config}; refuses configs with {@code k m N > MAX_KMN}. */
  public static Construction build(MachineConfig config) {
    checkArgument(supports(config),
        "the fused construction needs 2 k m N = %s first-layer neurons for %s; at most %s"
            + " supported (use paper or compact)",
        2L * config.codeSize() * config.dataSize() * config.wordBits(), config, 2 * MAX_KMN);
    return Construction.assemble(NAME, config, stages());
  }
}
