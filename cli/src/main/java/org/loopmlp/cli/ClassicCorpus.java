package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.SlqFormatException;
import org.loopmlp.isa.classic.SlqImage;

/**
 * {@code run-corpus DIR --isa classic}: every program of a classic SUBLEQ corpus folder through
 * the classic network (checked mode off) beside the reference machine, one table row per
 * program: N, A, steps, passes per second, the reference machine's steps per second on the same
 * program (run alone to its halt) and the ratio of the two, whether the output equals {@code
 * NAME.expected}, and whether the network agreed with the reference machine at every step.
 *
 * <p>The programs and their N and A come from the table of the folder's {@code MANIFEST.md}
 * whose header is {@code | program | N | A | steps | input |}; each program is {@code NAME.slq},
 * with {@code NAME.input} as its input when present and {@code NAME.expected} as its output.
 */
final class ClassicCorpus {
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*([A-Za-z0-9_]+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|.*");
  private static final String COLUMNS = "%-26s %3s %3s %10s %8s %10s %11s %8s %9s %10s %s%n";

  private final CorpusCommand o;
  private final String construction;
  private final Backend backend;
  private final PrintWriter out;

  private ClassicCorpus(CorpusCommand o) {
    this.o = o;
    this.construction = o.constructionOption.classicName();
    this.backend = o.backendOption.backend();
    this.out = o.out();
  }

  record Entry(String name, int wordBits, int memoryBits) {}

  static int run(CorpusCommand o) {
    ClassicCorpus corpus = new ClassicCorpus(o);
    List<Entry> entries = corpus.entries();
    o.out().printf(Locale.ROOT, "classic corpus %s: %s network (%s backend, checked mode off)"
        + " beside the reference machine, at most %.0f s per program%n", o.dir,
        corpus.construction, corpus.backend.name(), o.seconds);
    o.out().printf(Locale.ROOT, COLUMNS, "program", "N", "A", "steps", "nnz", "passes/s",
        "ref steps/s", "net/ref", "output", "agrees", "end");
    boolean allGood = true;
    for (Entry e : entries) {
      allGood &= corpus.run(e);
      o.out().flush();
    }
    return allGood ? ExitCodes.OK : ExitCodes.FOUND;
  }

  /** The manifest's rows with a program file, narrowed to --only (whose names must exist). */
  private List<Entry> entries() {
    Path manifest = o.dir.resolve("MANIFEST.md");
    if (!Files.isDirectory(o.dir)) {
      throw UserError.because("%s: no such directory (expected a corpus folder with"
          + " MANIFEST.md)", o.dir);
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : Inputs.readText(manifest).split("\\R")) {
      Matcher m = ROW.matcher(line);
      if (m.matches() && Files.exists(o.dir.resolve(m.group(1) + ".slq"))) {
        entries.add(new Entry(m.group(1), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
    }
    if (entries.isEmpty()) {
      throw UserError.because("%s: no table row '| program | N | A | ...' names a program"
          + " NAME.slq of the folder", manifest);
    }
    if (o.only == null) {
      return entries;
    }
    List<String> names = entries.stream().map(Entry::name).toList();
    for (String name : o.only) {
      if (!names.contains(name)) {
        throw UserError.because("--only %s: no program %s in %s (it lists %s)", name, name,
            manifest, String.join(", ", names));
      }
    }
    return entries.stream().filter(e -> o.only.contains(e.name())).toList();
  }

  /** One program's row; true when it agreed at every step and, halted, printed as expected. */
  private boolean run(Entry e) {
    ClassicConfig config;
    try {
      config = ClassicConfig.of(e.wordBits(), e.memoryBits());
    } catch (IllegalArgumentException x) {
      throw UserError.because("%s: program %s: N=%d, A=%d is out of range: %s",
          o.dir.resolve("MANIFEST.md"), e.name(), e.wordBits(), e.memoryBits(), x.getMessage());
    }
    if (o.maxWords != null && config.memorySize() > o.maxWords) {
      out.printf(Locale.ROOT, COLUMNS, e.name(), e.wordBits(), e.memoryBits(), "-", "-", "-",
          "-", "-", "-", "-", "skipped (more than " + o.maxWords + " words)");
      return true;
    }
    ClassicState initial = load(e, config);
    byte[] input = readBytes(o.dir.resolve(e.name() + ".input"), true);
    byte[] expected = readBytes(o.dir.resolve(e.name() + ".expected"), false);
    // The reference machine alone, to its halt: the rate the network is compared with.
    long refStart = System.nanoTime();
    ClassicRun ref = ClassicRunner.run(initial, ByteInput.of(input), ByteOutput.discard(),
        Long.MAX_VALUE);
    double refRate = ref.steps() / Math.max((System.nanoTime() - refStart) / 1e9, 1e-9);
    long buildStart = System.nanoTime();
    ClassicOptions.requireMemory(construction, config);
    ClassicConstruction c = ClassicConstruction.build(construction, config);
    ClassicLoopedMlp mlp = ClassicLoopedMlp.of(c, backend);
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    ByteOutput.Collecting printed = ByteOutput.collecting();
    long start = System.nanoTime();
    long deadline = start + (long) Math.min(o.seconds * 1e9, Long.MAX_VALUE / 2.0);
    ClassicLockstep.Outcome r = ClassicLockstep.run(mlp, initial, input, printed,
        Long.MAX_VALUE, ClassicLoopedMlp.PassListener.NONE, () -> System.nanoTime() > deadline);
    double elapsed = (System.nanoTime() - start) / 1e9;
    boolean halted = r.mlp().halted();
    boolean same = Arrays.equals(expected, printed.bytes());
    String output = halted ? (same ? "identical" : "DIFFERS")
        : String.format(Locale.ROOT, "%d/%dB", printed.size(), expected.length);
    String end = halted ? "halted" : r.agree() ? String.format(Locale.ROOT,
        "time limit (%.0f s)", o.seconds) : "disagreement: " + r.disagreement().get().describe();
    double rate = r.mlp().steps() / Math.max(elapsed, 1e-9);
    out.printf(Locale.ROOT, "%-26s %3d %3d %10d %8d %10.1f %11.0f %8.5f %9s %10s %s (build"
        + " %.1f s, run %.1f s)%n", e.name(), e.wordBits(), e.memoryBits(), r.mlp().steps(),
        c.network().nonZeros(), rate, refRate, rate / refRate, output, r.agree() ? "yes" : "NO",
        end, buildSeconds, elapsed);
    return r.agree() && (!halted || same);
  }

  private ClassicState load(Entry e, ClassicConfig config) {
    Path slq = o.dir.resolve(e.name() + ".slq");
    try {
      return SlqImage.parse(slq.toString(), Files.readString(slq, StandardCharsets.ISO_8859_1))
          .load(config);
    } catch (SlqFormatException x) {
      throw new UserError(x.getMessage());
    } catch (IOException x) {
      throw Inputs.cannotRead(slq, x);
    }
  }

  /** The bytes of {@code file}; none when it is missing and {@code optional}. */
  private static byte[] readBytes(Path file, boolean optional) {
    if (optional && !Files.exists(file)) {
      return new byte[0];
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException x) {
      throw Inputs.cannotRead(file, x);
    }
  }
}
