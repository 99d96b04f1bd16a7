package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.onnx.proto.OnnxProto.ModelProto;
import org.loopmlp.onnx.proto.OnnxProto.StringStringEntryProto;

/** {@code loopmlp export --onnx}, the ONNX backends on the command line, and their bad inputs. */
class OnnxExportCommandTest {
  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void writesAModelInEachElementType(@TempDir Path dir) throws Exception {
    for (String type : List.of("float32", "float16")) {
      Path f = dir.resolve("net-" + type + ".onnx");
      Cli.Result r = Cli.run("export", "--config", "4,2,2", "--onnx", f.toString(),
          "--onnx-type", type);
      assertEquals(ExitCodes.OK, r.code(), r.err());
      assertTrue(r.out().contains("ONNX opset 17, " + type), r.out());
      ModelProto m = ModelProto.parseFrom(Files.readAllBytes(f));
      List<String> keys = m.getMetadataPropsList().stream().map(StringStringEntryProto::getKey)
          .toList();
      assertTrue(keys.containsAll(List.of("loopmlp.directions", "loopmlp.construction",
          "loopmlp.config")), keys.toString());
    }
    assertEquals(2, filesIn(dir).size(), "no temporary files: " + filesIn(dir));
  }

  @Test
  void anUnwritablePathIsOneLine(@TempDir Path dir) throws IOException {
    BadInputTest.assertUsageError("does not exist", "export", "--config", "2,1,1", "--onnx",
        dir.resolve("none/net.onnx").toString());
    BadInputTest.assertUsageError("it is a directory", "export", "--config", "2,1,1", "--onnx",
        dir.toString());
    assertTrue(filesIn(dir).isEmpty());
  }

  @Test
  void aSizeTooLargeForADenseExportIsOneLineAndWritesNothing(@TempDir Path dir)
      throws IOException {
    BadInputTest.assertUsageError("dense export", "export", "--config", "16,8,8", "--onnx",
        dir.resolve("big.onnx").toString(), "--onnx-weights", "dense");
    assertTrue(filesIn(dir).isEmpty(), filesIn(dir).toString());
  }

  @Test
  void aModelOnnxRuntimeRefusesIsOneLineAndWritesNothing(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.onnx");
    UserError e = assertThrows(UserError.class,
        () -> NetworkExport.acceptedByOnnxRuntime(new byte[] {8, 8, 0x12, 1}, f));
    assertTrue(e.getMessage().startsWith("not writing " + f + ": ONNX Runtime refuses"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(Files.exists(f));
  }

  @Test
  void badOnnxOptionsAreOneLine(@TempDir Path dir) {
    String f = dir.resolve("n.onnx").toString();
    BadInputTest.assertUsageError("float32 or float16", "export", "--config", "2,1,1",
        "--onnx", f, "--onnx-type", "bfloat16");
    BadInputTest.assertUsageError("auto, dense or gathered", "export", "--config", "2,1,1",
        "--onnx", f, "--onnx-weights", "sparse");
    BadInputTest.assertUsageError("--out", "export", "--config", "2,1,1");
  }

  @Test
  void theOnnxBackendsRunTheCheckCampaign() {
    Cli.Result r = Cli.run("check", "--config", "6,2,2", "--backend", "onnx-float16",
        "--tries", "40");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("backend onnx-float16"), r.out());
    BadInputTest.assertUsageError("onnx-float32", "check", "--backend", "onnx-float64");
  }

  @Test
  void float16BreaksThePaperConstructionFromN11() {
    // verify's floating-point.properties: float16 first fails at N = 11; at N = 16 a pass also
    // overflows to infinity, which the campaign reports and shrinks like any disagreement.
    Cli.Result r = Cli.run("check", "--config", "16,1,1", "--backend", "float16", "--tries",
        "100");
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("config\\s+N=(\\d+),")
        .matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Integer.parseInt(m.group(1)) >= 11, r.out());
  }
}
