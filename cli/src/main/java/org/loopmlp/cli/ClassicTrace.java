package org.loopmlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * {@code trace FILE.slq --isa classic --pass P}: the reference machine runs to pass P, then one
 * pass of the classic network shows, after every layer, the registers whose value changed
 * (decoded from their bits) and how many hidden neurons are active; the pass's decoded output
 * is compared with the reference step.
 */
final class ClassicTrace {
  private ClassicTrace() {}

  static int run(TraceCommand command) {
    Path file = command.file;
    String construction = command.constructionOption.classicName();
    long pass = command.pass;
    Backend backend = command.backendOption.backend();
    PrintWriter out = command.out();
    ClassicOptions.Loaded p = command.classicOptions.load(file);
    ByteInput in = ByteInput.of(p.input());
    ClassicRun before = ClassicRunner.run(p.initial(), in, ByteOutput.discard(), pass);
    ClassicState state = before.finalState();
    int offered = in.peek();
    ClassicStepDetail d = ClassicStepContext.of(state, offered).detail();
    ClassicOptions.requireMemory(construction, p.config());
    ClassicConstruction c = ClassicConstruction.build(construction, p.config());
    ClassicLoopedMlp mlp = ClassicLoopedMlp.checked(c, backend);
    out.printf(Locale.ROOT, "%s: classic N=%d, 2^%d words, pass %d: %s at pc %d (a=%d, b=%d,"
        + " c=%d), input offered %d%n", file, p.config().wordBits(), p.config().memoryBits(),
        before.steps(), d.op(), d.pc(), d.a(), d.b(), d.c(), offered);
    List<Register> registers = new ArrayList<>(c.layout().registers());
    long[] previous = new long[registers.size()];
    StateVector start = mlp.codec().encode(state, offered);
    for (int k = 0; k < registers.size(); k++) {
      previous[k] = value(start, c, registers.get(k));
    }
    ClassicPassOutput o = mlp.tracePass(state, offered, (index, layer, output) -> {
      LayerInfo info = c.layer(index);
      StringBuilder changed = new StringBuilder();
      for (int k = 0; k < registers.size(); k++) {
        long v = value(output, c, registers.get(k));
        if (v != previous[k]) {
          changed.append(changed.length() == 0 ? "" : ", ").append(registers.get(k).name())
              .append(" = ").append(v);
          previous[k] = v;
        }
      }
      int active = 0;
      for (int i = c.layout().dimension(); i < output.dimension(); i++) {
        active += output.isZero(i) ? 0 : 1;
      }
      out.printf(Locale.ROOT, "  layer %d %-26s %5d of %5d hidden active; %s%n", index,
          "(" + info.label() + ")", active, info.hiddenCount(),
          changed.length() == 0 ? "no register changed" : changed);
    });
    out.printf(Locale.ROOT, "pass output: pc %d, %s, printed %d, executed %s (reference: pc %d,"
        + " printed %d); every layer within its invariant, every stage lemma holds%n",
        o.state().pc(), o.taken() ? "input taken" : "no input taken", o.output(), o.executed(),
        d.nextPc(), d.output());
    out.flush();
    return ExitCodes.OK;
  }

  /** A register's value read from its directions (any non-zero entry as 1). */
  private static long value(StateVector v, ClassicConstruction c, Register r) {
    List<Integer> bits = new ArrayList<>();
    for (var d : r.bits()) {
      Rational x = v.get(c.layout().indexOf(d));
      bits.add(x.isZero() ? 0 : 1);
    }
    return r.valueOf(bits);
  }
}
