package org.loopmlp.distributed;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code matrix}: the regression matrix a change to a construction needs, every cell a Spark task.
 * Every program of a corpus folder through each classic construction on each backend, in lockstep
 * with the reference machine (output identical, agrees at every step, passes/s), and each
 * paper-machine construction proved at each size of a ladder with its certificate re-checked
 * (proved, checker accepted, times). One table, the same rows as JSON with {@code --json FILE},
 * and exit 1 when any cell fails.
 *
 * <p>The corpus folder is the format of {@code run-corpus}: a {@code MANIFEST.md} table {@code |
 * program | N | A | steps | input |} and per program {@code NAME.slq}, {@code NAME.expected},
 * and {@code NAME.input} when it reads input.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
    description = "Corpus programs x classic constructions x backends, and paper constructions"
        + " x sizes proved and checked; one table (+ --json FILE); exit 1 when a cell fails.")
final class MatrixJob implements Callable<Integer> {
  private static final Pattern ROW = Pattern.compile(
      "^\\|\\s*([A-Za-z0-9_]+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*([0-9,]*)[^|]*\\|.*");

  @Spec CommandSpec spec;

  @Mixin SparkOptions spark;

  @Option(names = "--corpus", paramLabel = "DIR", description = "A corpus folder (MANIFEST.md"
      + " and NAME.slq, NAME.expected, NAME.input).")
  Path corpus;

  @Option(names = "--max-words", paramLabel = "W", description = "Leaves out programs whose"
      + " memory has more than W words (default 8192 = 2^13).")
  long maxWords = 1L << 13;

  @Option(names = "--constructions", split = ",", paramLabel = "NAME", description = "Classic"
      + " constructions (default classic,classic-split).")
  List<String> constructions = List.of(ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME);

  @Option(names = "--backends", split = ",", paramLabel = "NAME",
      description = "Backends (default exact,incremental).")
  List<String> backends = List.of("exact", "incremental");

  @Option(names = "--seconds", paramLabel = "S", description = "At most S seconds per run on"
      + " one backend (default 120); a run stopped there reports the steps it agreed for.")
  double seconds = 120;

  @Option(names = "--prove", split = ",", paramLabel = "NAME", description = "Paper-machine"
      + " constructions to prove (default paper,compact,onehot,onehot-split,narrow; none for no"
      + " proofs).")
  List<String> prove = List.of("paper", "compact", "onehot", "onehot-split", "narrow");

  @Option(names = "--sizes", split = ";", paramLabel = "N,A,C", description = "The ladder of"
      + " sizes (default 8,6,6;16,10,10;32,10,10).")
  List<String> sizes = List.of("8,6,6", "16,10,10", "32,10,10");

