package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;

/**
 * {@code export} on both machines writes every file it is asked for (the network, the NumPy
 * arrays, the ONNX model: the ONNX exporter takes any network), accepts {@code --config N,A} for
 * the classic machine as {@code prove} does, and replaces an existing file only with --force.
 */
class ClassicExportTest {
  @TempDir Path dir;

  @Test
  void onnxAloneWritesTheClassicModel() throws Exception {
    Path onnx = dir.resolve("c.onnx");
    Cli.Result r = Cli.run("export", "--isa", "classic", "--word", "8", "--memory-bits", "4",
        "--onnx", onnx.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(onnx));
    // 8 layers of the classic construction: one MatMul-or-Gather path and one Relu per layer.
    assertEquals(8, model.getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("Relu")).count());
    assertTrue(model.getMetadataPropsList().stream().anyMatch(p -> p.getKey()
        .equals("loopmlp.construction") && p.getValue().equals("classic")), model.toString());
  }

  @Test
  void outOnnxAndNpzAreAllWritten() throws Exception {
    Path out = dir.resolve("c.txt");
    Path onnx = dir.resolve("c.onnx");
    Cli.Result r = Cli.run("export", "--isa", "classic", "--config", "8,4", "--out",
        out.toString(), "--onnx", onnx.toString(), "--npz");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals(3, r.out().lines().filter(l -> l.startsWith("wrote ")).count(), r.out());
    // The network file holds the classic network of N=8, A=4, built here independently.
    Network expected = ClassicConstruction.build("classic", ClassicConfig.of(8, 4)).network();
    Network written = NetworkFormat.read(out);
    assertEquals(expected.depth(), written.depth());
    assertEquals(expected.nonZeros(), written.nonZeros());
    assertTrue(Files.size(onnx) > 0);
    try (ZipFile npz = new ZipFile(dir.resolve("c.npz").toFile())) {
      String meta = new String(npz.getInputStream(npz.getEntry("meta.json")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(meta.contains("\"config\":{\"isa\":\"classic\",\"word\":8,\"memoryBits\":4}"),
          meta);
      assertTrue(npz.getEntry("layer7_data.npy") != null);
    }
  }

  /**
   * The dense profile ({@code --onnx-weights dense}) uses MatMul, Add and Relu only (no Gather,
   * which Marabou refuses), and the metadata names the ports a host drives.
   */
  @Test
  void denseClassicModelUsesMatMulAddReluAndNamesThePorts() throws Exception {
    Path onnx = dir.resolve("d.onnx");
    Cli.Result r = Cli.run("export", "--isa", "classic", "--construction", "classic-split",
        "--config", "6,3", "--onnx-weights", "dense", "--onnx", onnx.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(onnx));
    assertEquals(java.util.Set.of("MatMul", "Add", "Relu"), model.getGraph().getNodeList()
        .stream().map(n -> n.getOpType()).collect(java.util.stream.Collectors.toSet()));
    java.util.Map<String, String> meta = new java.util.HashMap<>();
    model.getMetadataPropsList().forEach(p -> meta.put(p.getKey(), p.getValue()));
    assertEquals("classic", meta.get("loopmlp.isa"));
    assertEquals("6", meta.get("loopmlp.classic.word_bits"));
    assertEquals("3", meta.get("loopmlp.classic.memory_bits"));
    assertEquals("pc.bit[0],pc.bit[1],pc.bit[2],pc.bit[3],pc.bit[4],pc.bit[5]",
        meta.get("loopmlp.classic.pc"));
    assertEquals("in.eof.bit[0]", meta.get("loopmlp.classic.in_eof"));
    assertEquals("executed.bit[0]", meta.get("loopmlp.classic.executed"));
    assertEquals(8, meta.get("loopmlp.classic.out_byte").split(",").length);
    java.util.List<String> directions = List.of(meta.get("loopmlp.directions").split("\n"));
    for (String key : List.of("pc", "in_byte", "in_eof", "in_taken", "out_byte", "out_valid",
        "executed", "pass_flags")) {
      for (String d : meta.get("loopmlp.classic." + key).split(",")) {
        assertTrue(directions.contains(d), key + ": " + d);
      }
    }
    assertTrue(directions.contains("mem[7].bit[5]"));
  }

  @Test
  void configNaAndWordMemoryBitsWriteTheSameFile() throws Exception {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    assertEquals(0, Cli.run("export", "--isa", "classic", "--config", "6,3", "--out",
        a.toString()).code());
    assertEquals(0, Cli.run("export", "--isa", "classic", "--word", "6", "--memory-bits", "3",
        "--out", b.toString()).code());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void anExistingFileIsReplacedOnlyWithForce() throws Exception {
    for (List<String> isa : List.of(List.of("--config", "4,2,2"),
        List.of("--isa", "classic", "--config", "4,2"))) {
      Path out = dir.resolve("net.txt");
      Files.writeString(out, "keep me");
      List<String> args = new java.util.ArrayList<>(List.of("export", "--out", out.toString()));
      args.addAll(isa);
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), r.err());
      assertEquals(List.of("loopmlp export: --out " + out + " exists; choose another name, or"
          + " add --force to replace it"), r.errLines());
      assertEquals("keep me", Files.readString(out));
      args.add("--force");
      assertEquals(ExitCodes.OK, Cli.run(args.toArray(String[]::new)).code());
      assertTrue(Files.readString(out).length() > 100);
      Files.delete(out);
    }
  }
}
