package org.loopmlp.smt;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A solver binary that reads SMT-LIB 2 on its standard input (cvc5, the z3 binary, or any path):
 * the script with {@code :produce-models} and a {@code get-value} of the inputs after {@code
 * check-sat}; the first output line is the verdict.
 */
public final class ExternalSolver implements SmtSolver {
  private static final Pattern VALUE =
      Pattern.compile("\\(\\s*\\|([^|]*)\\|\\s+(\\(\\s*-\\s*\\d+\\s*\\)|-?\\d+|#b[01]+)\\s*\\)");

  private final String name;
  private final Path binary;

  private ExternalSolver(String name, Path binary) {
    this.name = name;
    this.binary = binary;
  }

  /** {@code cvc5} (or any bare name) from the PATH, or a path to a binary. */
  public static ExternalSolver of(String nameOrPath) {
    Optional<Path> p = nameOrPath.contains("/") ? Optional.of(Path.of(nameOrPath))
        : onPath(nameOrPath);
    if (p.isEmpty() || !Files.isExecutable(p.get())) {
      throw new IllegalArgumentException("solver " + nameOrPath + " is not installed (not an"
          + " executable" + (nameOrPath.contains("/") ? ")" : " on the PATH)"));
    }
    return new ExternalSolver(nameOrPath, p.get());
  }

  /** The binary {@code name} on the PATH, if any. */
  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return name;
  }

  private List<String> command(Duration timeout) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    String base = binary.getFileName().toString();
    if (base.contains("cvc5")) {
      cmd.add("--lang=smt2");
      cmd.add("--incremental");
      cmd.add("--tlimit-per=" + timeout.toMillis());
    } else if (base.contains("z3")) {
      cmd.add("-in");
      cmd.add("-smt2");
      cmd.add("-t:" + timeout.toMillis());
    }
    return cmd;
  }

  /** One goal's script as sent: models on, and the inputs' values asked for after check-sat. */
  static String withModel(Script script, int goal) {
    StringBuilder ask = new StringBuilder("(get-value (");
    for (String d : script.inputs()) {
      ask.append(Smt.sym(d)).append(' ');
    }
    ask.append("))\n");
    return "(set-option :produce-models true)\n" + script.single(goal) + ask + "(exit)\n";
  }

  /**
   * Runs every goal in one process (push/pop); the first answer that is not {@code unsat}
   * decides, and a {@code sat} goal is run again alone for the model.
   */
  @Override
  public SolverResult check(Script script, Duration timeout) {
    long start = System.nanoTime();
    Run all = run(script.text(), timeout.multipliedBy(script.goals().size()), timeout);
    List<String> answers = all.text().lines().map(String::strip)
        .filter(l -> !l.isEmpty()).toList();
    for (int g = 0; g < script.goals().size(); g++) {
      String a = g < answers.size() ? answers.get(g) : all.finished() ? "" : "timeout";
      if (a.equals("unsat")) {
        continue;
      }
      String goal = "goal " + script.goals().get(g).name();
      if (a.equals("sat")) {
        Run one = run(withModel(script, g), timeout, timeout);
        long millis = (System.nanoTime() - start) / 1_000_000;
        ImmutableMap.Builder<String, Long> values = ImmutableMap.builder();
        Matcher m = VALUE.matcher(one.text());
        while (m.find()) {
          String v = m.group(2);
          values.put(m.group(1), v.startsWith("#b") ? Long.parseLong(v.substring(2), 2)
              : Long.parseLong(v.replaceAll("[()\\s]", "")));
        }
        return new SolverResult(SolverResult.Verdict.SAT, millis,
            Optional.of(values.buildKeepingLast()), goal);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      SolverResult.Verdict v = a.equals("timeout") || a.contains("interrupted")
          || (a.equals("unknown") && !all.finished()) ? SolverResult.Verdict.TIMEOUT
          : a.equals("unknown") ? SolverResult.Verdict.UNKNOWN : SolverResult.Verdict.ERROR;
      return new SolverResult(v, millis, Optional.empty(),
          goal + ": " + (a.length() > 200 ? a.substring(0, 200) : a));
    }
    return SolverResult.of(SolverResult.Verdict.UNSAT, (System.nanoTime() - start) / 1_000_000);
  }

  private record Run(String text, boolean finished) {}

  private Run run(String script, Duration total, Duration perQuery) {
    Path in = null;
    Path out = null;
    try {
      in = Files.createTempFile("loopmlp-smt", ".smt2");
      out = Files.createTempFile("loopmlp-smt", ".out");
      Files.writeString(in, script, StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(command(perQuery)).redirectInput(in.toFile())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      boolean done = p.waitFor(total.toMillis() + 10_000, TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly();
        p.waitFor();
      }
      return new Run(Files.readString(out, StandardCharsets.UTF_8), done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Run("interrupted", false);
    } finally {
      try {
        if (in != null) {
          Files.deleteIfExists(in);
        }
        if (out != null) {
          Files.deleteIfExists(out);
        }
      } catch (IOException e) {
        // temporary files: nothing to do
      }
    }
  }
}
