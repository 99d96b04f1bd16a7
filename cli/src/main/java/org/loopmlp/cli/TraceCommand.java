package org.loopmlp.cli;

import java.nio.file.Path;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopmlp trace FILE.sq}: the decoded state after every layer of one pass. */
@Command(
    name = "trace",
    header = "Show the decoded state after every layer of one pass (one executed instruction).",
    description = {
        "Runs the network P passes from the program's initial state, then traces pass "
            + "P: for every layer, the hidden units it holds and which state registers "
            + "changed, region by region (code, mem, pc, scratch), with their decoded values. "
            + "The last line compares the pass with one step of the reference machine. --png "
            + "draws the state vector across the layers as a heat map."
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  loopmlp trace examples/countdown.sq",
        "  loopmlp trace examples/gcd.sq --pass 5 --png gcd-pass5.png"
    })
final class TraceCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Parameters(index = "0", paramLabel = "FILE.sq", description = "The program.")
  Path file;

  @Option(names = "--pass", paramLabel = "P", defaultValue = "0",
      description = "Which pass to trace, counting from 0 (default: ${DEFAULT-VALUE}).")
  int pass;

  @Option(names = "--png", paramLabel = "OUT.png",
      description = "Also draw the pass as a heat map into this PNG file.")
  Path png;

  @Mixin BackendOption backendOption;

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (default, FILE.sq) or classic (FILE.slq).")
  String isa;

  @Mixin ClassicOptions classicOptions;

  @Override
  public Integer call() {
    if (pass < 0) {
      throw UserError.because("--pass must be >= 0, was %d", pass);
    }
    if (isa.equals("classic")) {
      return ClassicTrace.run(file, classicOptions, constructionOption.classicName(), pass,
          backendOption.backend(), out());
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    if (png != null) {
      Inputs.checkWritableTarget("--png", png);
      if (!png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
        throw UserError.because("--png %s: the heat map is a PNG image; give a file name ending"
            + " in .png", png);
      }
    }
    Backend backend = backendOption.backend();
    SqProgram program = Programs.load(file);
    Construction construction = Builds.build(constructionOption.name(), program.config(), err());
    LoopedMlp mlp = LoopedMlp.of(construction, backend);
    MachineState state;
    int[] decodedPasses = {0};
    try (Differential.PassProgress progress = new Differential.PassProgress(err(),
        "network passes before pass " + pass, pass)) {
      state = mlp.run(program.program(), program.initialState(), pass,
          MlpRun.Kept.FIRST_AND_LAST, (p, after) -> {
            decodedPasses[0] = p + 1;
            progress.afterPass(p, after);
          }).last();
    } catch (DecodeException e) {
      int failing = decodedPasses[0];
      out().printf(Locale.ROOT, "%s, %s, backend %s: the network's output after pass %d is not"
          + " a machine state (%s), so pass %d is never reached%n", file,
          Configs.format(program.config()), backend.name(), failing, e.getMessage(), pass);
      out().printf(Locale.ROOT, "see the layers of pass %d: loopmlp trace %s%s --pass %d"
          + " --backend %s%n", failing, file, constructionOption.isPaper() ? ""
          : " --construction " + constructionOption.name(), failing, backend.name());
      out().flush();
      return ExitCodes.FOUND;
    }
    int reached = pass;
    Differential.ReferenceEnd ref = Differential.referenceEnd(program.program(),
        program.initialState(), pass);
    if (ref.halted()) {
      reached = ref.steps();
      out().printf(Locale.ROOT, "note: the program halts after %s; pass %d starts from"
          + " that fixed point%n", RunCommand.steps(reached), pass);
    }
    Tracer.Trace trace = Tracer.trace(construction, backend, program.program(), state);
    StepDetail d = SubleqMachine.detail(program.program(), state);
    Instruction ins = program.program().at(state.pc());
    out().printf(Locale.ROOT, "%s, %s, %s construction, backend %s: pass %d executes slot %d:"
        + " %d %d %d%n", file, Configs.format(program.config()), constructionOption.name(),
        backend.name(), pass, state.pc(), ins.a(), ins.b(), ins.c());
    out().printf(Locale.ROOT, "reference step: mem[%d] = %d - %d = %d%s, so pc becomes %d%n",
        d.b(), d.memB(), d.memA(), d.result(), d.overflowed() ? " (wrapped)" : "",
        d.nextPc());
    int stageWidth = 5;
    int labelWidth = 5;
    for (Tracer.LayerTrace l : trace.layers()) {
      stageWidth = Math.max(stageWidth, l.stage().length());
      labelWidth = Math.max(labelWidth, l.index() < 0 ? 0 : l.label().length());
    }
    String row = "%-6s %-" + stageWidth + "s %-" + labelWidth + "s %-14s %s%n";
    out().printf(Locale.ROOT, row, "layer", "stage", "label", "hidden (!= 0)",
        "changed registers, by region");
    for (Tracer.LayerTrace l : trace.layers()) {
      String changes;
      if (l.index() < 0) {
        changes = inputSummary(l.readings());
      } else {
        changes = describe(Tracer.byRegionOfState(l.changed()));
      }
      out().printf(Locale.ROOT, row,
          l.index() < 0 ? "input" : Integer.toString(l.index()), l.stage(),
          l.index() < 0 ? "" : l.label(),
          l.hiddenValues().length == 0 ? "-"
              : l.hiddenValues().length + " (" + l.hiddenNonZero() + ")",
          changes);
    }
    MachineState expected = SubleqMachine.step(program.program(), state);
    boolean same = trace.after().map(expected::equals).orElse(false);
    if (trace.after().isPresent()) {
      MachineState after = trace.after().get();
      out().printf(Locale.ROOT, "result: pc %d; the reference machine %s%n", after.pc(),
          same ? "agrees" : "DISAGREES: expected " + expected + ", got " + after);
    } else {
      out().printf(Locale.ROOT, "result: the output is not a machine state (%s); the reference"
          + " machine gives %s%n", trace.decodeFailure().orElseThrow(), expected);
    }
    if (png != null) {
      HeatMap map = Tracer.heatMap(trace, file.getFileName() + "  " + Configs.format(
          program.config()) + "  pass " + pass + "  (slot " + state.pc() + ": " + ins.a() + " "
          + ins.b() + " " + ins.c() + ")");
      map.writePng(png);
      out().println("wrote " + png);
    }
    out().flush();
    return same ? ExitCodes.OK : ExitCodes.FOUND;
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
