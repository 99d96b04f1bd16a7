package org.loopmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.onnx.OnnxElementType;
import org.loopmlp.onnx.OnnxExport;
import org.loopmlp.onnx.OnnxRuntimeBackend;
import org.loopmlp.onnx.OnnxRuntimeException;
import org.loopmlp.onnx.WeightLayout;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;
import org.loopmlp.smt.SmtCommands;

/**
 * {@code export} for every machine: the options checked before the build, then each file asked
 * for written (the network, the NumPy arrays, the ONNX model). The ONNX exporter takes any
 * {@link org.loopmlp.exact.Network}, so every machine's network exports to ONNX.
 */
final class NetworkExport {
  private final ExportCommand o;
  private final OnnxElementType type;
  private final WeightLayout layout;
  private final Path npzFile;

  private NetworkExport(ExportCommand o) {
    this.o = o;
    if (o.onnx == null) {
      o.refuse("applies to the ONNX model: give --onnx FILE too", "--onnx-type",
          "--onnx-weights");
    }
    this.type = onnxType(o.onnxType);
    this.layout = onnxWeights(o.onnxWeights);
    this.npzFile = o.npz == null ? null : o.npz.isEmpty() ? npzNextTo(o.out) : Path.of(o.npz);
  }

  /**
   * Checks every output before the build (which can take minutes at large sizes), then builds
   * with {@code build} and writes.
   */
  static int export(ExportCommand o, Supplier<ExportedNetwork> build) {
    if (o.out == null && o.onnx == null && o.smtlib == null) {
      throw UserError.because("give --out FILE (the network), --onnx FILE (an ONNX model) or"
          + " --smtlib DIR (SMT-LIB scripts), or several");
    }
    if (o.out == null && o.npz != null) {
      throw UserError.because("--npz writes next to the network: give --out FILE too");
    }
    NetworkExport e = new NetworkExport(o);
    e.checkTargets();
    e.write(build.get());
    return ExitCodes.OK;
  }

  /**
   * {@code export --vnncomp DIR}: the benchmark of {@code smt export-vnncomp}, which it runs;
   * the options of one network's export are refused.
   */
  static int vnncomp(ExportCommand o) {
    o.refuse("does not apply to --vnncomp (the benchmark spans the paper and narrow"
        + " constructions and the classic machine)", "--isa", "--construction", "--word", "--out",
        "--onnx", "--onnx-type", "--onnx-weights", "--npz", "--smtlib");
    if (!o.force && Files.exists(o.vnncomp)) {
      throw UserError.because("--vnncomp %s exists; choose another directory, or add --force to"
          + " write into it", o.vnncomp);
    }
    int classicA = o.classicSize.memoryBits == null ? ClassicOptions.DEFAULT_MEMORY_BITS
        : o.classicSize.memoryBits;
    try {
      return SmtCommand.ExportVnncomp.standard(o.configText == null ? "8,4,4" : o.configText,
          classicA, o.vnncomp, o.out());
    } catch (IOException e) {
      throw Inputs.cannotWrite(o.vnncomp, e);
    }
  }

  private void checkTargets() {
    if (o.smtlib != null && !o.force && Files.exists(o.smtlib)) {
      throw UserError.because("--smtlib %s exists; choose another directory, or add --force to"
          + " write into it", o.smtlib);
    }
    if (o.out != null) {
      OutputFiles.checkTarget("--out", o.out, o.force);
    }
    if (o.onnx != null) {
      OutputFiles.checkTarget("--onnx", o.onnx, o.force);
      OutputFiles.checkDistinct("--onnx", o.onnx, "--out", o.out);
    }
    if (npzFile != null) {
      OutputFiles.checkTarget("--npz", npzFile, o.force);
      if (npzFile.toAbsolutePath().normalize().equals(o.out.toAbsolutePath().normalize())) {
        throw UserError.because("--npz would write the NumPy arrays over the network file %s;"
            + " give the network another name (e.g. net.txt.gz) or --npz=OTHER.npz", o.out);
      }
      OutputFiles.checkDistinct("--npz", npzFile, "--onnx", o.onnx);
    }
  }

  private void write(ExportedNetwork n) {
    if (o.smtlib != null) {
      try {
        SmtCommands.exportSmtlib(n.construction(), n.configLabel(), o.smtlib, o.out());
      } catch (IOException e) {
        throw Inputs.cannotWrite(o.smtlib, e);
      } catch (IllegalArgumentException e) {
        throw UserError.because("%s", e.getMessage());
      }
    }
    if (o.onnx != null) {
      writeOnnx(n);
    }
    if (o.out != null) {
      try {
        NetworkFormat.write(n.network(), o.out);
        OutputFiles.readableByAll(o.out);
      } catch (IOException e) {
        throw Inputs.cannotWrite(o.out, e);
      }
      o.out().printf(Locale.ROOT, "wrote %s: %s %s, %d layers, %,d weights, state dimension"
          + " %d%n", o.out, n.construction(), n.configLabel(), n.depth(),
          n.network().nonZeros(), n.layout().dimension());
    }
    if (npzFile != null) {
      OutputFiles.writeAtomically(npzFile, s -> NumpyExport.write(n, s));
      o.out().printf(Locale.ROOT, "wrote %s: NumPy arrays (CSR per layer) and meta.json%n",
          npzFile);
    }
    o.out().flush();
  }

  /** The model is built and accepted by ONNX Runtime before any file is written. */
  private void writeOnnx(ExportedNetwork n) {
    ModelProto model;
    try {
      model = OnnxExport.model(n.network(), OnnxExport.Options.of(type).withLayout(layout)
          .withMetadata(metadata(n)));
    } catch (IllegalArgumentException e) {
      throw UserError.because("cannot export %s as ONNX: %s", n.configLabel(), e.getMessage());
    }
    byte[] bytes = model.toByteArray();
    acceptedByOnnxRuntime(bytes, o.onnx);
    try {
      OnnxExport.write(bytes, o.onnx);
      OutputFiles.readableByAll(o.onnx);
    } catch (IOException e) {
      throw Inputs.cannotWrite(o.onnx, e);
    }
    o.out().printf(Locale.ROOT, "wrote %s: ONNX opset %d, %s, %s weights, %d layers, state"
        + " dimension %d%n", o.onnx, OnnxExport.OPSET, type.label(), layout.label(), n.depth(),
        n.layout().dimension());
  }

  /** The construction, the size, and what the machine adds ({@link ExportedNetwork}). */
  static Map<String, String> metadata(ExportedNetwork n) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("loopmlp.construction", n.construction());
    m.put("loopmlp.config", n.configLabel());
    m.putAll(n.onnxMetadata());
    return m;
  }

  private static OnnxElementType onnxType(String name) {
    try {
      return OnnxElementType.named(name);
    } catch (IllegalArgumentException e) {
      throw UserError.because("--onnx-type: %s", e.getMessage());
    }
  }

  private static WeightLayout onnxWeights(String name) {
    for (WeightLayout l : WeightLayout.values()) {
      if (l.label().equals(name)) {
        return l;
      }
    }
    throw UserError.because("--onnx-weights: unknown layout '%s', expected auto, dense or"
        + " gathered", name);
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
}