  @Option(names = "--json", paramLabel = "FILE", description = "Also writes the rows as JSON.")
  Path json;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    List<MatrixCell> cells = cells();
    if (cells.isEmpty()) {
      throw UserError.because("nothing to run: give --corpus DIR and/or --prove NAMES");
    }
    long t0 = System.nanoTime();
    JavaSparkContext sc = spark.start("loopmlp matrix");
    List<MatrixCell.Row> rows;
    String where;
    double wall;
    try {
      where = sc.master() + ", " + sc.defaultParallelism() + " cores";
      long t1 = System.nanoTime();
      rows = run(sc, cells);
      wall = (System.nanoTime() - t1) / 1e9;
    } finally {
      sc.stop();
    }
    return finish(o, rows, where, wall);
  }

  /** Prints the table, writes the JSON when asked; the exit code (1 when a cell failed). */
  int finish(PrintWriter o, List<MatrixCell.Row> rows, String where, double wall) {
    long failed = rows.stream().filter(r -> !r.ok()).count();
    print(o, rows, where, wall, failed);
    if (json != null) {
      writeJson(rows, where, wall, failed);
    }
    return failed == 0 ? Main.OK : Main.FOUND;
  }

  /** Every cell's rows, in the cells' order; the longest cells are started first. */
  static List<MatrixCell.Row> run(JavaSparkContext sc, List<MatrixCell> cells) {
    List<MatrixCell> byCost = new ArrayList<>(cells);
    byCost.sort(MatrixCell.longestFirst());
    List<MatrixCell.Row> rows = new ArrayList<>(sc.parallelize(byCost, byCost.size())
        .flatMap(c -> c.execute().iterator()).collect());
    rows.sort(Comparator.comparingInt(MatrixCell.Row::order));
    return rows;
  }

  List<MatrixCell> cells() {
    for (String b : backends) {
      try {
        Backends.named(b);
      } catch (IllegalArgumentException e) {
        throw UserError.because("--backends %s: %s", b, e.getMessage());
      }
    }
    for (String c : constructions) {
      if (!List.of(ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME).contains(c)) {
        throw UserError.because("--constructions %s: expected classic or classic-split", c);
      }
    }
    List<MatrixCell> cells = new ArrayList<>();
    if (corpus != null) {
      for (String[] e : entries()) {
        String name = e[0];
        int n = Integer.parseInt(e[1]);
        int a = Integer.parseInt(e[2]);
        long steps = e[3].isEmpty() ? 0 : Long.parseLong(e[3].replace(",", ""));
        try {
          ClassicConfig.of(n, a);
        } catch (IllegalArgumentException x) {
          throw UserError.because("%s: program %s: N=%d, A=%d: %s",
              corpus.resolve("MANIFEST.md"), name, n, a, x.getMessage());
        }
        if ((1L << a) > maxWords) {
          continue;
        }
        String slq = read(corpus.resolve(name + ".slq"), false);
        byte[] input = bytes(corpus.resolve(name + ".input"), true);
        byte[] expected = bytes(corpus.resolve(name + ".expected"), false);
        for (String c : constructions) {
          cells.add(MatrixCell.run(cells.size(), name, n, a, c, backends, slq, input, expected,
              seconds, steps));
        }
      }
    }
    if (!(prove.size() == 1 && prove.get(0).equals("none"))) {
      for (String p : prove) {
        if (!Constructions.names().contains(p)) {
          throw UserError.because("--prove %s: expected none or some of %s", p,
              Constructions.names());
        }
      }
      for (String s : sizes) {
        int[] v;
        try {
          v = Arrays.stream(s.split(",", -1)).map(String::strip).mapToInt(Integer::parseInt)
              .toArray();
          if (v.length != 3) {
            throw new NumberFormatException();
          }
          MachineConfig.of(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
          throw UserError.because("--sizes: '%s' is not a size N,A,C", s);
        }
        for (String p : prove) {
          if (Constructions.supports(p, MachineConfig.of(v[0], v[1], v[2]))) {
            cells.add(MatrixCell.prove(cells.size(), p, v[0], v[1], v[2]));
          }
        }
      }
    }
    return cells;
  }

  /** The manifest's rows naming a program of the folder: name, N, A, steps. */
  private List<String[]> entries() {
    Path manifest = corpus.resolve("MANIFEST.md");
    if (!Files.isDirectory(corpus)) {
      throw UserError.because("%s: no such directory (expected a corpus folder with"
          + " MANIFEST.md)", corpus);
    }
    List<String[]> out = new ArrayList<>();
    for (String line : read(manifest, false).split("\\R")) {
      Matcher m = ROW.matcher(line);
      if (m.matches() && Files.exists(corpus.resolve(m.group(1) + ".slq"))) {
        out.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
      }
    }
    if (out.isEmpty()) {
      throw UserError.because("%s: no table row '| program | N | A | steps | ...' names a"
          + " program NAME.slq of the folder", manifest);
    }
    return out;
  }

  private static String read(Path file, boolean optional) {
    return new String(bytes(file, optional), StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(Path file, boolean optional) {
    if (optional && !Files.exists(file)) {
      return new byte[0];
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw UserError.because("%s: cannot read (%s)", file, e.getClass().getSimpleName());
    }
  }

  private static final String COLUMNS = "%-26s %-13s %-11s %-9s %12s %12s %9s %9s  %s%n";

  static void print(PrintWriter o, List<MatrixCell.Row> rows, String where, double wall,
      long failed) {
    o.printf(Locale.ROOT, COLUMNS, "program", "construction", "backend", "size",
        "steps/cases", "passes/s", "run/prove", "build/chk", "outcome");
    for (MatrixCell.Row r : rows) {
      o.printf(Locale.ROOT, COLUMNS, r.kind().equals(MatrixCell.RUN) ? r.program() : "(proof)",
          r.construction(), r.backend(), r.size(), String.format(Locale.ROOT, "%,d", r.count()),
          r.kind().equals(MatrixCell.RUN) ? String.format(Locale.ROOT, "%,.1f", r.rate()) : "-",
          String.format(Locale.ROOT, "%.2f s", r.seconds()),
          String.format(Locale.ROOT, "%.2f s", r.secondsChecked()),
          (r.ok() ? "" : "FAILED: ") + r.outcome());
    }
    o.printf(Locale.ROOT, "matrix: %d rows, %d failed, %.1f s wall on %s%n", rows.size(),
        failed, wall, where);
    o.flush();
  }

  private void writeJson(List<MatrixCell.Row> rows, String where, double wall, long failed) {
    StringBuilder s = new StringBuilder("{\n  \"master\": ").append(str(where))
        .append(",\n  \"wall_seconds\": ").append(String.format(Locale.ROOT, "%.3f", wall))
        .append(",\n  \"failed\": ").append(failed).append(",\n  \"rows\": [");
    for (int i = 0; i < rows.size(); i++) {
      MatrixCell.Row r = rows.get(i);
      s.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(str(r.kind()))
          .append(", \"program\": ").append(str(r.program()))
          .append(", \"construction\": ").append(str(r.construction()))
          .append(", \"backend\": ").append(str(r.backend()))
          .append(", \"size\": ").append(str(r.size()))
          .append(", \"count\": ").append(r.count())
          .append(", \"passes_per_second\": ")
          .append(String.format(Locale.ROOT, "%.3f", r.rate()))
          .append(", \"seconds\": ").append(String.format(Locale.ROOT, "%.3f", r.seconds()))
          .append(", \"build_or_check_seconds\": ")
          .append(String.format(Locale.ROOT, "%.3f", r.secondsChecked()))
          .append(", \"ok\": ").append(r.ok())
          .append(", \"outcome\": ").append(str(r.outcome())).append('}');
    }
    s.append("\n  ]\n}\n");
    try {
      Files.writeString(json, s);
    } catch (IOException e) {
      throw UserError.because("%s: cannot write (%s)", json, e.getClass().getSimpleName());
    }
  }

  private static String str(String v) {
    StringBuilder s = new StringBuilder("\"");
    for (char ch : v.toCharArray()) {
      switch (ch) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (ch < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
