package org.loopmlp.onnx;

import org.loopmlp.verify.PaperTrials;
import org.loopmlp.verify.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.NarrowFloatBackend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.ScaledIntegerVector;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Example;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;
import org.loopmlp.onnx.proto.OnnxProto.NodeProto;
import org.loopmlp.verify.ConfigRange;
import org.loopmlp.verify.Counterexample;
import org.loopmlp.verify.DifferentialCampaign;

/**
 * The ONNX Runtime backends: what arithmetic the session runs (read off its optimized graph and
 * shown on a network where it matters), pass-by-pass equality with the exact backend where the
 * construction is exact in the format, and the known failures, shrunk.
 */
class OnnxRuntimeBackendTest {
  /** Layer 0: (2048 x0 + x1, x0); layer 1: l0[0] - 2048 l0[1]. Exact result 1 for x = (1, 1). */
  private static Network twoLayers() {
    SparseLayer.Builder a = SparseLayer.builder(2).label("first");
    a.addRow(SparseLayer.Row.withBias(0).plus(0, 2048).plus(1, 1));
    a.addRow(SparseLayer.Row.withBias(0).plus(0, 1));
    SparseLayer.Builder b = SparseLayer.builder(2).label("second");
    b.addRow(SparseLayer.Row.withBias(0).plus(0, 1).plus(1, -2048));
    return Network.of(List.of(a.build(), b.build()));
  }

  @Test
  void onnxFloat16ComputesInFloat32AndRoundsOnlyTheModelOutputs(@TempDir Path dir)
      throws Exception {
    for (WeightLayout layout : List.of(WeightLayout.DENSE, WeightLayout.GATHERED)) {
      Path optimized = dir.resolve("optimized-" + layout.label() + ".onnx");
      Backend.Compiled c = OnnxRuntimeBackend.FLOAT16.compile(twoLayers(), layout,
          Optional.of(optimized));
      List<Rational> firstLayer = new ArrayList<>();
      StateVector y = c.apply(ScaledIntegerVector.ofLongs(1, 1),
          (i, layer, out) -> firstLayer.add(i == 0 ? out.get(0) : null));
      // 2049 is not a float16: the reported layer output is rounded (ties to even) to 2048, but
      // the next layer read the float32 value 2049, so the pass gives 2049 - 2048 = 1.
      assertEquals(Rational.of(2048), firstLayer.get(0), layout.label());
      assertEquals(Rational.ONE, y.get(0), layout.label());
      // Wholly in float16 (every sum and every stored layer rounded) the pass gives 0.
      assertEquals(Rational.ZERO, NarrowFloatBackend.FLOAT16.compile(twoLayers())
          .apply(ScaledIntegerVector.ofLongs(1, 1)).get(0));

      // The graph ONNX Runtime runs: float16 initializers and input cast to float32, every
      // arithmetic node in float32, casts back to float16 only on the model outputs.
      ModelProto m = ModelProto.parseFrom(Files.readAllBytes(optimized));
      List<String> casts = new ArrayList<>();
      for (NodeProto n : m.getGraph().getNodeList()) {
        if (n.getOpType().equals("Cast")) {
          casts.add(n.getAttribute(0).getI() == 1 ? "to float32" : n.getOutput(0));
        } else if (!n.getOpType().equals("Reshape") && !n.getOpType().equals("Gather")) {
          for (String in : n.getInputList()) {
            if (!in.endsWith(".rows") && !in.endsWith(".columns") && !in.endsWith("_shape")) {
              assertTrue(in.startsWith("InsertedPrecisionFreeCast_"), n.getOpType() + " reads "
                  + in + " in float16");
            }
          }
        }
      }
      assertTrue(casts.containsAll(List.of("next_state", "layer0")), casts.toString());
    }
  }

  @Test
  void onnxFloat32IsTheFloat32Backend() {
    Backend.Compiled c = OnnxRuntimeBackend.FLOAT32.compile(twoLayers());
    assertEquals(Rational.ONE, c.apply(ScaledIntegerVector.ofLongs(1, 1)).get(0));
    assertEquals("onnx-float32", OnnxRuntimeBackend.FLOAT32.name());
  }

  /** Passes per example in the default run (all of them under -Pcampaign). */
  private static final int PASSES = Boolean.getBoolean("loopmlp.campaign") ? 20_000 : 300;

  /** Examples at their own sizes: word size at most {@code maxWordBits}. */
  private static void examplesAgree(Backend backend, int maxWordBits) {
    int run = 0;
    for (Example e : ExampleLibrary.all()) {
      MachineConfig config = e.program().config();
      if (config.wordBits() > maxWordBits) {
        continue;
      }
      Construction c = PaperConstruction.build(config);
      PassByPass.Result r = PassByPass.run(c, backend, PassByPass.exact(c),
          backend.compile(c.network()), e, PASSES);
      assertTrue(r.agrees(), e.name() + ": " + r.difference());
      assertTrue(r.passes() > 0);
      run++;
    }
    assertTrue(run >= 9, run + " examples");
  }

  @Test
  void everyExampleAgreesPassByPassInOnnxFloat32() {
    examplesAgree(OnnxRuntimeBackend.FLOAT32, 16);
  }

  @Test
  void everyEightBitExampleAgreesPassByPassInOnnxFloat16() {
    // The paper construction first fails at N = 11 in float16 (verify's floating-point.properties).
    examplesAgree(OnnxRuntimeBackend.FLOAT16, 8);
  }

  @Test
  void randomProgramsAgreeInBothFormatsWhereThePaperConstructionIsExact() {
    for (Backend backend : OnnxRuntimeBackend.all()) {
      DifferentialCampaign.Result<Counterexample> r = PaperTrials.paper(backend).run(
          PaperTrials.Settings.of(ConfigRange.upTo(8, 2, 2), 60, 5).withPasses(6),
          Progress.NONE);
      assertTrue(r.passed(), r.report());
      assertTrue(r.missing().isEmpty(), "coverage: " + r.report());
    }
  }

  /** The campaign's shrunk counterexample at word size {@code n} (A = C = 1). */
  private static Counterexample failureAt(Backend backend, int n) {
    DifferentialCampaign.Result<Counterexample> r = PaperTrials.paper(backend).run(
        new PaperTrials.Settings(new ConfigRange(n, n, 1, 1, 1, 1), 100, 2, 3, false),
        Progress.NONE);
    assertTrue(r.counterexample().isPresent(), r.report());
    return r.counterexample().get();
  }

  @Test
  void thePaperConstructionFailsInOnnxFloat32AtN32Shrunk() {
    Counterexample c = failureAt(OnnxRuntimeBackend.FLOAT32, 32);
    // float32 holds every integer up to 2^24: no counterexample below N = 24.
    assertTrue(c.config().wordBits() >= 24, c.toString());
    assertTrue(c.shrinkSteps() > 0, c.toString());
    assertTrue(c.divergence().isPresent(), c.toString());
    assertTrue(c.toString().contains("onnx-float32"), c.toString());
  }

  @Test
  void thePaperConstructionFailsInOnnxFloat16AtN16Shrunk() {
    // At N = 16 a pass overflows float16 (sums reach 2^16 > 65504): infinities, shrunk away.
    Counterexample c = failureAt(OnnxRuntimeBackend.FLOAT16, 16);
    assertTrue(c.config().wordBits() >= 11, c.toString());
    assertTrue(c.divergence().isPresent(), c.toString());
  }
}
