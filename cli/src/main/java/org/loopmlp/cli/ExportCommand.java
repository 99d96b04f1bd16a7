package org.loopmlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.onnx.OnnxElementType;
import org.loopmlp.onnx.OnnxExport;
import org.loopmlp.onnx.OnnxRuntimeBackend;
import org.loopmlp.onnx.OnnxRuntimeException;
import org.loopmlp.onnx.WeightLayout;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopmlp export}: the network of one size as a file (and NumPy arrays). */
@Command(
    name = "export",
    header = "Write the network for one size to a file (exact rational weights).",
    description = {
        "Writes the network in the loopmlp network format (text, exact rational "
            + "weights, direction names, a SHA-256 footer; gzip when FILE ends in .gz). With "
            + "--npz, also writes a NumPy archive: per layer i the CSR arrays "
            + "layer{i}_indptr, layer{i}_indices, layer{i}_data, layer{i}_bias and "
            + "layer{i}_shape, and meta.json with the config, the layer labels and every "
            + "direction's name.",
        "",
        "With --onnx FILE, writes one pass as an ONNX model (opset 17): input 'state', output "
            + "'next_state' (vectors of the state dimension), per layer MatMul + Add or, for "
            + "large layers, Gather + Mul + ScatterElements(add) over the non-zero weights "
            + "(--onnx-weights), then Relu; in float32 or float16 (--onnx-type); the direction "
            + "names, layer labels, construction and config in metadata_props. The model is "
            + "opened in ONNX Runtime before it is written."
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  loopmlp export --config 8,4,4 --out net-8-4-4.txt.gz",
        "  loopmlp export --config 8,4,4 --out net.txt --npz      # also net.npz",
        "  loopmlp export --config 8,4,4 --onnx net.onnx --onnx-type float16",
        "",
        "In Python:",
        "  z = numpy.load('net.npz'); import scipy.sparse as sp",
        "  W0 = sp.csr_matrix((z['layer0_data'], z['layer0_indices'],",
        "                      z['layer0_indptr']), shape=tuple(z['layer0_shape']))",
        "  x = numpy.maximum(0, W0 @ x + z['layer0_bias'])"
    })
