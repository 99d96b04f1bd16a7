package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.loopmlp.construction.CheckedObserver;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.DecodedState;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.StepDetail;

/**
 * Runs one {@link TestCase} through a construction's looped network on one backend and through
 * the reference machine, pass by pass, looping the network's own output vector; reports the first
 * disagreement and what the run covered. In checked mode every pass also checks every layer's
 * invariants and every stage's lemma ({@link CheckedObserver}); otherwise a pass is judged by its
 * decoded output and a failing pass is replayed in checked mode to name the stage, layer and
 * direction. Not thread-safe (caches compiled networks per config).
 */
final class CaseRunner {
  private final Function<MachineConfig, Construction> constructions;
  private final Backend backend;
  private final boolean checked;
  private final Map<MachineConfig, Compiled> cache = new HashMap<>();

  private record Compiled(Construction construction, Backend.Compiled network, StateCodec codec) {}

  /** The outcome of one case: the first disagreement, if any, and coverage counts. */
  record Outcome(Optional<Disagreement> disagreement, Map<Coverage, Long> coverage, int passes) {}

  CaseRunner(Function<MachineConfig, Construction> constructions, Backend backend,
      boolean checked) {
    this.constructions = checkNotNull(constructions, "constructions");
    this.backend = checkNotNull(backend, "backend");
    this.checked = checked;
  }

  Backend backend() {
    return backend;
  }

  Construction construction(MachineConfig config) {
    return compiled(config).construction();
  }

  private Compiled compiled(MachineConfig config) {
    return cache.computeIfAbsent(config, c -> {
      Construction construction = constructions.apply(c);
      return new Compiled(construction, backend.compile(construction.network()),
          StateCodec.forConstruction(construction));
    });
  }

  /** The first disagreement of the case, if any. */
  Optional<Disagreement> fails(TestCase tc) {
    return run(tc).disagreement();
  }

  Outcome run(TestCase tc) {
    Compiled c = compiled(tc.config());
    Map<Coverage, Long> coverage = new EnumMap<>(Coverage.class);
    MachineState current = tc.state();
    StateVector x = c.network().load(c.codec().encode(tc.program(), current));
    for (int pass = 0; pass < tc.passes(); pass++) {
      PaperStep step = PaperStep.of(tc.program(), current);
      count(coverage, step.detail(), tc.config());
      Optional<Disagreement> d;
      StateVector out = null;
      try {
        if (checked) {
          CheckedObserver<PaperStep> observer =
              CheckedObserver.forPass(c.construction(), step, pass);
          observer.beforePass(x);
          out = c.network().apply(x, observer);
        } else {
          out = c.network().apply(x);
        }
        d = compareOutput(c, step, pass, out);
      } catch (LemmaViolation v) {
        d = Optional.of(fromViolation(v, pass));
      } catch (ArithmeticException notFinite) {
        d = Optional.of(notFinite(notFinite, pass, step));
      }
      if (d.isPresent()) {
        Disagreement found = d.get();
        if (!checked && found.layer() < 0) {
          found = diagnose(c, step, pass, x).orElse(found);
        }
        return new Outcome(Optional.of(found), coverage, pass + 1);
      }
      if (step.after().equals(current)) {
        coverage.merge(Coverage.HALT_REACHED, 1L, Long::sum);
        return new Outcome(Optional.empty(), coverage, pass + 1);
      }
      current = step.after();
      x = out;
    }
    return new Outcome(Optional.empty(), coverage, tc.passes());
  }

  private static void count(Map<Coverage, Long> coverage, StepDetail d, MachineConfig config) {
    coverage.merge(d.branch() ? Coverage.BRANCH_TAKEN : Coverage.BRANCH_NOT_TAKEN, 1L,
        Long::sum);
    if (d.overflowed()) {
      coverage.merge(Coverage.OVERFLOW, 1L, Long::sum);
    }
    if (d.a() == d.b()) {
      coverage.merge(Coverage.A_EQUALS_B, 1L, Long::sum);
    }
    long min = config.minWord();
    if (d.memA() == min || d.memB() == min || d.result() == min) {
      coverage.merge(Coverage.MOST_NEGATIVE, 1L, Long::sum);
    }
    if (!d.branch() && d.pc() == config.codeSize() - 1) {
      coverage.merge(Coverage.PC_WRAP, 1L, Long::sum);
    }
  }

  /** Decodes the pass output and compares it with the reference step's state after. */
  private Optional<Disagreement> compareOutput(Compiled c, PaperStep step, int pass,
      StateVector out) {
    DecodedState decoded;
    try {
      decoded = c.codec().decode(out);
    } catch (DecodeException e) {
      return Optional.of(new Disagreement(pass, "decode", "pass output", -1, "output",
          e.direction().name(), "an encoding (bits 0/1, scratch 0)", e.value().toString(),
          step.before(), step.detail()));
    }
    for (int q = 0; q < step.program().slots().size(); q++) {
      Instruction want = step.program().at(q);
      Instruction got = decoded.program().at(q);
      if (!want.equals(got)) {
        return Optional.of(new Disagreement(pass, "program", "pass output", -1, "output",
            "code[" + q + "]", want.toString(), got.toString(), step.before(), step.detail()));
      }
    }
    MachineState want = step.after();
    MachineState got = decoded.state();
    if (want.pc() != got.pc()) {
      return Optional.of(new Disagreement(pass, "state", "pass output", -1, "output", "pc",
          Integer.toString(want.pc()), Integer.toString(got.pc()), step.before(),
          step.detail()));
    }
    for (int i = 0; i < want.config().dataSize(); i++) {
      if (want.word(i) != got.word(i)) {
        return Optional.of(new Disagreement(pass, "state", "pass output", -1, "output",
            "mem[" + i + "]", Long.toString(want.word(i)), Long.toString(got.word(i)),
            step.before(), step.detail()));
      }
    }
    return Optional.empty();
  }

  /** Replays a failing pass in checked mode to find the stage, layer and direction. */
  private Optional<Disagreement> diagnose(Compiled c, PaperStep step, int pass,
      StateVector input) {
    try {
      CheckedObserver<PaperStep> observer = CheckedObserver.forPass(c.construction(), step, pass);
      observer.beforePass(input);
      c.network().apply(input, observer);
      return Optional.empty();
    } catch (LemmaViolation v) {
      return Optional.of(fromViolation(v, pass));
    } catch (ArithmeticException notFinite) {
      return Optional.of(notFinite(notFinite, pass, step));
    }
  }

  /**
   * A floating-point backend overflowed to infinity (e.g. float16 beyond 65504): the entry has
   * no exact value to check, which is a disagreement in itself.
   */
  private static Disagreement notFinite(ArithmeticException e, int pass, PaperStep step) {
    return new Disagreement(pass, "not finite", "pass", -1, "output", "an entry",
        "a finite value", String.valueOf(e.getMessage()), step.before(), step.detail());
  }

  private static Disagreement fromViolation(LemmaViolation v, int pass) {
    return new Disagreement(pass, v.kind().name().toLowerCase(java.util.Locale.ROOT),
        v.stage(), v.layer(), v.layerLabel(), v.direction().name(), v.expected(),
        v.got().toString(), v.step(PaperStep.class).before(), v.step(PaperStep.class).detail());
  }
}
