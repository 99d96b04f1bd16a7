package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --isa} is one option on every command, and an option that does not apply to the chosen
 * machine or mode is refused in one line (exit 2), never silently ignored.
 */
class IsaOptionTest {
  private static final String PRINT_OK = "12 -1 3 13 -1 6 14 14 -1 0 0 0 79 75 5\n";

  @TempDir Path dir;

  /** Exit 2 and exactly one line on stderr, which contains {@code expected}. */
  private static void refused(String expected, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains(expected), String.join(" ", args) + ": " + r.err());
    assertEquals("", r.out(), r.out());
  }

  private Path sq() throws Exception {
    return RunCommandTest.write(dir, "countdown.sq", RunCommandTest.COUNTDOWN);
  }

  private Path slq() throws Exception {
    return RunCommandTest.write(dir, "ok.slq", PRINT_OK);
  }

  @Test
  void classicOptionsAreRefusedOnThePaperMachine() throws Exception {
    String f = sq().toString();
    refused("--word applies to --isa classic only", "run", f, "--word", "8");
    refused("--input applies to --isa classic only", "run", f, "--input", "hi");
    refused("--input-file applies to --isa classic only", "run", f, "--input-file", f);
    refused("--memory-bits applies to --isa classic only", "trace", f, "--memory-bits", "4");
    refused("--word applies to --isa classic only", "check", "--word", "8");
    refused("--memory-bits applies to --isa classic only", "export", "--config", "4,2,2",
        "--memory-bits", "4", "--out", dir.resolve("n.txt").toString());
    refused("--memory-bits applies to --isa classic only", "stats", "--memory-bits", "4");
    refused("--input applies to --isa classic only", "bench", "--program", f, "--input", "x");
  }

  @Test
  void paperOptionsAreRefusedOnTheClassicMachine() throws Exception {
    String f = slq().toString();
    refused("--png applies to --isa subleq only", "trace", f, "--isa", "classic", "--png",
        dir.resolve("t.png").toString());
    refused("--data applies to --isa subleq only", "stats", "--isa", "classic", "--data", "4");
    refused("with --isa classic, --precision-table expects A (memory address bits 2..12), got"
        + " '6,6'", "prove", "--isa", "classic", "--precision-table", "6,6");
    refused("--sizes applies to --isa subleq only", "bench", "--isa", "classic", "--sizes",
        "4,2,2");
    refused("give --program FILE.slq", "bench", "--isa", "classic");
    refused("give --config N,A or --word and --memory-bits, not both", "export", "--isa",
        "classic", "--config", "8,4", "--word", "8", "--out", dir.resolve("n.txt").toString());
  }

  @Test
  void optionsOfAnotherModeAreRefused() throws Exception {
    String f = sq().toString();
    refused("--onnx-type applies to the ONNX model: give --onnx FILE too", "export",
        "--config", "4,2,2", "--out", dir.resolve("n.txt").toString(), "--onnx-type",
        "float16");
    refused("--onnx-weights applies to the ONNX model", "export", "--config", "4,2,2", "--out",
        dir.resolve("n.txt").toString(), "--onnx-weights", "dense");
    refused("--backend does not apply to --engine reference", "run", f, "--engine",
        "reference", "--backend", "float32");
    refused("--config does not apply to --precision-table", "prove", "--precision-table",
        "2,2", "--config", "4,2,2");
    refused("--force replaces the proof in --out DIR", "prove", "--config", "4,2,2", "--force");
    refused("--max-steps applies to --program only", "bench", "--sizes", "4,2,2",
        "--max-steps", "5");
    assertFalse(Files.exists(dir.resolve("n.txt")));
  }

  @Test
  void aClassicProgramWithoutIsaClassicSaysToAddIt() throws Exception {
    String f = slq().toString();
    for (List<String> args : List.of(List.of("run", f), List.of("trace", f),
        List.of("bench", "--program", f))) {
      refused(f + " is a classic program (.slq): add --isa classic",
          args.toArray(String[]::new));
    }
    Path sq = RunCommandTest.write(dir, "c.sq", ".config isa=classic word=8\n");
    Cli.Result r = Cli.run("run", sq.toString());
    assertEquals(List.of("loopmlp run: " + sq + ":1:9: isa=classic: a classic program; add"
        + " --isa classic"), r.errLines());
    refused("a corpus holds classic programs (.slq): add --isa classic", "run-corpus",
        dir.toString());
  }

  @Test
  void anUnknownIsaIsTheSameLineOnEveryCommand() throws Exception {
    String f = sq().toString();
    for (List<String> args : List.of(List.of("run", f), List.of("trace", f), List.of("check"),
        List.of("prove"), List.of("stats"), List.of("export"), List.of("bench"),
        List.of("run-corpus", dir.toString()))) {
      String[] a = new String[args.size() + 2];
      args.toArray(a);
      a[args.size()] = "--isa";
      a[args.size() + 1] = "z80";
      refused("Invalid value for option '--isa': expected one of [subleq, classic], was 'z80'",
          a);
    }
  }
}