final class ExportCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (default, --config N,A,C) or classic (--word N --memory-bits A).")
  String isa;

  @Option(names = "--word", paramLabel = "N", description = "--isa classic: word bits N.")
  Integer classicWord;

  @Option(names = "--memory-bits", paramLabel = "A",
      description = "--isa classic: memory address bits A (2^A words).")
  Integer classicMemoryBits;

  @Option(names = "--config", paramLabel = "N,A,C", converter = Configs.class,
      description = "Word bits, data address bits, code address bits, e.g. 8,4,4.")
  MachineConfig config;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the network (exact weights).")
  Path out;

  @Option(names = "--onnx", paramLabel = "ONNX",
      description = "Where to write one pass as an ONNX model.")
  Path onnx;

  @Option(names = "--onnx-type", paramLabel = "T", defaultValue = "float32",
      description = "Element type of the ONNX model: float32 or float16 (default:"
          + " ${DEFAULT-VALUE}).")
  String onnxType;

  @Option(names = "--onnx-weights", paramLabel = "L", defaultValue = "auto",
      description = "Weights of the ONNX model: dense (MatMul), gathered (Gather + Mul +"
          + " ScatterElements over the non-zero weights) or auto (dense up to 2^20 entries a"
          + " layer) (default: ${DEFAULT-VALUE}).")
  String onnxWeights;

  @Option(names = "--npz", paramLabel = "NPZ", arity = "0..1", fallbackValue = "",
      description = "Also write NumPy arrays, to NPZ or next to FILE with the extension .npz.")
  String npz;

  @Override
  public Integer call() {
    if (out == null && onnx == null) {
      throw UserError.because("give --out FILE (the network) or --onnx FILE (an ONNX model), or"
          + " both");
    }
    if (out == null && npz != null) {
      throw UserError.because("--npz writes next to the network: give --out FILE too");
    }
    OnnxElementType type = onnxType();
    WeightLayout layout = onnxWeights();
    // Refuse a bad path before the build, which can take minutes at large sizes.
    if (out != null) {
      Inputs.checkWritableTarget("--out", out);
    }
    if (onnx != null) {
      Inputs.checkWritableTarget("--onnx", onnx);
      if (out != null && onnx.toAbsolutePath().normalize().equals(
          out.toAbsolutePath().normalize())) {
        throw UserError.because("--onnx would write the model over the network file %s", out);
      }
    }
    Path npzFile = npz == null ? null : npz.isEmpty() ? npzNextTo(out) : Path.of(npz);
    if (npzFile != null) {
      Inputs.checkWritableTarget("--npz", npzFile);
      if (npzFile.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
        throw UserError.because("--npz would write the NumPy arrays over the network file %s;"
            + " give the network another name (e.g. net.txt.gz) or --npz=OTHER.npz", out);
      }
    }
    if (isa.equals("classic")) {
      return ClassicStats.export(constructionOption.classicName(), classicWord,
          classicMemoryBits, out, out(), err());
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    if (config == null) {
      throw new UserError("Missing required option: '--config=N,A,C'");
    }
    Construction c = Builds.build(constructionOption.name(), config, err());
    if (onnx != null) {
      // The model is built and accepted by ONNX Runtime before any file is written.
      byte[] model = onnxModel(c, type, layout);
      acceptedByOnnxRuntime(model, onnx);
      try {
        OnnxExport.write(model, onnx);
        readableByAll(onnx);
      } catch (IOException e) {
        throw Inputs.cannotWrite(onnx, e);
      }
      out().printf(Locale.ROOT, "wrote %s: ONNX opset %d, %s, %s weights, %d layers, state"
          + " dimension %d%n", onnx, OnnxExport.OPSET, type.label(), layout.label(), c.depth(),
          c.layout().dimension());
    }
    if (out == null) {
      out().flush();
      return ExitCodes.OK;
    }
    try {
      NetworkFormat.write(c.network(), out);
      readableByAll(out);
    } catch (IOException e) {
      throw Inputs.cannotWrite(out, e);
    }
    out().printf(Locale.ROOT, "wrote %s: %s, %d layers, %,d weights, state dimension %d%n", out,
        Configs.format(config), c.depth(), c.network().nonZeros(), c.layout().dimension());
    if (npzFile != null) {
      writeNpz(c, npzFile);
      out().printf(Locale.ROOT, "wrote %s: NumPy arrays (CSR per layer) and meta.json%n",
          npzFile);
    }
    out().flush();
    return ExitCodes.OK;
  }

  private OnnxElementType onnxType() {
    try {
      return OnnxElementType.named(onnxType);
    } catch (IllegalArgumentException e) {
      throw UserError.because("--onnx-type: %s", e.getMessage());
    }
  }

  private WeightLayout onnxWeights() {
    for (WeightLayout l : WeightLayout.values()) {
      if (l.label().equals(onnxWeights)) {
        return l;
      }
    }
    throw UserError.because("--onnx-weights: unknown layout '%s', expected auto, dense or"
        + " gathered", onnxWeights);
  }

  /** The serialized model; a dense export too large for one file is a {@link UserError}. */
  private static byte[] onnxModel(Construction c, OnnxElementType type, WeightLayout layout) {
    ModelProto model;
    try {
      model = OnnxExport.model(c.network(), OnnxExport.Options.of(type).withLayout(layout)
          .withMetadata(Map.of("loopmlp.construction", c.name(), "loopmlp.config",
              Configs.format(c.config()))));
    } catch (IllegalArgumentException e) {
      throw UserError.because("cannot export %s as ONNX: %s", Configs.format(c.config()),
          e.getMessage());
    }
    return model.toByteArray();
  }

  /** Opens {@code model} in ONNX Runtime; a refusal is one {@link UserError} line. */
  static void acceptedByOnnxRuntime(byte[] model, Path file) {
    try {
      OnnxRuntimeBackend.open(model, Optional.empty()).close();
    } catch (OnnxRuntimeException e) {
      throw UserError.because("not writing %s: %s", file, e.getMessage());
    } catch (ai.onnxruntime.OrtException e) {
      throw UserError.because("not writing %s: ONNX Runtime: %s", file, e.getMessage());
    }
  }

  /** {@code net.txt.gz} -> {@code net.npz}. */
  static Path npzNextTo(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return file.resolveSibling(base + ".npz");
  }

  /** Temporary files are private (rw-------); an exported file is for sharing (rw-r--r--). */
  static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes through a temporary file and an atomic rename, so a failure leaves no half file. */
  private static void writeNpz(Construction c, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".loopmlp-", ".npz.tmp");
      try (OutputStream o = Files.newOutputStream(tmp)) {
        NumpyExport.write(c, o);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      readableByAll(file);
    } catch (IOException e) {
      throw Inputs.cannotWrite(file, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The temporary file is already moved or cannot be removed; nothing else to do.
        }
      }
    }
  }
}
