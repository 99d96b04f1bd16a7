package org.loopmlp.cli;

import com.google.common.collect.ImmutableList;
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

/**
 * {@code run FILE.sq} on this project's machine: the network (checked beside the reference
 * machine, or alone), or the reference machine alone.
 */
final class PaperRun {
  private final RunCommand o;
  private final SqProgram program;
  private final MachineConfig config;
  private final MachineState initial;
  private final int maxSteps;
  private Differential.ReferenceEnd reference;
  private MlpRun mlpRun;
  private Optional<Differential.Disagreement> disagreement = Optional.empty();
  private long mlpNanos;
  private boolean undecodable;

  private PaperRun(RunCommand o, SqProgram program, int maxSteps) {
    this.o = o;
    this.program = program;
    this.config = program.config();
    this.initial = program.initialState();
    this.maxSteps = maxSteps;
  }

  static int run(RunCommand o) {
    long steps = o.maxSteps(10_000);
    if (steps > Integer.MAX_VALUE) {
      throw UserError.because("--max-steps must be at most %d, was %d", Integer.MAX_VALUE,
          steps);
    }
    PaperRun r = new PaperRun(o, Programs.load(o.file), (int) steps);
    return r.execute();
  }

  private int execute() {
    if (o.engine == Engine.reference) {
      reference = Differential.referenceEnd(program.program(), initial, maxSteps);
    } else if (o.engine == Engine.both) {
      runChecked(build());
    } else {
      runUnchecked(build());
    }
    int code = disagreement.isPresent() ? ExitCodes.FOUND : ExitCodes.OK;
    if (o.json) {
      printJson();
    } else {
      printText();
    }
    o.out().flush();
    return code;
  }

  private Construction build() {
    return Builds.build(o.constructionOption.name(), config, o.err());
  }

  private void runChecked(Construction construction) {
    long start = System.nanoTime();
    try (Differential.PassProgress progress = new Differential.PassProgress(o.err(),
        "network passes (checked)", maxSteps)) {
      Differential.Outcome r = Differential.run(LoopedMlp.checked(construction,
          o.backendOption.backend()), program.program(), initial, maxSteps, progress);
      reference = r.reference();
      mlpRun = r.mlp();
      disagreement = r.disagreement();
    }
    mlpNanos = System.nanoTime() - start;
  }

  private void runUnchecked(Construction construction) {
    long start = System.nanoTime();
    Backend backend = o.backendOption.backend();
    warnUnchecked(backend);
    // Only the network and the codec are needed from here: the construction's layouts and
    // invariants are let go before the backend compiles the network.
    String name = construction.name();
    Network network = construction.network();
    StateCodec codec = StateCodec.forConstruction(construction);
    construction = null;
    LoopedMlp mlp = LoopedMlp.lean(name, network, codec, backend);
    MachineState[] lastDecoded = {initial};
    int[] decodedPasses = {0};
    try (Differential.PassProgress progress = new Differential.PassProgress(o.err(),
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
    mlpNanos = System.nanoTime() - start;
  }

  /**
   * {@code --engine mlp} compares nothing: says so on stderr, and, on a floating-point backend at
   * a word size where the campaign found it wrong ({@link FloatingPointLimits}), that the result
   * can be wrong.
   */
  private void warnUnchecked(Backend backend) {
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
    o.err().printf(Locale.ROOT, "note: unchecked run: --engine mlp compares nothing with the"
        + " reference machine%s; --engine both checks every step%n", limit);
    o.err().flush();
  }

  /** The reported run: the network's when it ran, else the reference machine's. */
  private MachineState last() {
    return mlpRun != null ? mlpRun.last() : reference != null ? reference.last() : initial;
  }

  private int steps() {
    return mlpRun != null ? mlpRun.steps() : reference != null ? reference.steps() : 0;
  }

  private boolean halted() {
    return mlpRun != null ? mlpRun.halted() : reference != null && reference.halted();
  }

  private void printJson() {
    Map<String, Object> j = new LinkedHashMap<>();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("word", config.wordBits());
    c.put("data", config.dataBits());
    c.put("code", config.codeBits());
    j.put("config", c);
    j.put("engine", o.engine.name());
    boolean network = o.engine.runsNetwork();
    j.put("construction", network ? o.constructionOption.name() : null);
    j.put("backend", network ? o.backendOption.backend().name() : null);
    j.put("steps", steps());
    j.put("halted", halted());
    j.put("pc", last().pc());
    j.put("memory", last().memory());
    j.put("agree", o.engine == Engine.both ? disagreement.isEmpty() : null);
    j.put("firstDisagreement", disagreement.map(PaperRun::toJson).orElse(null));
    o.out().println(Json.write(j));
  }

  private void printText() {
    o.out().printf(Locale.ROOT, "%s: %s (%d words, %d slots), engine %s%s%n", o.file,
        Configs.format(config), config.dataSize(), config.codeSize(), o.engine,
        o.engine.runsNetwork() ? ", " + o.constructionOption.name() + " construction, backend "
            + o.backendOption.backend().name() : "");
    if (reference != null) {
      o.out().printf(Locale.ROOT, "reference machine: %s after %s, pc %d%n",
          reference.halted() ? "halted" : "stopped at --max-steps",
          Counts.steps(reference.steps()), reference.last().pc());
    }
    if (mlpRun != null) {
      printNetworkLine();
    }
    if (disagreement.isPresent()) {
      o.out().println("FIRST DISAGREEMENT: " + disagreement.get().describe());
    } else if (o.engine == Engine.both) {
      o.out().println("the network and the reference machine agree at every step");
    }
    printMemory(mlpRun != null ? "network" : "reference machine");
  }

  private void printNetworkLine() {
    // A rate over zero passes would only time the set-up; then the line names the mode alone.
    // After an undecodable output the time includes finding that pass: no rate either.
    String rate = mlpRun.passes() == 0 || undecodable ? ""
        : String.format(Locale.ROOT, "%.3f ms per step", mlpNanos / 1e6 / mlpRun.passes());
    String mode = o.engine == Engine.both ? "checked mode" : "";
    String note = rate.isEmpty() || mode.isEmpty() ? rate + mode : rate + ", " + mode;
    o.out().printf(Locale.ROOT, "network:           %s after %s, pc %d%s%n",
        undecodable ? "stopped (the next output is not a machine state)"
            : mlpRun.halted() ? "halted" : "stopped at --max-steps", Counts.steps(mlpRun.steps()),
        mlpRun.last().pc(), note.isEmpty() ? "" : " (" + note + ")");
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
  private void printMemory(String engineName) {
    MachineState state = last();
    Map<Integer, String> labels = Programs.labelsByAddress(program);
    int m = state.config().dataSize();
    boolean all = m <= 64;
    o.out().println("memory after the run (" + engineName + (all ? ")"
        : "; labelled and non-zero cells, all others are 0)") + ":");
    for (int i = 0; i < m; i++) {
      long v = state.word(i);
      String label = labels.getOrDefault(i, "");
      if (all || v != 0 || !label.isEmpty()) {
        o.out().printf(Locale.ROOT, "  %5d  %-10s %d%n", i, label, v);
      }
    }
  }
}
