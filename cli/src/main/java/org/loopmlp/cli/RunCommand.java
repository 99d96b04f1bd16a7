package org.loopmlp.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.MlpRun;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Network;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.asm.SqProgram;
import org.loopmlp.verify.FloatingPointLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopmlp run FILE.sq}: runs a program on the network, the reference machine, or both. */
@Command(
    name = "run",
    header = "Run a .sq program on the network and/or the reference machine.",
    description = {
        "Assembles FILE.sq (its .config line gives the machine size), builds the "
            + "network for that size and runs the program until it halts (a step that changes "
            + "nothing) or --max-steps. With --engine both (the default) the network runs in "
            + "checked mode next to the reference machine and every step is compared; the "
            + "first disagreement names the pass, stage, layer and direction."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 done (engines agree), 1 the engines disagree, 2 usage or input",
        "error.",
        "",
        "Examples:",
        "  loopmlp run examples/countdown.sq",
        "  loopmlp run examples/gcd.sq --engine mlp --backend float32",
        "  loopmlp run prog.sq --json | python3 -m json.tool",
        "  loopmlp run hello.slq --isa classic --word 8 --engine mlp",
        "  loopmlp run echo.slq --isa classic --input 'hi' --json"
    })
final class RunCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  enum Engine { mlp, reference, both }

  @Parameters(index = "0", paramLabel = "FILE", description = "The program to run: FILE.sq,"
      + " or FILE.slq with --isa classic.")
  Path file;

  @Option(names = "--engine", paramLabel = "E", defaultValue = "both",
      description = "mlp, reference or both (default: ${DEFAULT-VALUE}).")
  Engine engine;

  @Mixin BackendOption backendOption;

  @Option(names = "--max-steps", paramLabel = "K",
      description = "Stop after K steps if the program has not halted (default: 10000;"
          + " --isa classic: 1000000).")
  Long maxStepsOption;

  int maxSteps;

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (this project's machine: FILE.sq with its .config line) or classic"
          + " (one memory for code and data, I/O at address -1: FILE.slq) (default:"
          + " ${DEFAULT-VALUE}).")
  String isa;

  @Mixin ClassicOptions classicOptions;

  @Option(names = "--json", description = "Print exactly one JSON object and nothing else.")
  boolean json;

  @Override
  public Integer call() {
    if (maxStepsOption != null && maxStepsOption < 0) {
      throw UserError.because("--max-steps must be >= 0, was %d", maxStepsOption);
    }
    if (isa.equals("classic")) {
      return ClassicRunCommand.run(file, classicOptions, constructionOption.classicName(),
          engine, backendOption.backend(),
          maxStepsOption == null ? 1_000_000L : maxStepsOption, json, out(), err(),
          System.out);
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    if (maxStepsOption != null && maxStepsOption > Integer.MAX_VALUE) {
      throw UserError.because("--max-steps must be at most %d, was %d", Integer.MAX_VALUE,
          maxStepsOption);
    }
    maxSteps = maxStepsOption == null ? 10000 : (int) (long) maxStepsOption;
    Backend backend = backendOption.backend();
    SqProgram program = Programs.load(file);
    MachineConfig config = program.config();
    MachineState initial = program.initialState();

    Differential.ReferenceEnd reference = null;
    MlpRun mlpRun = null;
    Optional<Differential.Disagreement> disagreement = Optional.empty();
    long mlpNanos = 0;
    boolean undecodable = false;

    if (engine == Engine.reference) {
      reference = Differential.referenceEnd(program.program(), initial, maxSteps);
    } else {
      Construction construction = Builds.build(constructionOption.name(), config, err());
      long start = System.nanoTime();
      if (engine == Engine.both) {
        try (Differential.PassProgress progress = new Differential.PassProgress(err(),
            "network passes (checked)", maxSteps)) {
          Differential.Outcome o = Differential.run(LoopedMlp.checked(construction, backend),
              program.program(), initial, maxSteps, progress);
          reference = o.reference();
          mlpRun = o.mlp();
          disagreement = o.disagreement();
        }
      } else {
        warnUnchecked(backend, config);
        // Only the network and the codec are needed from here: the construction's layouts and
        // invariants are let go before the backend compiles the network.
        String name = construction.name();
        Network network = construction.network();
        StateCodec codec = StateCodec.forConstruction(construction);
        construction = null;
        LoopedMlp mlp = LoopedMlp.lean(name, network, codec, backend);
        MachineState[] lastDecoded = {initial};
        int[] decodedPasses = {0};
        try (Differential.PassProgress progress = new Differential.PassProgress(err(),
            "network passes", maxSteps)) {
          mlpRun = mlp.run(program.program(), initial, maxSteps, MlpRun.Kept.FIRST_AND_LAST,
              (pass, after) -> {
                lastDecoded[0] = after;
                decodedPasses[0] = pass + 1;
                progress.afterPass(pass, after);
              });
        } catch (DecodeException e) {
          // Report the run up to the last pass whose output decodes, and the pass that fails.
          // Every pass before it changed the state (a pass that does not ends the run).
          int failing = decodedPasses[0];
          mlpRun = new MlpRun(program.program(), failing == 0 ? ImmutableList.of(initial)
              : ImmutableList.of(initial, lastDecoded[0]), failing, false, failing);
          undecodable = true;
          disagreement = Optional.of(new Differential.Disagreement(failing,
              "decoding the output", "a machine state encoding",
              e.direction() + " = " + e.value(), e.getMessage()));
        }
      }
      mlpNanos = System.nanoTime() - start;
    }

    // The reported run: the network's when it ran to the end, else the reference machine's.
    MachineState last;
    int steps;
    boolean halted;
    if (mlpRun != null) {
      last = mlpRun.last();
      steps = mlpRun.steps();
      halted = mlpRun.halted();
    } else if (reference != null) {
      last = reference.last();
      steps = reference.steps();
      halted = reference.halted();
    } else {
      last = initial;
      steps = 0;
      halted = false;
    }
    Boolean agree = engine == Engine.both ? disagreement.isEmpty() : null;
    int code = disagreement.isPresent() ? ExitCodes.FOUND : ExitCodes.OK;

    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("word", config.wordBits());
      c.put("data", config.dataBits());
      c.put("code", config.codeBits());
      o.put("config", c);
      o.put("engine", engine.name());
      o.put("construction", engine == Engine.reference ? null : constructionOption.name());
      o.put("backend", engine == Engine.reference ? null : backend.name());
      o.put("steps", steps);
      o.put("halted", halted);
      o.put("pc", last.pc());
      o.put("memory", last.memory());
      o.put("agree", agree);
      o.put("firstDisagreement", disagreement.map(RunCommand::toJson).orElse(null));
      out().println(Json.write(o));
      out().flush();
      return code;
    }

    out().printf(Locale.ROOT, "%s: %s (%d words, %d slots), engine %s%s%n", file,
        Configs.format(config), config.dataSize(), config.codeSize(), engine,
        engine == Engine.reference ? ""
            : ", " + constructionOption.name() + " construction, backend " + backend.name());
    if (reference != null) {
      out().printf(Locale.ROOT, "reference machine: %s after %s, pc %d%n",
          reference.halted() ? "halted" : "stopped at --max-steps", steps(reference.steps()),
          reference.last().pc());
    }
    if (mlpRun != null) {
      // A rate over zero passes would only time the set-up; then the line names the mode alone.
      // After an undecodable output the time includes finding that pass: no rate either.
      String rate = mlpRun.passes() == 0 || undecodable ? ""
          : String.format(Locale.ROOT, "%.3f ms per step", mlpNanos / 1e6 / mlpRun.passes());
      String mode = engine == Engine.both ? "checked mode" : "";
      String note = rate.isEmpty() || mode.isEmpty() ? rate + mode : rate + ", " + mode;
      out().printf(Locale.ROOT, "network:           %s after %s, pc %d%s%n",
          undecodable ? "stopped (the next output is not a machine state)"
              : mlpRun.halted() ? "halted" : "stopped at --max-steps", steps(mlpRun.steps()),
          mlpRun.last().pc(), note.isEmpty() ? "" : " (" + note + ")");
    }
    if (disagreement.isPresent()) {
      out().println("FIRST DISAGREEMENT: " + disagreement.get().describe());
    } else if (engine == Engine.both) {
      out().println("the network and the reference machine agree at every step");
    }
    printMemory(program, last, mlpRun != null ? "network" : "reference machine");
    out().flush();
    return code;
  }

  /**
   * {@code --engine mlp} compares nothing: says so on stderr, and, on a floating-point backend at
   * a word size where the campaign found it wrong ({@link FloatingPointLimits}), that the result
   * can be wrong.
   */
  private void warnUnchecked(Backend backend, MachineConfig config) {
    String limit = "";
    if (!backend.isExact()) {
      OptionalInt first = FloatingPointLimits.isRecorded(backend.name())
          ? FloatingPointLimits.firstFailingWordBits(backend.name()) : OptionalInt.of(2);
      if (first.isPresent() && config.wordBits() >= first.getAsInt()) {
        limit = String.format(Locale.ROOT, "; %s is not exact at N = %d (the construction on %s"
            + " first fails at N = %d), so the result can be wrong", backend.name(),
            config.wordBits(), backend.name(), first.getAsInt());
      }
    }
    err().printf(Locale.ROOT, "note: unchecked run: --engine mlp compares nothing with the"
        + " reference machine%s; --engine both checks every step%n", limit);
    err().flush();
  }

  /** {@code "1 step"}, {@code "24 steps"}. */
  static String steps(long n) {
    return n + (n == 1 ? " step" : " steps");
  }

  private static Map<String, Object> toJson(Differential.Disagreement d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pass", d.pass());
    m.put("where", d.where());
    m.put("expected", d.expected());
    m.put("got", d.got());
    m.put("detail", d.detail());
    return m;
  }

  /** All cells when there are at most 64, else labelled and non-zero cells. */
  private void printMemory(SqProgram program, MachineState state, String engineName) {
    Map<Integer, String> labels = Programs.labelsByAddress(program);
    int m = state.config().dataSize();
    boolean all = m <= 64;
    out().println("memory after the run (" + engineName + (all ? ")"
        : "; labelled and non-zero cells, all others are 0)") + ":");
    for (int i = 0; i < m; i++) {
      long v = state.word(i);
      String label = labels.getOrDefault(i, "");
      if (all || v != 0 || !label.isEmpty()) {
        out().printf(Locale.ROOT, "  %5d  %-10s %d%n", i, label, v);
      }
    }
  }
}
