package org.loopmlp.cli;

import java.util.List;
import java.util.Map;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.Network;

/**
 * What {@code export} writes, the same for every machine: the network, its layers with their
 * labels and output spaces, the state space's names, and how to name the size.
 *
 * @param construction the construction's name
 * @param configLabel the size as a user types it ({@code 8,4,4}, {@code classic N=8, A=4})
 * @param config the size as JSON fields, for {@code meta.json}
 * @param onnxMetadata extra entries of an ONNX model's {@code metadata_props} (the classic
 *     machine's ports: {@link ClassicOnnxMetadata})
 */
record ExportedNetwork(String construction, String configLabel, Map<String, Object> config,
    Network network, List<LayerInfo> layers, StateLayout layout,
    Map<String, String> onnxMetadata) {
  ExportedNetwork(String construction, String configLabel, Map<String, Object> config,
      Network network, List<LayerInfo> layers, StateLayout layout) {
    this(construction, configLabel, config, network, layers, layout, Map.of());
  }

  int depth() {
    return layers.size();
  }
}
