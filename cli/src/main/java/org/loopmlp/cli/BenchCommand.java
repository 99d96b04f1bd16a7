package org.loopmlp.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopmlp bench} (the options; the machine's front end measures): passes per second of the network on every backend and construction
 * against the bare CSR loop over the same weights (the speed limit of dense evaluation) and
 * over the {@code paper} construction's weights, and against the reference machine; with {@code
 * --program FILE}, a real program run to its halt.
 */
@Command(
    name = "bench",
    header = "Benchmark: reference machine, every backend and construction, the bare CSR loop.",
    description = {
        "For each size and construction: builds the network (time, heap held), then "
            + "measures passes per second of the reference machine and of the network on every "
            + "backend, looping each network on its own output as a running program does, and "
            + "of a bare CSR multiply-add loop over the same weights: the speed limit of dense "
            + "evaluation. Figures are the mean pass after a warm-up; the program keeps running "
            + "(never halts). exact/bare and incr/bare are the exact and incremental backends "
            + "over the bare loop of the same network; incr/paper is the incremental backend over "
            + "the bare loop of the paper construction (the dense baseline); net/ref is the "
            + "fastest backend over the reference machine. The incremental backend is then run "
            + "next to dense exact evaluation and every neuron of every layer of every pass is "
            + "compared; its row updates per pass are reported.",
        "",
        "With --program FILE: runs the program to its halt on the reference machine and through "
            + "the network on each --backends (default incremental) and --constructions, checks "
            + "the final state against the reference machine, and reports passes per second. "
            + "With --isa classic, FILE is a classic FILE.slq (sizes and input as for run --isa "
            + "classic) and its printed bytes are compared too; the table needs --isa subleq."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 done, 1 the incremental backend differed from dense evaluation or a "
            + "program ended in another state than on the reference machine, 2 usage error.",
        "",
        "Examples:",
        "  loopmlp bench",
        "  loopmlp bench --sizes 8,4,4 --seconds 1",
        "  loopmlp bench --sizes 16,10,10 16,12,10 --backends exact,incremental",
        "  loopmlp bench --program examples/fibonacci.sq --backends incremental,exact",
        "  loopmlp bench --program hello.slq --isa classic --constructions classic"
    })
final class BenchCommand extends Subcommand {
  @Option(names = "--sizes", paramLabel = "N,A,C", split = " ", converter = Configs.class,
      arity = "1..*", defaultValue = "8,4,4 16,8,8 16,12,10",
      description = "Sizes to measure (default: ${DEFAULT-VALUE}).")
  List<MachineConfig> sizes;

  @Option(names = "--constructions", paramLabel = "NAME", split = ",",
      defaultValue = "paper,compact",
      description = "Constructions to measure, comma-separated (default: ${DEFAULT-VALUE}; with"
          + " --isa classic: classic,classic-split); the paper construction is always built for"
          + " the dense baseline of the table.")
  List<String> constructions;

  @Option(names = "--backends", paramLabel = "B", split = ",",
      description = "Backends to measure, comma-separated (default: every backend of the"
          + " exact-arith module, ${COMPLETION-CANDIDATES}; the ONNX Runtime backends only when"
          + " named; with --program: incremental).", completionCandidates = Builtin.class)
  List<String> backendNames;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
      description = "Time budget per measurement in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--program", paramLabel = "FILE",
      description = "Run this program (FILE.sq, or FILE.slq with --isa classic) to its halt"
          + " instead of the endless loop.")
  Path program;

  @Mixin IsaOption isa;

  @Mixin ClassicOptions classicOptions;

  @Option(names = "--max-steps", paramLabel = "K", defaultValue = "100000000",
      description = "With --program: stop after K steps if it has not halted (default:"
          + " ${DEFAULT-VALUE}).")
  long maxSteps;

  @Override
  public Integer call() {
    if (!(seconds > 0) || seconds > 600) {
      throw UserError.because("--seconds must be in (0, 600], was %s", seconds);
    }
    if (maxSteps < 1) {
      throw UserError.because("--max-steps must be >= 1, was %s", maxSteps);
    }
    return isa.frontEnd().bench(this);
  }

  /** The time budget per measurement. */
  Duration budget() {
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  /** The backends of --backends, or {@code defaults}; an unknown name is one line. */
  List<Backend> backends(List<String> defaults) {
    List<Backend> list = new ArrayList<>();
    for (String name : backendNames == null ? defaults : backendNames) {
      list.add(BackendNames.backend(name));
    }
    return list;
  }

  /** The constructions of --constructions, each one of {@code known}. */
  List<String> constructions(List<String> known, List<String> defaults) {
    List<String> names = given("--constructions") ? constructions : defaults;
    for (String name : names) {
      if (!known.contains(name)) {
        throw UserError.because("unknown construction '%s' in --constructions, expected one of"
            + " %s", name, known);
      }
    }
    return names;
  }

  /** The exact-arith backends, for --help. */
  static final class Builtin implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Backends.all().stream().map(Backend::name).iterator();
    }
  }
}
