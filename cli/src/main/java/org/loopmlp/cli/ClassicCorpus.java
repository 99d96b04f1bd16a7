package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.SlqImage;

/**
 * Runs every program of a classic SUBLEQ corpus folder through the classic network (checked mode
 * off) beside the reference machine, and prints one table row per program: N, A, steps,
 * passes per second, the reference machine's steps per second on the same program (run alone to
 * its halt) and the ratio of the two, whether the output equals {@code NAME.expected}, and
 * whether the network agreed with the reference machine at every step.
 *
 * <p>The programs and their N and A come from the table of the folder's {@code MANIFEST.md}
 * whose header is {@code | program | N | A | steps | input |}; each program is {@code NAME.slq},
 * with {@code NAME.input} as its input when present and {@code NAME.expected} as its output.
 * Used by {@code scripts/run-corpus}.
 *
 * <pre>
 * java -cp cli/target/loopmlp.jar org.loopmlp.cli.ClassicCorpus DIR [--backend B]
 *     [--construction classic|classic-split] [--seconds S] [--max-words W] [--only NAME,...]
 * </pre>
 *
 * {@code --seconds} (default 300) ends a program's run after that long (the row then says how
 * far it got); {@code --max-words} (default unlimited) skips programs with more than W words of
 * memory. Exit code 0 when every program that ran to its end printed its expected bytes and every
 * run agreed at every step, 1 otherwise, 2 for a usage or input error.
 */
public final class ClassicCorpus {
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*([A-Za-z0-9_]+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|.*");

  private ClassicCorpus() {}

  record Entry(String name, int wordBits, int memoryBits) {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length == 0 || args[0].startsWith("-")) {
      err.println("usage: ClassicCorpus DIR [--backend B] [--construction NAME] [--seconds S]"
          + " [--max-words W] [--only NAME,...]");
      return ExitCodes.USAGE;
    }
    Path dir = Path.of(args[0]);
    String backendName = "exact";
    String construction = ClassicConstruction.NAME;
    double seconds = 300;
    long maxWords = Long.MAX_VALUE;
    List<String> only = List.of();
    for (int i = 1; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        err.println("ClassicCorpus: " + args[i] + " needs a value");
        return ExitCodes.USAGE;
      }
      switch (args[i]) {
        case "--backend" -> backendName = args[i + 1];
        case "--construction" -> construction = args[i + 1];
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        case "--max-words" -> maxWords = Long.parseLong(args[i + 1]);
        case "--only" -> only = Arrays.asList(args[i + 1].split(","));
        default -> {
          err.println("ClassicCorpus: unknown option " + args[i]);
          return ExitCodes.USAGE;
        }
      }
    }
    if (!ConstructionOption.CLASSIC_NAMES.contains(construction)) {
      err.println("ClassicCorpus: --construction must be one of "
          + ConstructionOption.CLASSIC_NAMES + ", was " + construction);
      return ExitCodes.USAGE;
    }
    Path manifest = dir.resolve("MANIFEST.md");
    if (!Files.isReadable(manifest)) {
      err.println("ClassicCorpus: " + manifest + ": cannot read the corpus manifest");
      return ExitCodes.USAGE;
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (m.matches() && Files.exists(dir.resolve(m.group(1) + ".slq"))
          && (only.isEmpty() || only.contains(m.group(1)))) {
        entries.add(new Entry(m.group(1), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
    }
    if (entries.isEmpty()) {
      err.println("ClassicCorpus: " + manifest + ": no table rows '| program | N | A | ...'");
      return ExitCodes.USAGE;
    }
    Backend backend = Backends.named(backendName);
    out.printf(Locale.ROOT, "classic corpus %s: %s network (%s backend, checked mode off) beside"
        + " the reference machine, at most %.0f s per program%n", dir, construction,
        backend.name(), seconds);
    String header = String.format(Locale.ROOT, "%-26s %3s %3s %10s %8s %10s %11s %8s %9s %10s"
        + " %s", "program", "N", "A", "steps", "nnz", "passes/s", "ref steps/s", "net/ref",
        "output", "agrees", "end");
    out.println(header);
    boolean allGood = true;
    for (Entry e : entries) {
      ClassicConfig config = ClassicConfig.of(e.wordBits(), e.memoryBits());
      if (config.memorySize() > maxWords) {
        out.printf(Locale.ROOT, "%-26s %3d %3d %10s %8s %10s %11s %8s %9s %10s %s%n", e.name(),
            e.wordBits(), e.memoryBits(), "-", "-", "-", "-", "-", "-", "-",
            "skipped (more than " + maxWords + " words)");
        continue;
      }
      Path slq = dir.resolve(e.name() + ".slq");
      SlqImage image = SlqImage.parse(slq.toString(),
          Files.readString(slq, StandardCharsets.ISO_8859_1));
      ClassicState initial = image.load(config);
      Path inputFile = dir.resolve(e.name() + ".input");
      byte[] input = Files.exists(inputFile) ? Files.readAllBytes(inputFile) : new byte[0];
      byte[] expected = Files.readAllBytes(dir.resolve(e.name() + ".expected"));
      // The reference machine alone, to its halt: the rate the network is compared with.
      long refStart = System.nanoTime();
      ClassicRun ref = ClassicRunner.run(initial, ByteInput.of(input), ByteOutput.discard(),
          Long.MAX_VALUE);
      double refRate = ref.steps() / Math.max((System.nanoTime() - refStart) / 1e9, 1e-9);
      long buildStart = System.nanoTime();
      ClassicConstruction c = ClassicConstruction.build(construction, config);
      ClassicLoopedMlp mlp = ClassicLoopedMlp.of(c, backend);
      double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
      ByteOutput.Collecting printed = ByteOutput.collecting();
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      ClassicLockstep.Outcome o = ClassicLockstep.run(mlp, initial, input, printed,
          Long.MAX_VALUE, ClassicLoopedMlp.PassListener.NONE,
          () -> System.nanoTime() > deadline);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long steps = o.mlp().steps();
      boolean halted = o.mlp().halted();
      boolean same = Arrays.equals(expected, printed.bytes());
      String output = halted ? (same ? "identical" : "DIFFERS")
          : String.format(Locale.ROOT, "%d/%dB", printed.size(), expected.length);
      String agrees = o.agree() ? "yes" : "NO";
      String end = halted ? "halted" : o.agree() ? String.format(Locale.ROOT,
          "time limit (%.0f s)", seconds) : "disagreement: " + o.disagreement().get().describe();
      if (!o.agree() || (halted && !same)) {
        allGood = false;
      }
      double rate = steps / Math.max(elapsed, 1e-9);
      out.printf(Locale.ROOT, "%-26s %3d %3d %10d %8d %10.1f %11.0f %8.5f %9s %10s %s (build"
          + " %.1f s, run %.1f s)%n", e.name(), e.wordBits(), e.memoryBits(), steps,
          c.network().nonZeros(), rate, refRate, rate / refRate, output, agrees, end,
          buildSeconds, elapsed);
      out.flush();
    }
    return allGood ? ExitCodes.OK : ExitCodes.FOUND;
  }
}
