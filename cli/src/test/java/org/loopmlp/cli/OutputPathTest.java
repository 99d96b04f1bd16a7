package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths that cannot be written: one line, exit 2, refused before any work, and nothing
 * on the process's own stderr (where a library could print a stack trace of its own).
 */
class OutputPathTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Runs the command while capturing {@link System#err}; returns what the process printed. */
  private static String processStderrDuring(Runnable r) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pngIntoAMissingDirectoryIsRefusedBeforeTheTrace(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    String png = dir.resolve("no/such/dir/x.png").toString();
    String stray = processStderrDuring(() -> {
      Cli.Result r = BadInputTest.assertUsageError("--png " + png
          + ": the directory", "trace", f.toString(), "--png", png);
      assertEquals("", r.out(), "nothing is traced before the path is refused");
    });
    assertEquals("", stray);
  }

  @Test
  void pngOntoADirectoryIsRefused(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    String stray = processStderrDuring(() -> BadInputTest.assertUsageError("it is a directory",
        "trace", f.toString(), "--png", dir.toString()));
    assertEquals("", stray);
  }

  @Test
  void writePngFailureIsOneUserErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path aFile = Files.writeString(dir.resolve("plain.txt"), "x");
    HeatMap map = HeatMap.of("t", List.of(new HeatMap.Column("input",
        List.of(new HeatMap.Block("mem", new double[] {0, 1})))));
    String stray = processStderrDuring(() -> {
      UserError e = assertThrows(UserError.class, () -> map.writePng(aFile.resolve("x.png")));
      assertTrue(e.getMessage().startsWith("cannot write " + aFile.resolve("x.png")),
          e.getMessage());
    });
    assertEquals("", stray);
  }

  @Test
  void npzIntoAMissingDirectoryIsRefusedBeforeTheNetworkIsWritten(@TempDir Path dir) {
    Path out = dir.resolve("net.txt");
    BadInputTest.assertUsageError("--npz", "export", "--config", "2,1,1", "--out",
        out.toString(), "--npz=" + dir.resolve("none/net.npz"));
    assertFalse(Files.exists(out), "no network file is left behind");
  }

  @Test
  void exportOntoADirectoryIsRefused(@TempDir Path dir) {
    BadInputTest.assertUsageError("it is a directory", "export", "--config", "2,1,1", "--out",
        dir.toString());
  }

  @Test
  void noRateIsClaimedForZeroSteps(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    Cli.Result r = Cli.run("run", f.toString(), "--max-steps", "0");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("stopped at --max-steps after 0 steps, pc 0 (checked mode)"),
        r.out());
    assertFalse(r.out().contains("per step"), r.out());
  }

  @Test
  void npzNeverOverwritesTheNetworkFile(@TempDir Path dir) {
    // --out net.npz with --npz puts the arrays "next to" the file: at the same path.
    Path out = dir.resolve("net.npz");
    BadInputTest.assertUsageError("over the network file", "export", "--config", "2,1,1",
        "--out", out.toString(), "--npz");
    Path txt = dir.resolve("a.txt");
    BadInputTest.assertUsageError("over the network file", "export", "--config", "2,1,1",
        "--out", txt.toString(), "--npz=" + dir.resolve("./a.txt"));
    assertFalse(Files.exists(out) || Files.exists(txt), "nothing is written");
  }
}
