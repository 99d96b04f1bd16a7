package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files: exit 2 and one line on stderr, no stack trace. */
class FileInputTest {
  @Test
  void missingFile(@TempDir Path dir) {
    String f = dir.resolve("nosuch.sq").toString();
    BadInputTest.assertUsageError("nosuch.sq: no such file", "run", f);
    BadInputTest.assertUsageError("nosuch.sq: no such file", "trace", f);
  }

  @Test
  void aDirectoryIsNotAProgram(@TempDir Path dir) {
    BadInputTest.assertUsageError("is a directory", "run", dir.toString());
  }

  @Test
  void unreadableBytesAreNotAProgram(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("binary.sq");
    Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
    BadInputTest.assertUsageError("cannot read " + f + ": not UTF-8 text", "run", f.toString());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheProgram(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bom.sq");
    Files.write(f, ("\uFEFF; saved by an editor that writes a BOM\n"
        + RunCommandTest.COUNTDOWN).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("run", f.toString(), "--engine", "reference", "--json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    // COUNTDOWN ends with Y = 5 * 3 (address 4).
    assertEquals(15L, ((Number) ((java.util.List<?>) RunCommandTest.json(r).get("memory"))
        .get(4)).longValue());
  }

  @Test
  void aByteOrderMarkDoesNotShiftColumns(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bom-bad.sq");
    Files.write(f, ("\uFEFF.config word=8 data=2 code=2\n.data\nZ: 0\n.code\nZ NOPE\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    BadInputTest.assertUsageError(f + ":5:3: unknown label 'NOPE'", "run", f.toString());
  }

  @Test
  void permissionDeniedIsReportedAsSuch() {
    assertEquals("permission denied", Inputs.reason(new AccessDeniedException("x.sq")));
    assertTrue(Inputs.cannotRead(Path.of("x.sq"), new AccessDeniedException("x.sq"))
        .getMessage().equals("cannot read x.sq: permission denied"));
  }

  @Test
  void malformedProgramNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "bad.sq", String.join("\n",
        ".config word=8 data=2 code=2",
        ".data",
        "Z: 0",
        ".code",
        "   Z NOPE",
        ""));
    Cli.Result r = BadInputTest.assertUsageError(f + ":5:", "run", f.toString());
    assertTrue(r.err().contains("NOPE"), r.err());
  }

  @Test
  void valueThatDoesNotFitTheWord(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "big.sq", String.join("\n",
        ".config word=4 data=2 code=2",
        ".data",
        "Z: 0",
        "X: 100",
        ".code",
        "   Z Z .",
        ""));
    BadInputTest.assertUsageError(f + ":4:", "run", f.toString());
  }

  @Test
  void configOutOfRangeInAProgram(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "wide.sq", String.join("\n",
        ".config word=99 data=2 code=2",
        ".code",
        "   0 0 .",
        ""));
    BadInputTest.assertUsageError(f + ":1:", "run", f.toString());
  }

  @Test
  void aProgramTooLargeForTheHeapIsRefusedBeforeBuilding(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "huge.sq", String.join("\n",
        ".config word=32 data=20 code=12",
        ".data",
        "Z: 0",
        ".code",
        "   Z Z .",
        ""));
    BadInputTest.assertUsageError("of heap is available", "run", f.toString());
    BadInputTest.assertUsageError("of heap is available", "trace", f.toString());
  }

  @Test
  void exportIntoAMissingDirectory(@TempDir Path dir) {
    BadInputTest.assertUsageError("does not exist", "export", "--config", "2,1,1", "--out",
        dir.resolve("no/such/dir/net.txt").toString());
  }

  @Test
  void exportNeedsItsOptions() {
    BadInputTest.assertUsageError("--out", "export", "--config", "2,1,1");
  }

  @Test
  void negativeStepLimit(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    BadInputTest.assertUsageError("--max-steps must be >= 0", "run", f.toString(),
        "--max-steps", "-1");
  }

  @Test
  void unknownEngine(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    BadInputTest.assertUsageError("--engine", "run", f.toString(), "--engine", "gpu");
  }
}
