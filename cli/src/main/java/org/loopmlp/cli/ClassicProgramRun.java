package org.loopmlp.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;

/**
 * {@code run FILE.slq --isa classic}: a classic program on the classic network, the reference
 * classic machine, or both in lockstep (network in checked mode). The program's output goes to
 * stdout as it runs (byte for byte); progress and the verdict go to stderr. With {@code --json},
 * one object on stdout and nothing else.
 */
final class ClassicProgramRun {
  private final RunCommand o;
  private final ClassicOptions.Loaded p;
  private final long maxSteps;
  private final ByteOutput.Collecting collected = ByteOutput.collecting();
  private final ByteOutput stream;
  private ClassicState last;
  private long steps;
  private boolean halted;
  private Optional<ClassicLockstep.Disagreement> disagreement = Optional.empty();
  private double seconds;
  /** The floor of an unchecked incremental run, once measured. */
  private Optional<Floor> floor = Optional.empty();

  private final ClassicFastPath.Choice choice;
  private final Backend backend;

  private ClassicProgramRun(RunCommand o, PrintStream rawOut) {
    this.o = o;
    this.p = o.classicOptions.load(o.file);
    if (o.engine.runsNetwork()) {
      String given = o.constructionOption.given() == null ? null
          : o.constructionOption.classicName();
      this.choice = ClassicFastPath.resolve(p.config(), given, o.backendOption.given(),
          o.engine == Engine.mlp);
      this.backend = BackendNames.backend(choice.backend());
    } else {
      this.choice = null;
      this.backend = null;
    }
    this.maxSteps = o.maxSteps(1_000_000L);
    this.stream = o.json ? collected : b -> {
      collected.write(b);
      rawOut.write(b);
      if (b == '\n') {
        rawOut.flush();
      }
    };
  }

  static int run(RunCommand o, PrintStream rawOut) {
    ClassicProgramRun r = new ClassicProgramRun(o, rawOut);
    if (o.engine == Engine.reference) {
      long start = System.nanoTime();
      r.runReference();
      r.seconds = (System.nanoTime() - start) / 1e9;
    } else {
      r.runNetwork();
    }
    rawOut.flush();
    if (o.json) {
      r.printJson();
    } else {
      r.printVerdict();
    }
    return r.disagreement.isPresent() ? ExitCodes.FOUND : ExitCodes.OK;
  }

  private void runReference() {
    ClassicRun r = ClassicRunner.run(p.initial(), ByteInput.of(p.input()), stream, maxSteps);
    last = r.finalState();
    steps = r.steps();
    halted = r.halted();
  }

  /**
   * Builds and runs the network, timing the run (not the build); an unchecked incremental run
   * then measures its floor ({@link Floor}).
   */
  private void runNetwork() {
    String construction = choice.construction();
    ClassicOptions.requireMemory(construction, p.config());
    ClassicConstruction c = ClassicConstruction.build(construction, p.config());
    boolean checked = o.engine == Engine.both;
    ClassicLoopedMlp mlp = checked ? ClassicLoopedMlp.checked(c, backend)
        : ClassicLoopedMlp.of(c, backend);
    long start = System.nanoTime();
    try (Differential.PassProgress progress = new Differential.PassProgress(o.err(),
        progressTask(checked), maxSteps)) {
      ClassicLoopedMlp.PassListener listener =
          (pass, before, out) -> progress.afterPass((int) Math.min(pass, Integer.MAX_VALUE),
              null);
      if (checked) {
        runChecked(mlp, listener);
      } else {
        runUnchecked(mlp, listener);
      }
    }
    seconds = (System.nanoTime() - start) / 1e9;
    if (!checked && !o.json && steps > 0) {
      floor = Floor.incremental(mlp.compiled()).map(i -> Floor.of(i.stats(), Floor.bareLoop(
          c.network(), mlp.codec().encode(p.initial(), ClassicMachine.END_OF_INPUT),
          FLOOR_BUDGET)));
    }
  }

  /** Time to measure the bare loop for the floor of an unchecked incremental run. */
  private static final Duration FLOOR_BUDGET = Duration.ofMillis(600);

  /**
   * The progress line's task: which network runs, and when the user picked a combination that
   * is slower at this size, the faster one ({@link ClassicFastPath#fasterHint}).
   */
  private String progressTask(boolean checked) {
    return progressTask(p.config(), choice, backend.isExact(),
        o.constructionOption.given() != null || o.backendOption.given() != null, checked);
  }

