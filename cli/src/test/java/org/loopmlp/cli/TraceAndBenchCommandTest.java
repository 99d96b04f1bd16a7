package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceAndBenchCommandTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void traceShowsEveryLayerAndWritesAPng(@TempDir Path dir) throws Exception {
    Path file = RunCommandTest.write(dir, "countdown.sq", RunCommandTest.COUNTDOWN);
    Path png = dir.resolve("pass1.png");
    Cli.Result r = Cli.run("trace", file.toString(), "--pass", "1", "--png", png.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    // Pass 1 executes slot 1, "MTHREE Y": Y = 0 - (-3) = 3 > 0, so pc becomes 2.
    assertTrue(r.out().contains("mem: mem[4] = 3"), r.out());
    assertTrue(r.out().contains("pc: pc = 2"), r.out());
    assertTrue(r.out().contains("the reference machine agrees"), r.out());
    for (int layer = 0; layer < 13; layer++) {
      String prefix = layer + " ";
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(prefix)), "layer " + layer);
    }
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() > 300 && img.getHeight() > 300);
  }

  @Test
  void benchPrintsOneRowPerSize() {
    Cli.Result r = Cli.run("bench", "--sizes", "2,1,1", "3,1,2", "--seconds", "0.05");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| 2,1,1 ")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| 3,1,2 ")), r.out());
    assertTrue(r.out().contains("exact/bare"), r.out());
    assertTrue(r.out().contains("incr/floor"), r.out());
  }

  @Test
  void everyCommandHasHelpWithAnExample() {
    for (String command : new String[] {"check", "run", "stats", "trace", "export", "bench",
        "prove"}) {
      Cli.Result r = Cli.run(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Example"), command + " --help:\n" + r.out());
      assertTrue(r.out().contains("loopmlp " + command), command + " --help:\n" + r.out());
    }
  }
}
