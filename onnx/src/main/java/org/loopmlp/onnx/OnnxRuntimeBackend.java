package org.loopmlp.onnx;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Float32Vector;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.NarrowFloat;
import org.loopmlp.exact.NarrowFloatVector;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.StateVector;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;

/**
 * Runs a network in ONNX Runtime (CPU execution provider, one thread): {@link #compile} exports
 * it with {@link OnnxExport} in this backend's element type, with every layer's output also a
 * model output so that checked mode sees each layer, and opens a session on it. Vectors come
 * back as the {@code float32} or {@code float16} backend's vectors, so every check reads them
 * as it reads those. Not exact; what arithmetic actually runs is the session's business (its
 * optimized graph: see the module README), which is why these backends exist.
 */
public final class OnnxRuntimeBackend implements Backend {
  public static final OnnxRuntimeBackend FLOAT32 = new OnnxRuntimeBackend(OnnxElementType.FLOAT32);
  public static final OnnxRuntimeBackend FLOAT16 = new OnnxRuntimeBackend(OnnxElementType.FLOAT16);

  /** Closes a session once its compiled network is unreachable. */
  private static final Cleaner CLEANER = Cleaner.create();

  private final OnnxElementType type;

  private OnnxRuntimeBackend(OnnxElementType type) {
    this.type = type;
  }

  /** Both ONNX Runtime backends: onnx-float32, onnx-float16. */
  public static List<Backend> all() {
    return List.of(FLOAT32, FLOAT16);
  }

  public OnnxElementType type() {
    return type;
  }

  @Override
  public String name() {
    return "onnx-" + type.label();
  }

  @Override
  public boolean isExact() {
    return false;
  }

  @Override
  public Compiled compile(Network network) {
    return compile(network, WeightLayout.AUTO, Optional.empty());
  }

  /**
   * Compiles {@code network} with {@code layout}; when {@code optimizedModel} is given, ONNX
   * Runtime writes the graph it will actually run there (after its own rewrites).
   *
   * @throws OnnxRuntimeException if ONNX Runtime refuses the model
   */
  public Compiled compile(Network network, WeightLayout layout, Optional<Path> optimizedModel) {
    checkNotNull(network, "network");
    ModelProto model = OnnxExport.model(network,
        OnnxExport.Options.of(type).withLayout(layout).withEveryLayerOutput(true));
    return new Session(network, open(model.toByteArray(), optimizedModel));
  }

  /**
   * Opens a session on a serialized model (one thread, all graph optimizations).
   *
   * @throws OnnxRuntimeException if ONNX Runtime refuses the model
   */
  public static OrtSession open(byte[] model, Optional<Path> optimizedModel) {
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Warnings (e.g. that a saved optimized graph is specific to this machine) would break
      // the command line's one-line error contract; refusals still arrive as exceptions.
      o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      if (optimizedModel.isPresent()) {
        o.setOptimizedModelFilePath(optimizedModel.get().toString());
      }
      return OrtEnvironment.getEnvironment().createSession(model, o);
    } catch (OrtException e) {
      throw new OnnxRuntimeException("ONNX Runtime refuses the model: " + firstLine(e), e);
    }
  }

  static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A network with its open session. */
  private final class Session implements Compiled {
    private final Network network;
    private final OrtSession session;

    Session(Network network, OrtSession session) {
      this.network = network;
      this.session = session;
      CLEANER.register(this, new Closer(session));
    }

    @Override
    public Network network() {
      return network;
    }

    @Override
    public StateVector load(StateVector input) {
      return type.vector(floatsOf(input));
    }

    private float[] floatsOf(StateVector v) {
      float[] x = new float[v.dimension()];
      if (type == OnnxElementType.FLOAT32 && v instanceof Float32Vector f) {
        for (int i = 0; i < x.length; i++) {
          x[i] = f.value(i);
        }
      } else if (type == OnnxElementType.FLOAT16 && v instanceof NarrowFloatVector f
          && f.format() == NarrowFloat.FLOAT16) {
        for (int i = 0; i < x.length; i++) {
          x[i] = f.value(i);
        }
      } else {
        for (int i = 0; i < x.length; i++) {
          x[i] = v.isZero(i) ? 0f : v.isOne(i) ? 1f : type.round(v.get(i));
        }
      }
      return x;
    }

    @Override
    public StateVector apply(StateVector input, LayerObserver observer) {
      checkArgument(input.dimension() == network.inputDimension(),
          "input has dimension %s, network reads %s", input.dimension(),
          network.inputDimension());
      float[] x = floatsOf(input);
      ByteBuffer raw = ByteBuffer.allocateDirect(x.length * type.bytes())
          .order(ByteOrder.nativeOrder());
      for (float v : x) {
        if (type == OnnxElementType.FLOAT32) {
          raw.putFloat(v);
        } else {
          raw.putShort(NarrowFloat.FLOAT16.encode(v));
        }
      }
      raw.flip();
      OnnxJavaType javaType = type == OnnxElementType.FLOAT32 ? OnnxJavaType.FLOAT
          : OnnxJavaType.FLOAT16;
      int depth = network.depth();
      Set<String> wanted = new HashSet<>();
      wanted.add(OnnxExport.OUTPUT);
      if (observer != LayerObserver.NONE) {
        for (int i = 0; i < depth; i++) {
          wanted.add(OnnxExport.layerOutput(network, i));
        }
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OnnxTensor in = OnnxTensor.createTensor(env, raw, new long[] {x.length}, javaType);
          OrtSession.Result out = session.run(Map.of(OnnxExport.INPUT, in), wanted)) {
        if (observer != LayerObserver.NONE) {
          for (int i = 0; i < depth - 1; i++) {
            observer.afterLayer(i, network.layer(i), read(out, OnnxExport.layerOutput(network, i),
                network.layer(i).outputDimension()));
          }
        }
        StateVector y = read(out, OnnxExport.OUTPUT, network.outputDimension());
        observer.afterLayer(depth - 1, network.layer(depth - 1), y);
        return y;
      } catch (OrtException e) {
        throw new OnnxRuntimeException("ONNX Runtime failed to run a pass: " + firstLine(e), e);
      }
    }

    private StateVector read(OrtSession.Result out, String name, int dimension) {
      OnnxValue v = out.get(name).orElseThrow(() -> new IllegalStateException(
          "ONNX Runtime returned no " + name));
      ByteBuffer b = ((OnnxTensor) v).getByteBuffer().order(ByteOrder.nativeOrder());
      return type.vector(type.read(b, dimension));
    }
  }

  /** Closes a session; holds no reference to the compiled network it belongs to. */
  private record Closer(OrtSession session) implements Runnable {
    @Override
    public void run() {
      try {
        session.close();
      } catch (OrtException ignored) {
        // Closing at collection time: nothing to report to.
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
