package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/** The layer plans of a one-hot stage: its decoding layers, then the stage's own. */
public final class DecodingLayers {
  private DecodingLayers() {}

  /** Empty plans for the decoding layers: {@code decode}, or {@code decode.halves, decode}. */
  public static List<LayerPlan.Builder> named(AddressDecoding decoding) {
    List<LayerPlan.Builder> plans = new ArrayList<>();
    if (decoding.layers() == 2) {
      plans.add(LayerPlan.named("decode.halves"));
    }
    plans.add(LayerPlan.named("decode"));
    return plans;
  }

  /** The decoding plans, then {@code rest}, built. */
  public static ImmutableList<LayerPlan> build(List<LayerPlan.Builder> decode,
      LayerPlan.Builder... rest) {
    ImmutableList.Builder<LayerPlan> out = ImmutableList.builder();
    decode.forEach(p -> out.add(p.build()));
    for (LayerPlan.Builder p : rest) {
      out.add(p.build());
    }
    return out.build();
  }
}
