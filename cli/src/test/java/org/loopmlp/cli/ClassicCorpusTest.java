package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loopmlp run-corpus --isa classic} (behind {@code scripts/run-corpus}) on a corpus folder made here: a
 * program that prints "OK" and one that echoes its input, through both classic constructions on
 * the incremental backend; and the same folder with a wrong expected output.
 */
class ClassicCorpusTest {
  @TempDir Path dir;

  /** Prints "OK" from two data words and halts (pc -1 after the third instruction). */
  private static final String PRINT_OK = "# prints OK\n12 -1 3 13 -1 6 14 14 -1 0 0 0 79 75 5\n";

  /** Echoes its input until end of input (N >= 9 for bytes above 127). */
  private static final String ECHO =
      "-1 15 3 16 15 -1 17 15 9 15 -1 12 18 18 0 0 -1 1 0\n";

  private void corpus(String okExpected) throws Exception {
    Files.writeString(dir.resolve("MANIFEST.md"), "| program | N | A | steps | input |\n"
        + "|---|---|---|---|---|\n| print_ok | 8 | 4 | 3 | — |\n| echo | 10 | 5 | 17 | yes |\n");
    Files.writeString(dir.resolve("print_ok.slq"), PRINT_OK);
    Files.writeString(dir.resolve("print_ok.expected"), okExpected);
    Files.writeString(dir.resolve("echo.slq"), ECHO);
    Files.writeString(dir.resolve("echo.input"), "hi!");
    Files.writeString(dir.resolve("echo.expected"), "hi!");
  }

  /** {@code run-corpus DIR --isa classic EXTRA...}. */
  private Cli.Result runCorpus(String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "run-corpus";
    args[1] = dir.toString();
    args[2] = "--isa";
    args[3] = "classic";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return Cli.run(args);
  }

  private int run(ByteArrayOutputStream out, String... extra) throws Exception {
    Cli.Result r = runCorpus(extra);
    out.write(r.out().getBytes(StandardCharsets.UTF_8));
    return r.code();
  }

  @Test
  void everyProgramPrintsItsExpectedBytesAndAgreesAtEveryStep() throws Exception {
    corpus("OK");
    for (String construction : new String[] {"classic", "classic-split"}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(ExitCodes.OK, run(out, "--backend", "incremental", "--construction",
          construction), out::toString);
      String table = out.toString(StandardCharsets.UTF_8);
      assertTrue(table.contains(construction + " network (incremental backend"), table);
      for (String program : new String[] {"print_ok", "echo"}) {
        String row = table.lines().filter(l -> l.startsWith(program + " ")).findFirst()
            .orElseThrow();
        assertTrue(row.contains(" identical ") && row.contains(" yes ")
            && row.contains(" halted "), row);
      }
      // Steps: print_ok prints, prints, clears and halts (3); echo loops 5 instructions a
      // byte and takes 2 more at end of input (3 * 5 + 2 = 17).
      assertTrue(table.lines().anyMatch(l -> l.matches("print_ok\\s+8\\s+4\\s+3\\s.*")), table);
      assertTrue(table.lines().anyMatch(l -> l.matches("echo\\s+10\\s+5\\s+17\\s.*")), table);
    }
  }

  @Test
  void aWrongExpectedOutputIsReportedAndExitsOne() throws Exception {
    corpus("KO");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(ExitCodes.FOUND, run(out, "--construction", "classic-split", "--backend",
        "incremental"), out::toString);
    String row = out.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("print_ok ")).findFirst().orElseThrow();
    assertTrue(row.contains(" DIFFERS "), row);
  }

  @Test
  void anUnknownConstructionIsAUsageError() throws Exception {
    corpus("OK");
    assertEquals(ExitCodes.USAGE, run(new ByteArrayOutputStream(), "--construction", "paper"));
  }

  /** Exit 2, one line on stderr containing {@code expected}, nothing on stdout. */
  private void refused(String expected, String... extra) throws Exception {
    Cli.Result r = runCorpus(extra);
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void badOptionValuesAreOneLine() throws Exception {
    corpus("OK");
    refused("unknown backend 'bogus'", "--backend", "bogus");
    refused("Invalid value for option '--seconds': 'x' is not a double", "--seconds", "x");
    refused("Invalid value for option '--max-words': 'x' is not a long", "--max-words", "x");
    refused("--seconds must be a number of seconds > 0, was -5.0", "--seconds", "-5");
    refused("--max-words must be >= 1, was -1", "--max-words", "-1");
    refused("--only nosuch: no program nosuch in " + dir.resolve("MANIFEST.md")
        + " (it lists print_ok, echo)", "--only", "nosuch");
  }

  @Test
  void helpExitsZeroAndNamesTheCommand() {
    Cli.Result r = Cli.run("run-corpus", "--help");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("Usage: loopmlp run-corpus [-hV]"), r.out());
    assertFalse(r.out().contains("ClassicCorpus"), r.out());
  }

  @Test
  void onlyRunsTheNamedPrograms() throws Exception {
    corpus("OK");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(ExitCodes.OK, run(out, "--only", "print_ok", "--backend", "incremental"));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("print_ok ")), table);
    assertFalse(table.lines().anyMatch(l -> l.startsWith("echo ")), table);
  }
}
