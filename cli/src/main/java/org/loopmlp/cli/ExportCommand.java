package org.loopmlp.cli;

import java.nio.file.Path;
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
            + "opened in ONNX Runtime before it is written.",
        "",
        "With --isa classic, the classic network of --config N,A (or --word N --memory-bits "
            + "A; default 8,4) is written the same ways. A file that exists is refused unless "
            + "--force.",
        "",
        "With --smtlib DIR, also writes the construction's stage lemmas and the whole pass as "
            + "SMT-LIB 2 scripts (see 'loopmlp smt'). With --vnncomp DIR, writes the VNN-COMP "
            + "benchmark instead (three constructions, both machines; as 'loopmlp smt "
            + "export-vnncomp DIR')."
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  loopmlp export --config 8,4,4 --out net-8-4-4.txt.gz",
        "  loopmlp export --config 8,4,4 --out net.txt --npz      # also net.npz",
        "  loopmlp export --config 8,4,4 --onnx net.onnx --onnx-type float16",
        "  loopmlp export --isa classic --config 8,4 --out classic.txt --onnx classic.onnx",
        "  loopmlp export --config 8,4,4 --smtlib smt-8-4-4/   # for z3, cvc5 (loopmlp smt)",
        "  loopmlp export --vnncomp vnncomp/                   # the VNN-COMP benchmark",
        "",
        "In Python:",
        "  z = numpy.load('net.npz'); import scipy.sparse as sp",
        "  W0 = sp.csr_matrix((z['layer0_data'], z['layer0_indices'],",
        "                      z['layer0_indptr']), shape=tuple(z['layer0_shape']))",
        "  x = numpy.maximum(0, W0 @ x + z['layer0_bias'])"
    })
final class ExportCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Mixin IsaOption isa;

  @Option(names = "--config", paramLabel = "N,A,C",
      description = "Word bits, data address bits, code address bits, e.g. 8,4,4; with --isa"
          + " classic N,A (word bits, memory address bits), e.g. 8,4.")
  String configText;

  @Mixin ClassicSize classicSize;

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

  @Option(names = "--smtlib", paramLabel = "DIR",
      description = "Also write every stage lemma and the whole pass of this construction and"
          + " size as SMT-LIB 2 scripts into DIR (as 'loopmlp smt export-smtlib'; each"
          + " check-sat must answer unsat).")
  Path smtlib;

  @Option(names = "--vnncomp", paramLabel = "DIR",
      description = "Write the VNN-COMP benchmark into DIR instead (what 'loopmlp smt"
          + " export-vnncomp' writes, with its defaults): the paper and narrow constructions at"
          + " --config N,A,C (default 8,4,4) and the classic one at N,A with A = --memory-bits"
          + " (default 4).")
  Path vnncomp;

  @Option(names = "--force",
      description = "Replace files that already exist (without it, an existing --out, --onnx or"
          + " --npz file is refused).")
  boolean force;

  @Override
  public Integer call() {
    return vnncomp != null ? NetworkExport.vnncomp(this) : isa.frontEnd().export(this);
  }
}
