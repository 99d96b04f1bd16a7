package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.isa.asm.ClassicAssembler;
import org.loopmlp.isa.asm.ClassicPrinter;
import org.loopmlp.isa.asm.ClassicProgram;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;

/**
 * {@code onnx/scripts/classic_host.py} runs example programs on models written by {@code export
 * --isa classic --onnx --onnx-type float16} (head on classic and classic-narrow, hello on
 * classic-split), evaluating them with
 * NumPy in float16 (rounding after every operation) in three summation orders, and every pass
 * equals the exact run: the trace it compares with is written here from the exact backend, and
 * the bytes it must print come from the reference machine. Without {@code /usr/bin/python3}
 * with onnx and numpy it prints one line saying so and passes.
 */
class ClassicOnnxScriptTest {
  private static final Path REPOSITORY = Path.of("..");
  /** The interpreter; {@code -Dloopmlp.python=PATH} for another (a missing one shows the skip). */
  private static final String PYTHON = System.getProperty("loopmlp.python", "/usr/bin/python3");

  @TempDir Path dir;

  @Test
  void everyPassInFloat16InThreeOrdersEqualsTheExactRun() throws Exception {
    if (!pythonWithOnnx()) {
      System.out.println("ClassicOnnxScriptTest: not run, needs " + PYTHON + " with onnx and"
          + " numpy (Debian: apt-get install python3-onnx python3-numpy)");
      return;
    }
    // head.sq reads its input through the ports; hello.sq prints 14 bytes from 2^6 words.
    check(ClassicConstruction.NAME, "head", "SUBLEQ\n".getBytes(StandardCharsets.US_ASCII));
    check(ClassicConstruction.SPLIT_NAME, "hello", new byte[0]);
    check(ClassicConstruction.NARROW_NAME, "head", "SUBLEQ\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** The same host loop in Java: ONNX Runtime passes, checked beside the reference machine. */
  @Test
  void runOnOnnxRuntimeFillsAndEmptiesThePorts() {
    for (List<String> run : List.of(List.of("classic-split", "onnx-float32"),
        List.of("classic-split", "onnx-float16"), List.of("classic-narrow", "onnx-float16"))) {
      String construction = run.get(0);
      String backend = run.get(1);
      Cli.Result r = Cli.run("run", REPOSITORY.resolve("examples/classic/head.sq").toString(),
          "--isa", "classic", "--construction", construction, "--backend", backend,
          "--input", "xyz!", "--json");
      assertEquals(ExitCodes.OK, r.code(), r.err());
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> j = (java.util.Map<String, Object>) MiniJson.parse(r.out());
      assertEquals("xyz", j.get("output"));
      assertEquals(backend, j.get("backend"));
      assertEquals(Boolean.TRUE, j.get("agree"));
      assertEquals(Boolean.TRUE, j.get("halted"));
      assertEquals(4L, ((Number) j.get("steps")).longValue());
    }
  }

  @Test
  void aWrongTraceIsReported() throws Exception {
    if (!pythonWithOnnx()) {
      return;
    }
    Path sq = REPOSITORY.resolve("examples/classic/countdown.sq");
    ClassicProgram program = ClassicAssembler.parse(Files.readString(sq), sq.toString());
    Path slq = Files.writeString(dir.resolve("countdown.slq"), ClassicPrinter.slq(program));
    Path model = dir.resolve("countdown.onnx");
    assertEquals(ExitCodes.OK, Cli.run("export", "--isa", "classic", "--config",
        "8," + program.config().memoryBits(), "--onnx-type", "float16", "--onnx",
        model.toString()).code());
    List<String> trace = trace(program, new byte[0]);
    // The exact run's pass 3 with another pc: the script must see the difference.
    String[] f = trace.get(3).split(" ");
    f[1] = Long.toString(Long.parseLong(f[1]) + 3);
    trace.set(3, String.join(" ", f));
    Path traceFile = Files.write(dir.resolve("bad.trace"), trace);
    Result r = python(model, slq, null, traceFile, null, "stored");
    assertEquals(1, r.code, r.err);
    assertTrue(r.err.contains("FAILED: pass 3:"), r.err);
  }

  private void check(String construction, String name, byte[] input) throws Exception {
    Path sq = REPOSITORY.resolve("examples/classic/" + name + ".sq");
    ClassicProgram program = ClassicAssembler.parse(Files.readString(sq), sq.toString());
    Path slq = Files.writeString(dir.resolve(name + ".slq"), ClassicPrinter.slq(program));
    Path in = Files.write(dir.resolve(name + ".input"), input);
    Path model = dir.resolve(construction + "-" + name + ".onnx");
    Cli.Result export = Cli.run("export", "--isa", "classic", "--construction", construction,
        "--config", program.config().wordBits() + "," + program.config().memoryBits(),
        "--onnx-type", "float16", "--onnx", model.toString());
    assertEquals(ExitCodes.OK, export.code(), export.err());
    Path traceFile = Files.write(dir.resolve(name + ".trace"), trace(program, input));
    // What the reference machine prints, independently of any network.
    ByteOutput.Collecting expected = ByteOutput.collecting();
    ClassicRunner.run(program.initialState(), ByteInput.of(input), expected, 10_000);
    Path expectedFile = Files.write(dir.resolve(name + ".expected"), expected.bytes());
    Result r = python(model, slq, in, traceFile, expectedFile, "stored,largest,random");
    assertEquals(0, r.code, construction + " " + name + ": " + r.err);
    assertEquals(3, r.err.lines().filter(l -> l.contains("every pass equal to the exact run"))
        .count(), r.err);
  }

  /** The exact run's trace, in the format classic_host.py reads (see its docstring). */
  private static List<String> trace(ClassicProgram program, byte[] input) throws Exception {
    return trace(program.config(), program.initialState(), input, 10_000);
  }

  /** The same, of {@code initial} with {@code input}, at most {@code maxSteps} steps. */
  static List<String> trace(ClassicConfig config, ClassicState initial, byte[] input,
      long maxSteps) throws Exception {
    ClassicConstruction c = ClassicConstruction.build(ClassicConstruction.NAME, config);
    List<String> lines = new ArrayList<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    ClassicLoopedMlp.of(c, ExactBackend.INSTANCE).run(initial,
        ByteInput.of(input), b -> { }, maxSteps, (long pass, ClassicState before, ClassicPassOutput out) -> {
          if (!out.executed()) {
            lines.add("halt " + pass);
            return;
          }
          StringJoiner words = new StringJoiner(",");
          for (long w : out.state().memory()) {
            words.add(Long.toString(w));
          }
          String hash = HexFormat.of().formatHex(sha.digest(words.toString()
              .getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
          lines.add(pass + " " + out.state().pc() + " " + (out.taken() ? 1 : 0) + " "
              + out.output() + " " + hash);
        });
    return lines;
  }

  record Result(int code, String err) {}

  static Result python(Path model, Path slq, Path input, Path trace, Path expected,
      String orders) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(PYTHON,
        REPOSITORY.resolve("onnx/scripts/classic_host.py").toString(), model.toString(),
        slq.toString(), "--orders", orders, "--seed", "7", "--trace", trace.toString()));
    if (input != null) {
      cmd.addAll(List.of("--input-file", input.toString()));
    }
    if (expected != null) {
      cmd.addAll(List.of("--expected", expected.toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "classic_host.py did not finish");
    return new Result(p.exitValue(), out);
  }

  private static boolean pythonWithOnnx() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import onnx, numpy")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
