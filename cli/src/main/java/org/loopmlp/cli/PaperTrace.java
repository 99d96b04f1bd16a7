package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.MlpRun;
import org.loopmlp.construction.RegisterDecoder.Reading;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.isa.asm.SqProgram;

/** {@code trace FILE.sq} on this project's machine: every layer of one pass, decoded. */
final class PaperTrace {
  private final TraceCommand o;
  private final Backend backend;
  private final SqProgram program;

  private PaperTrace(TraceCommand o) {
    this.o = o;
    this.backend = o.backendOption.backend();
    this.program = Programs.load(o.file);
  }

  static int run(TraceCommand o) {
    if (o.png != null) {
      Inputs.checkWritableTarget("--png", o.png);
      if (!o.png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
        throw UserError.because("--png %s: the heat map is a PNG image; give a file name ending"
            + " in .png", o.png);
      }
    }
    return new PaperTrace(o).trace();
  }

  private int trace() {
    Construction construction = Builds.build(o.constructionOption.name(), program.config(),
        o.err());
    MachineState state = stateBeforePass(LoopedMlp.of(construction, backend));
    if (state == null) {
      return ExitCodes.FOUND;
    }
    Differential.ReferenceEnd ref = Differential.referenceEnd(program.program(),
        program.initialState(), o.pass);
    if (ref.halted()) {
      o.out().printf(Locale.ROOT, "note: the program halts after %s; pass %d starts from"
          + " that fixed point%n", Counts.steps(ref.steps()), o.pass);
    }
    Tracer.Trace trace = Tracer.trace(construction, backend, program.program(), state);
    Instruction ins = program.program().at(state.pc());
    printHeader(state, ins);
    printLayers(trace);
    boolean same = printResult(trace, state);
    if (o.png != null) {
      HeatMap map = Tracer.heatMap(trace, o.file.getFileName() + "  " + Configs.format(
          program.config()) + "  pass " + o.pass + "  (slot " + state.pc() + ": " + ins.a()
          + " " + ins.b() + " " + ins.c() + ")");
      map.writePng(o.png);
      o.out().println("wrote " + o.png);
    }
    o.out().flush();
    return same ? ExitCodes.OK : ExitCodes.FOUND;
  }

  /** The network's state before pass P; null (after saying why) when a pass does not decode. */
  private MachineState stateBeforePass(LoopedMlp mlp) {
    int[] decodedPasses = {0};
    try (Differential.PassProgress progress = new Differential.PassProgress(o.err(),
        "network passes before pass " + o.pass, o.pass)) {
      return mlp.run(program.program(), program.initialState(), o.pass,
          MlpRun.Kept.FIRST_AND_LAST, (p, after) -> {
            decodedPasses[0] = p + 1;
            progress.afterPass(p, after);
          }).last();
    } catch (DecodeException e) {
      int failing = decodedPasses[0];
      o.out().printf(Locale.ROOT, "%s, %s, backend %s: the network's output after pass %d is"
          + " not a machine state (%s), so pass %d is never reached%n", o.file,
          Configs.format(program.config()), backend.name(), failing, e.getMessage(), o.pass);
      o.out().printf(Locale.ROOT, "see the layers of pass %d: loopmlp trace %s%s --pass %d"
          + " --backend %s%n", failing, o.file, o.constructionOption.isPaper() ? ""
          : " --construction " + o.constructionOption.name(), failing, backend.name());
      o.out().flush();
      return null;
    }
  }

  private void printHeader(MachineState state, Instruction ins) {
    StepDetail d = SubleqMachine.detail(program.program(), state);
    o.out().printf(Locale.ROOT, "%s, %s, %s construction, backend %s: pass %d executes slot %d:"
        + " %d %d %d%n", o.file, Configs.format(program.config()), o.constructionOption.name(),
        backend.name(), o.pass, state.pc(), ins.a(), ins.b(), ins.c());
    o.out().printf(Locale.ROOT, "reference step: mem[%d] = %d - %d = %d%s, so pc becomes %d%n",
        d.b(), d.memB(), d.memA(), d.result(), d.overflowed() ? " (wrapped)" : "",
        d.nextPc());
  }

  private void printLayers(Tracer.Trace trace) {
    int stageWidth = 5;
    int labelWidth = 5;
    for (Tracer.LayerTrace l : trace.layers()) {
      stageWidth = Math.max(stageWidth, l.stage().length());
      labelWidth = Math.max(labelWidth, l.index() < 0 ? 0 : l.label().length());
    }
    String row = "%-6s %-" + stageWidth + "s %-" + labelWidth + "s %-14s %s%n";
    o.out().printf(Locale.ROOT, row, "layer", "stage", "label", "hidden (!= 0)",
        "changed registers, by region");
    for (Tracer.LayerTrace l : trace.layers()) {
      String changes = l.index() < 0 ? inputSummary(l.readings())
          : describe(Tracer.byRegionOfState(l.changed()));
      o.out().printf(Locale.ROOT, row,
          l.index() < 0 ? "input" : Integer.toString(l.index()), l.stage(),
          l.index() < 0 ? "" : l.label(),
          l.hiddenValues().length == 0 ? "-"
              : l.hiddenValues().length + " (" + l.hiddenNonZero() + ")",
          changes);
    }
  }

  /** The last line: the pass against one reference step; true when they agree. */
  private boolean printResult(Tracer.Trace trace, MachineState state) {
    MachineState expected = SubleqMachine.step(program.program(), state);
    boolean same = trace.after().map(expected::equals).orElse(false);
    if (trace.after().isPresent()) {
      MachineState after = trace.after().get();
      o.out().printf(Locale.ROOT, "result: pc %d; the reference machine %s%n", after.pc(),
          same ? "agrees" : "DISAGREES: expected " + expected + ", got " + after);
    } else {
      o.out().printf(Locale.ROOT, "result: the output is not a machine state (%s); the"
          + " reference machine gives %s%n", trace.decodeFailure().orElseThrow(), expected);
    }
    return same;
  }

  private static String inputSummary(List<Reading> readings) {
    List<String> parts = new ArrayList<>();
    for (Reading r : readings) {
      String n = r.register().name();
      if (n.equals("pc") || (n.startsWith("mem[") && r.isBits() && r.value().getAsLong() != 0)) {
        parts.add(Tracer.show(r));
      }
    }
    return String.join(", ", parts) + " (other memory cells 0)";
  }

  private static String describe(Map<String, List<Reading>> byRegion) {
    if (byRegion.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<Reading>> e : byRegion.entrySet()) {
      List<String> regs = new ArrayList<>();
      for (Reading r : e.getValue()) {
        regs.add(Tracer.show(r));
      }
      parts.add(e.getKey() + ": " + String.join(", ", regs));
    }
    return String.join(" | ", parts);
  }
}
