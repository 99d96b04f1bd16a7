package org.loopmlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * A network (of either machine) as a NumPy {@code .npz} archive: for every layer {@code i} the CSR
 * arrays {@code layer{i}_indptr}, {@code layer{i}_indices} (int64), {@code layer{i}_data} and
 * {@code layer{i}_bias} (float64) and {@code layer{i}_shape} (rows, columns), plus {@code
 * meta.json} (config, layer labels and stages, whether float64 holds every value exactly, and the
 * name of every direction of every layer's output space).
 *
 * <p>Each layer computes {@code x -> max(0, W x + b)} with {@code W =
 * scipy.sparse.csr_matrix((data, indices, indptr), shape=shape)}; the input of layer 0 and the
 * output of the last layer are the machine state space.
 */
final class NumpyExport {
  /** Integers up to 2^53 in magnitude are exact in float64. */
  private static final Rational FLOAT64_EXACT_LIMIT = Rational.of(1L << 53);

  private NumpyExport() {}

  /** Writes the archive to {@code out} (not closed). */
  static void write(ExportedNetwork network, OutputStream out) throws IOException {
    Npy.Archive zip = new Npy.Archive(out);
    boolean exact = true;
    List<Object> layers = new ArrayList<>();
    for (LayerInfo info : network.layers()) {
      exact &= addLayer(zip, info, layers);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("format", "loopmlp-npz 1");
    meta.put("construction", network.construction());
    meta.put("config", network.config());
    meta.put("depth", network.depth());
    meta.put("activation", "relu after every layer: x -> max(0, W x + b)");
    meta.put("float64Exact", exact);
    meta.put("inputNames", network.layout().names());
    meta.put("layers", layers);
    zip.addFile("meta.json", Json.write(meta).getBytes(StandardCharsets.UTF_8));
    zip.finish();
  }

  /** One layer's CSR arrays into {@code zip} and its entry into {@code layers}; true if exact. */
  private static boolean addLayer(Npy.Archive zip, LayerInfo info, List<Object> layers)
      throws IOException {
    boolean exact = true;
    SparseLayer l = info.layer();
    String p = "layer" + info.index() + "_";
    int rows = l.outputDimension();
    long[] indptr = new long[rows + 1];
    for (int r = 0; r <= rows; r++) {
      indptr[r] = r < rows ? l.rowStart(r) : l.nonZeros();
    }
    long[] indices = new long[l.nonZeros()];
    double[] data = new double[l.nonZeros()];
    for (int k = 0; k < data.length; k++) {
      indices[k] = l.column(k);
      data[k] = l.weight(k).doubleValue();
      exact &= exactInFloat64(l.weight(k));
    }
    double[] bias = new double[rows];
    for (int r = 0; r < rows; r++) {
      bias[r] = l.bias(r).doubleValue();
      exact &= exactInFloat64(l.bias(r));
    }
    zip.add(p + "indptr", Npy.int64(indptr));
    zip.add(p + "indices", Npy.int64(indices));
    zip.add(p + "data", Npy.float64(data));
    zip.add(p + "bias", Npy.float64(bias));
    zip.add(p + "shape", Npy.int64(new long[] {rows, l.inputDimension()}));
    Map<String, Object> lm = new LinkedHashMap<>();
    lm.put("index", info.index());
    lm.put("label", info.label());
    lm.put("stage", info.stageName());
    lm.put("rows", rows);
    lm.put("columns", l.inputDimension());
    lm.put("nonzeros", l.nonZeros());
    lm.put("outputNames", info.outputLayout().names());
    layers.add(lm);
    return exact;
  }

  private static boolean exactInFloat64(Rational x) {
    return x.isInteger() && x.abs().compareTo(FLOAT64_EXACT_LIMIT) <= 0;
  }
}
