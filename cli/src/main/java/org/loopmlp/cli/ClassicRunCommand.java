package org.loopmlp.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;

/**
 * {@code loopmlp run FILE.slq --isa classic}: a classic program on the classic network, the
 * reference classic machine, or both in lockstep (network in checked mode). The program's output
 * goes to stdout as it runs (byte for byte); progress and the verdict go to stderr. With {@code
 * --json}, one object on stdout and nothing else.
 */
final class ClassicRunCommand {
  private ClassicRunCommand() {}

  static int run(Path file, ClassicOptions options, String construction,
      RunCommand.Engine engine, Backend backend,
      long maxSteps, boolean json, PrintWriter out, PrintWriter err, PrintStream rawOut) {
    ClassicOptions.Loaded p = options.load(file);
    ClassicState initial = p.initial();
    ByteOutput.Collecting collected = ByteOutput.collecting();
    ByteOutput stream = json ? collected : b -> {
      collected.write(b);
      rawOut.write(b);
      if (b == '\n') {
        rawOut.flush();
      }
    };
    ClassicState last;
    long steps;
    boolean halted;
    Optional<ClassicLockstep.Disagreement> disagreement = Optional.empty();
    long start = System.nanoTime();
    if (engine == RunCommand.Engine.reference) {
      ClassicRun r = ClassicRunner.run(initial, ByteInput.of(p.input()), stream, maxSteps);
      last = r.finalState();
      steps = r.steps();
      halted = r.halted();
    } else {
      ClassicOptions.requireMemory(construction, p.config());
      ClassicConstruction c = ClassicConstruction.build(construction, p.config());
      boolean checked = engine == RunCommand.Engine.both;
      ClassicLoopedMlp mlp = checked ? ClassicLoopedMlp.checked(c, backend)
          : ClassicLoopedMlp.of(c, backend);
      start = System.nanoTime();
      try (Differential.PassProgress progress = new Differential.PassProgress(err,
          checked ? "network passes (checked)" : "network passes", maxSteps)) {
        ClassicLoopedMlp.PassListener listener =
            (pass, before, o) -> progress.afterPass((int) Math.min(pass, Integer.MAX_VALUE),
                null);
        if (checked) {
          ClassicLockstep.Outcome o;
          try {
            o = ClassicLockstep.run(mlp, initial, p.input(), stream, maxSteps, listener);
          } catch (LemmaViolation v) {
            ClassicState before = v.step(ClassicStepContext.class).before();
            o = new ClassicLockstep.Outcome(new ClassicLoopedMlp.Run(before, v.pass(), false),
                before, v.pass(), Optional.of(new ClassicLockstep.Disagreement(
                    v.pass(), v.kind().name().toLowerCase(Locale.ROOT) + " of stage "
                    + v.stage() + ", layer " + v.layer() + " (" + v.layerLabel() + "), "
                    + v.direction(), v.expected(), v.got().toString())));
          }
          last = o.mlp().last();
          steps = o.mlp().steps();
          halted = o.mlp().halted();
          disagreement = o.disagreement();
        } else {
          ClassicLoopedMlp.Run r;
          try {
            r = mlp.run(initial, ByteInput.of(p.input()), stream, maxSteps, listener);
          } catch (DecodeException e) {
            throw new UserError("the network's output is not a classic state (" + e.getMessage()
                + "); run with --engine both to find the first wrong layer");
          }
          last = r.last();
          steps = r.steps();
          halted = r.halted();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    rawOut.flush();
    Boolean agree = engine == RunCommand.Engine.both ? disagreement.isEmpty() : null;
    int code = disagreement.isPresent() ? ExitCodes.FOUND : ExitCodes.OK;
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("isa", "classic");
      c.put("word", p.config().wordBits());
      c.put("memoryBits", p.config().memoryBits());
      o.put("config", c);
      o.put("engine", engine.name());
      o.put("backend", engine == RunCommand.Engine.reference ? null : backend.name());
      o.put("steps", steps);
      o.put("halted", halted);
      o.put("pc", last.pc());
      o.put("output", new String(collected.bytes(), StandardCharsets.ISO_8859_1));
      o.put("memory", last.memory());
      o.put("agree", agree);
      o.put("firstDisagreement", disagreement.map(d -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pass", d.pass());
        m.put("where", d.what());
        m.put("expected", d.expected());
        m.put("got", d.got());
        return (Object) m;
      }).orElse(null));
      out.println(Json.write(o));
      out.flush();
      return code;
    }
    String engineName = engine == RunCommand.Engine.reference ? "reference machine"
        : engine == RunCommand.Engine.mlp ? "network (" + backend.name() + ")"
        : "network (" + backend.name() + ", checked) beside the reference machine";
    err.printf(Locale.ROOT, "%s: classic N=%d, 2^%d words, %s: %s after %s, pc %d, %d bytes"
        + " printed%s%n", file, p.config().wordBits(), p.config().memoryBits(), engineName,
        halted ? "halted" : disagreement.isPresent() ? "stopped" : "stopped at --max-steps "
        + maxSteps + " (not halted)", RunCommand.steps(steps), last.pc(), collected.size(),
        engine == RunCommand.Engine.reference || steps == 0 ? ""
            : String.format(Locale.ROOT, " (%.1f passes/s)", steps / Math.max(seconds, 1e-9)));
    if (disagreement.isPresent()) {
      err.println("FIRST DISAGREEMENT: " + disagreement.get().describe());
    } else if (engine == RunCommand.Engine.both) {
      err.println("the network and the reference machine agree at every step");
    }
    err.flush();
    return code;
  }
}
