package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}, {@code check}, {@code stats}, {@code export}, {@code prove} with --isa classic. */
class ClassicCommandsTest {
  /** Prints "OK", clears a word and halts at pc -1. */
  private static final String PRINT_OK = "# prints OK\n12 -1 3 13 -1 6 14 14 -1\n0 0 0\n79 75 5\n";
  /** Echoes its input up to the end of input. */
  private static final String ECHO = "-1 15 3 16 15 -1 17 15 9 15 -1 12 18 18 0 0 -1 1 0\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void runJsonHasConfigOutputMemoryAndAgreement() throws IOException {
    Path f = write("ok.slq", PRINT_OK);
    Cli.Result r = Cli.run("run", f.toString(), "--isa", "classic", "--word", "8", "--json");
    assertEquals(0, r.code(), r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(r.out());
    assertEquals(Map.of("isa", "classic", "word", 8L, "memoryBits", 4L), o.get("config"));
    assertEquals("OK", o.get("output"));
    assertEquals(3L, o.get("steps"));
    assertEquals(true, o.get("halted"));
    assertEquals(-1L, o.get("pc"));
    assertEquals(true, o.get("agree"));
    assertEquals(16, ((List<?>) o.get("memory")).size());
    assertEquals(0L, ((List<?>) o.get("memory")).get(14));
  }

  @Test
  void runReadsItsInputFromTextOrFile() throws IOException {
    Path f = write("echo.slq", ECHO);
    Path in = write("in.txt", "abc");
    for (String[] input : List.of(new String[] {"--input", "abc"},
        new String[] {"--input-file", in.toString()})) {
      Cli.Result r = Cli.run("run", f.toString(), "--isa", "classic", "--word", "10",
          "--engine", "mlp", "--json", input[0], input[1]);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("\"output\":\"abc\""), r.out());
    }
  }

  @Test
  void aProgramThatDoesNotHaltStopsAtMaxSteps() throws IOException {
    Path f = write("loop.slq", "0 0 0\n");
    Cli.Result r = Cli.run("run", f.toString(), "--isa", "classic", "--word", "4",
        "--max-steps", "7", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"steps\":7,\"halted\":false"), r.out());
  }

  @Test
  void badInputIsOneLineWithFileLineAndColumn() throws IOException {
    Path f = write("ok.slq", PRINT_OK);
    Cli.Result tooWide = Cli.run("run", f.toString(), "--isa", "classic", "--word", "6");
    assertEquals(2, tooWide.code());
    assertEquals(List.of("loopmlp run: " + f + ":4:1: value 79 (word 12) does not fit in 6-bit"
        + " words [-32, 31]"), tooWide.errLines());
    Cli.Result tooLong = Cli.run("run", f.toString(), "--isa", "classic", "--memory-bits",
        "3");
    assertEquals(2, tooLong.code());
    assertTrue(tooLong.errLines().get(0).contains(f + ":2:23: the image has 15 words"),
        tooLong.err());
    Path bad = write("bad.slq", "1 2\n3 x4\n");
    Cli.Result token = Cli.run("run", bad.toString(), "--isa", "classic");
    assertEquals(List.of("loopmlp run: " + bad + ":2:3: expected an integer, found 'x4'"),
        token.errLines());
    Cli.Result missing = Cli.run("run", f.toString(), "--isa", "classic", "--input-file",
        dir.resolve("nope").toString());
    assertEquals(2, missing.code());
    assertEquals(1, missing.errLines().size(), missing.err());
  }

  @Test
  void checkStatsExportAndProve() {
    Cli.Result check = Cli.run("check", "--isa", "classic", "--tries", "20");
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("verdict: HOLDS"), check.out());
    assertTrue(check.out().contains("proved for all inputs (")
        && check.out().contains("independent checker: ACCEPTED"), check.out());
    Cli.Result stats = Cli.run("stats", "--isa", "classic", "--word", "8", "--memory-bits", "4");
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains("equal to the built network"), stats.out());
    Path out = dir.resolve("net.txt.gz");
    Cli.Result export = Cli.run("export", "--isa", "classic", "--word", "4", "--memory-bits",
        "2", "--out", out.toString());
    assertEquals(0, export.code(), export.err());
    assertTrue(Files.exists(out));
    Cli.Result prove = Cli.run("prove", "--isa", "classic", "--config", "4,3");
    assertEquals(0, prove.code(), prove.out() + prove.err());
    assertTrue(prove.out().contains("verdict: PROVED"), prove.out());
  }

  @Test
  void jsonOutputIsLatin1AndHexLossless() throws IOException {
    // Prints mem[3] = 200 (one byte, not UTF-8 on its own) and halts: needs N >= 9.
    Path f = write("byte.slq", "3 -1 -1 200\n");
    Cli.Result r = Cli.run("run", f.toString(), "--isa", "classic", "--word", "10", "--json");
    assertEquals(0, r.code(), r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(r.out());
    assertEquals("\u00c8", o.get("output"));
    assertEquals("c8", o.get("outputHex"));
  }

  @Test
  void everyClassicCommandDefaultsToWordSize8() throws IOException {
    Path f = write("ok.slq", PRINT_OK);
    Cli.Result run = Cli.run("run", f.toString(), "--isa", "classic", "--engine", "reference",
        "--json");
    assertTrue(run.out().contains("\"word\":8,"), run.out());
    Cli.Result stats = Cli.run("stats", "--isa", "classic");
    assertTrue(stats.out().startsWith("classic construction, N=8, 2^4 words"), stats.out());
    Path out = dir.resolve("n.txt");
    Cli.Result export = Cli.run("export", "--isa", "classic", "--out", out.toString());
    assertTrue(export.out().contains("classic 8,4,"), export.out());
  }

  @Test
  void anEmptyOrCommentOnlyImageIsRefused() throws IOException {
    Path empty = write("empty.slq", "");
    Cli.Result r = Cli.run("run", empty.toString(), "--isa", "classic");
    assertEquals(List.of("loopmlp run: " + empty + ":1:1: no words: the image is empty or only"
        + " comments; a program needs at least one word"), r.errLines());
    Path comments = write("comments.slq", "# nothing\n# here\n");
    r = Cli.run("trace", comments.toString(), "--isa", "classic");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("loopmlp trace: " + comments + ":3:1: no words"), r.err());
  }

  @Test
  void benchRunsAClassicProgramToItsHalt() throws IOException {
    Path f = write("ok.slq", PRINT_OK);
    Cli.Result r = Cli.run("bench", "--program", f.toString(), "--isa", "classic",
        "--seconds", "0.05", "--backends", "incremental,exact");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("halts after 3 steps, 2 bytes printed"), r.out());
    // The four classic constructions (classic, classic-split, classic-narrow,
    // classic-narrow-split) on both backends, each ending in the reference's state.
    assertEquals(8, r.out().lines().filter(l -> l.contains("3 passes in")
        && l.endsWith("halted in the reference machine's final state")).count(), r.out());
  }
}