  /** The task of {@link #progressTask(boolean)}; {@code picked}: the user gave either option. */
  static String progressTask(ClassicConfig config, ClassicFastPath.Choice choice,
      boolean exact, boolean picked, boolean checked) {
    String hint = picked ? ClassicFastPath.fasterHint(config, choice, exact)
        .map(h -> "; " + h).orElse("") : "";
    return "network passes (" + choice.construction() + ", " + choice.backend()
        + (checked ? ", checked" : "") + hint + ")";
  }

  private void runChecked(ClassicLoopedMlp mlp, ClassicLoopedMlp.PassListener listener) {
    ClassicLockstep.Outcome r;
    try {
      r = ClassicLockstep.run(mlp, p.initial(), p.input(), stream, maxSteps, listener);
    } catch (LemmaViolation v) {
      ClassicState before = v.step(ClassicStepContext.class).before();
      r = new ClassicLockstep.Outcome(new ClassicLoopedMlp.Run(before, v.pass(), false),
          before, v.pass(), Optional.of(new ClassicLockstep.Disagreement(
              v.pass(), v.kind().name().toLowerCase(Locale.ROOT) + " of stage " + v.stage()
              + ", layer " + v.layer() + " (" + v.layerLabel() + "), " + v.direction(),
              v.expected(), v.got().toString())));
    }
    last = r.mlp().last();
    steps = r.mlp().steps();
    halted = r.mlp().halted();
    disagreement = r.disagreement();
  }

  private void runUnchecked(ClassicLoopedMlp mlp, ClassicLoopedMlp.PassListener listener) {
    ClassicLoopedMlp.Run r;
    try {
      r = mlp.run(p.initial(), ByteInput.of(p.input()), stream, maxSteps, listener);
    } catch (DecodeException e) {
      throw new UserError("the network's output is not a classic state (" + e.getMessage()
          + "); run with --engine both to find the first wrong layer");
    }
    last = r.last();
    steps = r.steps();
    halted = r.halted();
  }

  /**
   * One object: {@code output} is the printed bytes read as ISO-8859-1 (one character per byte,
   * so any byte shows), {@code outputHex} the same bytes in hexadecimal (lossless, for output
   * that is not text); {@code --input TEXT} is read as UTF-8.
   */
  private void printJson() {
    Map<String, Object> j = new LinkedHashMap<>();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("isa", "classic");
    c.put("word", p.config().wordBits());
    c.put("memoryBits", p.config().memoryBits());
    j.put("config", c);
    j.put("engine", o.engine.name());
    j.put("backend", o.engine.runsNetwork() ? backend.name() : null);
    j.put("steps", steps);
    j.put("halted", halted);
    j.put("pc", last.pc());
    j.put("output", new String(collected.bytes(), StandardCharsets.ISO_8859_1));
    j.put("outputHex", HexFormat.of().formatHex(collected.bytes()));
    j.put("memory", last.memory());
    j.put("agree", o.engine == Engine.both ? disagreement.isEmpty() : null);
    j.put("firstDisagreement", disagreement.map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pass", d.pass());
      m.put("where", d.what());
      m.put("expected", d.expected());
      m.put("got", d.got());
      return (Object) m;
    }).orElse(null));
    o.out().println(Json.write(j));
    o.out().flush();
  }

  private void printVerdict() {
    String backend = o.engine.runsNetwork() ? this.backend.name() : null;
    String engineName = o.engine == Engine.reference ? "reference machine"
        : o.engine == Engine.mlp ? "network (" + backend + ")"
        : "network (" + backend + ", checked) beside the reference machine";
    o.err().printf(Locale.ROOT, "%s: classic N=%d, 2^%d words, %s: %s after %s, pc %d, %d bytes"
        + " printed%s%n", o.file, p.config().wordBits(), p.config().memoryBits(), engineName,
        halted ? "halted" : disagreement.isPresent() ? "stopped" : "stopped at --max-steps "
        + maxSteps + " (not halted)", Counts.steps(steps), last.pc(), collected.size(),
        o.engine == Engine.reference || steps == 0 ? ""
            : String.format(Locale.ROOT, " (%.1f passes/s)", steps / Math.max(seconds, 1e-9)));
    floor.ifPresent(f -> o.err().println("incremental backend: " + f.describe(
        steps / Math.max(seconds, 1e-9))));
    if (disagreement.isPresent()) {
      o.err().println("FIRST DISAGREEMENT: " + disagreement.get().describe());
    } else if (o.engine == Engine.both) {
      o.err().println("the network and the reference machine agree at every step");
    }
    o.err().flush();
  }
}
