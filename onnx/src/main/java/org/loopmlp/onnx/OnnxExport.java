package org.loopmlp.onnx;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.onnx.proto.OnnxProto.AttributeProto;
import org.loopmlp.onnx.proto.OnnxProto.GraphProto;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;
import org.loopmlp.onnx.proto.OnnxProto.NodeProto;
import org.loopmlp.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.loopmlp.onnx.proto.OnnxProto.StringStringEntryProto;
import org.loopmlp.onnx.proto.OnnxProto.TensorProto;
import org.loopmlp.onnx.proto.OnnxProto.TensorShapeProto;
import org.loopmlp.onnx.proto.OnnxProto.TypeProto;
import org.loopmlp.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * One pass of a network as an ONNX model: input {@code state} (a vector of the state
 * dimension), output {@code next_state}, every layer {@code ReLU(W x + b)} in the chosen
 * {@link OnnxElementType} and {@link WeightLayout}. Opset 17, IR version 8 (ONNX 1.12 and
 * later read it). The direction names, layer labels and whatever the caller adds (construction,
 * config) go into {@code metadata_props}.
 */
public final class OnnxExport {
  /** Opset of the default ONNX domain: 17 (ONNX 1.12); ScatterElements has reduction since 16. */
  public static final int OPSET = 17;
  /** IR version of ONNX 1.12. */
  public static final int IR_VERSION = 8;
  public static final String INPUT = "state";
  public static final String OUTPUT = "next_state";
  /** Metadata keys. */
  public static final String DIRECTIONS_KEY = "loopmlp.directions";
  public static final String LAYERS_KEY = "loopmlp.layers";
  public static final String ELEMENT_TYPE_KEY = "loopmlp.element_type";
  /** {@link WeightLayout#AUTO} stores a layer densely up to this many entries (4 MiB float32). */
  public static final long AUTO_DENSE_ENTRIES = 1L << 20;
  /** A dense export refuses more than this many weight bytes: protobuf caps a file at 2 GiB. */
  public static final long MAX_DENSE_BYTES = 1L << 30;

  private OnnxExport() {}

  /** What to export: element type, layout, extra metadata, and whether every layer is output. */
  public record Options(OnnxElementType type, WeightLayout layout,
      ImmutableMap<String, String> metadata, boolean everyLayerOutput) {
    public Options {
      checkNotNull(type, "type");
      checkNotNull(layout, "layout");
      checkNotNull(metadata, "metadata");
    }

    public static Options of(OnnxElementType type) {
      return new Options(type, WeightLayout.AUTO, ImmutableMap.of(), false);
    }

    public Options withLayout(WeightLayout l) {
      return new Options(type, l, metadata, everyLayerOutput);
    }

    public Options withMetadata(Map<String, String> m) {
      return new Options(type, layout, ImmutableMap.copyOf(m), everyLayerOutput);
    }

    /** Also output layer i's result as {@code layer<i>} (for checking every layer). */
    public Options withEveryLayerOutput(boolean b) {
      return new Options(type, layout, metadata, b);
    }
  }

  /** The name of layer {@code i}'s output tensor: {@code next_state} for the last. */
  public static String layerOutput(Network network, int i) {
    return i == network.depth() - 1 ? OUTPUT : "layer" + i;
  }

  /** True when layer {@code l} is stored densely under {@code layout}. */
  public static boolean isDense(SparseLayer l, WeightLayout layout) {
    return switch (layout) {
      case DENSE -> true;
      case GATHERED -> false;
      case AUTO -> (long) l.inputDimension() * l.outputDimension() <= AUTO_DENSE_ENTRIES;
    };
  }

