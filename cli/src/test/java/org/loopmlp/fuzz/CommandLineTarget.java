package org.loopmlp.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.loopmlp.cli.LoopMlp;
import org.loopmlp.cli.MiniJson;
import picocli.CommandLine;

/**
 * The command line as a parser: {@code loopmlp run PROGRAM} followed by mutated option text
 * (numbers, engine and backend names, {@code --json}), executed in process. Whatever the options,
 * the exit code is 0, 1 or 2; a usage error is exactly one line on stderr without a stack trace;
 * and with {@code --json} a successful run prints exactly one JSON object.
 */
final class CommandLineTarget {
  private CommandLineTarget() {}

  static FuzzTarget run(Path program) {
    List<byte[]> seeds = Stream.of(
            "--engine reference --max-steps 100 --json",
            "--engine=reference --max-steps=0",
            "--max-steps 7 --engine reference --json --construction compact",
            "--engine reference --backend float32 --max-steps 2147483647 --json")
        .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    return FuzzTarget.of("run-options", seeds, FuzzTargets.NoError.class,
        in -> check(execute(program, new String(in, StandardCharsets.UTF_8))));
  }

  private record Outcome(String[] args, int code, String out, String err) {}

  private static Outcome execute(Path program, String options) {
    List<String> args = new ArrayList<>(List.of("run", program.toString()));
    for (String a : options.split("[ \\n]+")) {
      // The network engine builds a network per run; the fuzz is about option parsing, so only
      // the reference machine runs (a mutation that asks for another engine is turned back).
      if (!a.isEmpty()) {
        args.add(a.replace("both", "reference").replace("mlp", "reference"));
      }
    }
    if (!args.contains("--engine") && args.stream().noneMatch(a -> a.startsWith("--engine="))) {
      args.add("--engine=reference");
    }
    CommandLine cl = LoopMlp.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] a = args.toArray(String[]::new);
    return new Outcome(a, cl.execute(a), out.toString(), err.toString());
  }

  private static void check(Outcome o) {
    String where = " for " + String.join(" ", o.args()) + "\nstdout: " + o.out() + "\nstderr: "
        + o.err();
    if (o.code() != 0 && o.code() != 1 && o.code() != 2) {
      throw new AssertionError("exit code " + o.code() + where);
    }
    List<String> errLines = o.err().lines().filter(l -> !l.isBlank()).toList();
    if (o.code() == 2 && (errLines.size() != 1 || o.err().contains("\tat "))) {
      throw new AssertionError("a usage error must be one line on stderr" + where);
    }
    boolean json = Stream.of(o.args()).anyMatch(a -> a.equals("--json"));
    if (o.code() != 2 && json && !o.out().isBlank()) {
      try {
        MiniJson.parse(o.out());
      } catch (RuntimeException e) {
        throw new AssertionError("--json printed something that is not one JSON value (" + e
            + ")" + where);
      }
    }
  }
}
