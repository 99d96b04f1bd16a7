package org.loopmlp.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.NarrowFloat;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;
import org.loopmlp.onnx.proto.OnnxProto.NodeProto;
import org.loopmlp.onnx.proto.OnnxProto.StringStringEntryProto;
import org.loopmlp.onnx.proto.OnnxProto.TensorProto;

/** The exported model's structure, read back from its bytes. */
class OnnxExportTest {
  private static final Construction SMALL = PaperConstruction.build(MachineConfig.of(4, 2, 2));

  private static ModelProto roundTrip(Network n, OnnxExport.Options o) throws IOException {
    return ModelProto.parseFrom(OnnxExport.model(n, o).toByteArray());
  }

  private static Map<String, String> metadata(ModelProto m) {
    return m.getMetadataPropsList().stream().collect(Collectors.toMap(
        StringStringEntryProto::getKey, StringStringEntryProto::getValue));
  }

  private static List<String> ops(ModelProto m) {
    return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
  }

  @Test
  void opset17NamedVectorsAndTheDirectionNames() throws IOException {
    ModelProto m = roundTrip(SMALL.network(), OnnxExport.Options.of(OnnxElementType.FLOAT32)
        .withMetadata(Map.of("loopmlp.config", "4,2,2")));
    assertEquals(17, m.getOpsetImport(0).getVersion());
    assertEquals("", m.getOpsetImport(0).getDomain());
    assertEquals(8, m.getIrVersion());
    assertEquals("state", m.getGraph().getInput(0).getName());
    assertEquals(List.of("next_state"), m.getGraph().getOutputList().stream()
        .map(v -> v.getName()).toList());
    int d = SMALL.layout().dimension();
    assertEquals(d, m.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0)
        .getDimValue());
    Map<String, String> meta = metadata(m);
    List<String> names = List.of(meta.get(OnnxExport.DIRECTIONS_KEY).split("\n"));
    assertEquals(d, names.size());
    assertEquals("pc.bit[0]", names.get(SMALL.layout().indexOf(
        org.loopmlp.construction.Direction.named("pc.bit[0]"))));
    assertEquals(SMALL.depth(), meta.get(OnnxExport.LAYERS_KEY).split("\n").length);
    assertEquals("float32", meta.get(OnnxExport.ELEMENT_TYPE_KEY));
    assertEquals("4,2,2", meta.get("loopmlp.config"));
    assertEquals(SMALL.depth(), ops(m).stream().filter("Relu"::equals).count());
  }

  @Test
  void autoIsDenseForSmallLayersAndGatheredForLargeOnes() throws IOException {
    List<String> small = ops(roundTrip(SMALL.network(),
        OnnxExport.Options.of(OnnxElementType.FLOAT32)));
    assertTrue(small.contains("MatMul") && !small.contains("ScatterElements"), small.toString());
    SparseLayer wide = SparseLayer.builder(1100).label("wide").build(); // no rows
    SparseLayer.Builder b = SparseLayer.builder(1100).label("tall");
    for (int r = 0; r < 1000; r++) {
      b.addRow(SparseLayer.Row.withBias(r % 3).plus(r, 1));
    }
    Network big = Network.of(List.of(b.build())); // 1,100,000 entries > 2^20
    List<String> large = ops(roundTrip(big, OnnxExport.Options.of(OnnxElementType.FLOAT32)));
    assertEquals(List.of("Gather", "Mul", "ScatterElements", "Relu"), large);
    assertEquals(0, wide.outputDimension());
    List<String> forced = ops(roundTrip(SMALL.network(), OnnxExport.Options
        .of(OnnxElementType.FLOAT32).withLayout(WeightLayout.GATHERED)));
    assertFalse(forced.contains("MatMul"), forced.toString());
  }

  @Test
  void float16TensorsHoldHalfPrecisionBits() throws IOException {
    SparseLayer.Builder b = SparseLayer.builder(2).label("one");
    b.addRow(SparseLayer.Row.withBias(2049).plus(0, 3).plus(1, -65504));
    ModelProto m = roundTrip(Network.of(List.of(b.build())), OnnxExport.Options
        .of(OnnxElementType.FLOAT16).withLayout(WeightLayout.GATHERED));
    Map<String, TensorProto> init = m.getGraph().getInitializerList().stream().collect(
        Collectors.toMap(TensorProto::getName, t -> t));
    TensorProto w = init.get("layer0.weights");
    assertEquals(TensorProto.DataType.FLOAT16.getNumber(), w.getDataType());
    ByteBuffer raw = w.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0x4200, raw.getShort() & 0xFFFF); // 3.0 in binary16
    assertEquals(0xFBFF, raw.getShort() & 0xFFFF); // -65504, the most negative finite
    ByteBuffer bias = init.get("layer0.bias").getRawData().asReadOnlyByteBuffer()
        .order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(2048f, NarrowFloat.FLOAT16.decode(bias.getShort())); // 2049 rounds to even
    assertEquals(TensorProto.DataType.INT32.getNumber(), init.get("layer0.rows").getDataType());
  }

  @Test
  void aDenseExportBeyondOneGibibyteIsRefused() {
    SparseLayer.Builder b = SparseLayer.builder(20_000).label("huge");
    for (int r = 0; r < 20_000; r++) {
      b.addRow(SparseLayer.Row.withBias(0).plus(r, 1));
    }
    Network n = Network.of(List.of(b.build())); // 4e8 entries x 4 bytes = 1.6 GB dense
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.model(n, OnnxExport.Options.of(OnnxElementType.FLOAT32)
            .withLayout(WeightLayout.DENSE)));
    assertTrue(e.getMessage().contains("dense export"), e.getMessage());
    // The same network gathered is 20,000 weights.
    OnnxExport.model(n, OnnxExport.Options.of(OnnxElementType.FLOAT32));
  }

  @Test
  void aFailedWriteLeavesNothingBehind(@TempDir Path dir) throws IOException {
    ModelProto m = OnnxExport.model(SMALL.network(),
        OnnxExport.Options.of(OnnxElementType.FLOAT32));
    Path target = dir.resolve("taken");
    Files.createDirectory(target);
    Files.writeString(target.resolve("inside"), "x"); // a non-empty directory: the move fails
    assertThrows(IOException.class, () -> OnnxExport.write(m, target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList(), "no temporary file is left");
    }
    Path ok = dir.resolve("net.onnx");
    OnnxExport.write(m, ok);
    assertEquals(m, ModelProto.parseFrom(Files.readAllBytes(ok)));
  }

  @Test
  void onnxRuntimeRefusesGarbageWithOneLine() {
    OnnxRuntimeException e = assertThrows(OnnxRuntimeException.class,
        () -> OnnxRuntimeBackend.open(new byte[] {1, 2, 3, 4}, java.util.Optional.empty()));
    assertTrue(e.getMessage().startsWith("ONNX Runtime refuses the model"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