  /**
   * The model of one pass of {@code network}.
   *
   * @throws IllegalArgumentException if a dense export would exceed {@link #MAX_DENSE_BYTES}
   */
  public static ModelProto model(Network network, Options options) {
    checkNotNull(network, "network");
    checkNotNull(options, "options");
    long denseBytes = 0;
    for (SparseLayer l : network.layers()) {
      if (isDense(l, options.layout())) {
        denseBytes += (long) l.inputDimension() * l.outputDimension() * options.type().bytes();
      }
    }
    if (denseBytes > MAX_DENSE_BYTES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a dense export would"
          + " hold %,d bytes of weights (limit %,d: an ONNX file is a protobuf of at most 2 GiB);"
          + " use the gathered or auto layout", denseBytes, MAX_DENSE_BYTES));
    }
    OnnxElementType type = options.type();
    GraphProto.Builder g = GraphProto.newBuilder().setName("loopmlp_pass");
    g.addInput(vector(INPUT, type, network.inputDimension()));
    String x = INPUT;
    for (int i = 0; i < network.depth(); i++) {
      SparseLayer l = network.layer(i);
      String y = layerOutput(network, i);
      String p = "layer" + i + ".";
      String preActivation = isDense(l, options.layout()) ? dense(g, l, p, x, type)
          : gathered(g, l, p, x, type);
      g.addNode(node("Relu", p + "relu", y, preActivation));
      if (i == network.depth() - 1 || options.everyLayerOutput()) {
        g.addOutput(vector(y, type, l.outputDimension()));
      }
      x = y;
    }
    ModelProto.Builder m = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("loopmlp")
        .setProducerVersion(OnnxExport.class.getPackage().getImplementationVersion() == null
            ? "dev" : OnnxExport.class.getPackage().getImplementationVersion())
        .setDocString("One pass of a looped ReLU-MLP that executes one SUBLEQ instruction:"
            + " next_state = f(state); run it again on its output for the next instruction.")
        .setGraph(g);
    network.inputNames().ifPresent(names -> m.addMetadataProps(entry(DIRECTIONS_KEY,
        String.join("\n", names))));
    StringBuilder labels = new StringBuilder();
    for (SparseLayer l : network.layers()) {
      labels.append(labels.length() == 0 ? "" : "\n").append(l.label());
    }
    m.addMetadataProps(entry(LAYERS_KEY, labels.toString()));
    m.addMetadataProps(entry(ELEMENT_TYPE_KEY, type.label()));
    options.metadata().forEach((k, v) -> m.addMetadataProps(entry(k, v)));
    return m.build();
  }

  /** {@code x W^T + b} with W as a dense {@code [columns, rows]} initializer. */
  private static String dense(GraphProto.Builder g, SparseLayer l, String p, String x,
      OnnxElementType type) {
    int rows = l.outputDimension();
    int cols = l.inputDimension();
    float[] w = new float[Math.multiplyExact(rows, cols)];
    for (int r = 0; r < rows; r++) {
      for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
        w[l.column(k) * rows + r] = type.round(l.weight(k));
      }
    }
    g.addInitializer(tensor(p + "weight", type, w, cols, rows));
    g.addInitializer(tensor(p + "bias", type, rounded(l.biasArray(), type), rows));
    g.addNode(node("MatMul", p + "matmul", p + "product", x, p + "weight"));
    g.addNode(node("Add", p + "add", p + "sum", p + "product", p + "bias"));
    return p + "sum";
  }

  /**
   * {@code b + W x} from the CSR arrays: Gather the input of every non-zero weight, multiply,
   * and add each product into its row with ScatterElements(reduction = add), starting from the
   * bias, in the order of the entries.
   */
  private static String gathered(GraphProto.Builder g, SparseLayer l, String p, String x,
      OnnxElementType type) {
    int rows = l.outputDimension();
    int nnz = l.nonZeros();
    g.addInitializer(tensor(p + "bias", type, rounded(l.biasArray(), type), rows));
    if (nnz == 0) {
      g.addNode(node("Identity", p + "identity", p + "sum", p + "bias"));
      return p + "sum";
    }
    int[] rowOf = new int[nnz];
    for (int r = 0; r < rows; r++) {
      for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
        rowOf[k] = r;
      }
    }
    g.addInitializer(int32s(p + "columns", l.columnArray()));
    g.addInitializer(int32s(p + "rows", rowOf));
    g.addInitializer(tensor(p + "weights", type, rounded(l.weightArray(), type), nnz));
    g.addNode(node("Gather", p + "gather", p + "inputs", x, p + "columns")
        .addAttribute(AttributeProto.newBuilder().setName("axis").setI(0)
            .setType(AttributeProto.AttributeType.INT)));
    g.addNode(node("Mul", p + "mul", p + "products", p + "inputs", p + "weights"));
    g.addNode(node("ScatterElements", p + "scatter_add", p + "sum", p + "bias", p + "rows",
        p + "products")
        .addAttribute(AttributeProto.newBuilder().setName("axis").setI(0)
            .setType(AttributeProto.AttributeType.INT))
        .addAttribute(AttributeProto.newBuilder().setName("reduction")
            .setS(ByteString.copyFromUtf8("add")).setType(AttributeProto.AttributeType.STRING)));
    return p + "sum";
  }

  private static float[] rounded(Rational[] values, OnnxElementType type) {
    float[] r = new float[values.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = type.round(values[i]);
    }
    return r;
  }

  private static NodeProto.Builder node(String op, String name, String output, String... inputs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
    for (String in : inputs) {
      n.addInput(in);
    }
    return n;
  }

  private static TensorProto tensor(String name, OnnxElementType type, float[] values,
      long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name)
        .setDataType(type.dataType().getNumber()).setRawData(type.raw(values));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  private static TensorProto int32s(String name, int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    b.flip();
    return TensorProto.newBuilder().setName(name)
        .setDataType(TensorProto.DataType.INT32.getNumber()).addDims(values.length)
        .setRawData(ByteString.copyFrom(b)).build();
  }

  private static ValueInfoProto vector(String name, OnnxElementType type, int dimension) {
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.dataType().getNumber())
            .setShape(TensorShapeProto.newBuilder().addDim(
                TensorShapeProto.Dimension.newBuilder().setDimValue(dimension))))).build();
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  /**
   * Writes {@code model} to {@code file} through a temporary file in the same directory and an
   * atomic rename: a failure leaves no half-written file.
   */
  public static void write(ModelProto model, Path file) throws IOException {
    write(model.toByteArray(), file);
  }

  /** Writes a serialized model to {@code file} the same way (temporary file, atomic rename). */
  public static void write(byte[] model, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    checkArgument(dir != null, "no directory for %s", file);
    Path tmp = Files.createTempFile(dir, ".loopmlp-", ".onnx.tmp");
    try {
      try (OutputStream o = Files.newOutputStream(tmp)) {
        o.write(model);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
