package org.loopmlp.smt;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.prove.Counterexample;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;
import org.loopmlp.prove.StageProof;
import org.loopmlp.verify.FaultyConstructions;
import org.loopmlp.verify.MutationCampaign;

/**
 * Faulty networks against a solver: the fault fixtures ({@link FaultyConstructions}) and
 * single-parameter mutants ({@link MutationCampaign#mutants}, drawn with a seed). Our prover
 * decides each; the solver checks the stage that differs from the construction (the other
 * stages' networks are the construction's own). A network the prover rejects must be {@code sat}
 * with a model that, replayed, shows the fault in the same stage and register as the prover's
 * counterexample; one the prover accepts must be {@code unsat}.
 */
public final class FaultCampaign {
  /** One faulty network: what it is, our prover's verdict, the solver's, and the replay. */
  public record Entry(String network, String command, boolean proverRejects, String proverFault,
      String stage, SolverResult solver, Optional<Replay> replay, boolean agrees) {
    public String line() {
      return String.format(Locale.ROOT, "%-70s prover %-8s solver %-7s %7d ms  %s",
          network.length() > 70 ? network.substring(0, 70) : network,
          proverRejects ? "rejects" : "accepts", solver.verdict().label(), solver.millis(),
          agrees ? "agrees" + (proverRejects ? ": " + proverFault : "") : "DISAGREES: prover "
              + proverFault + ", solver " + solver.detail()
              + replay.map(r -> ", replay " + r.disagreement().map(d -> d.summary())
                  .orElse("none")).orElse(""));
    }
  }

  private FaultCampaign() {}

  /**
   * The fixtures, then mutants of {@code construction} drawn with {@code seed} until {@code
   * wanted} rejected and {@code wanted} accepted ones were checked (or {@code maxMutants} drawn).
   */
  public static ImmutableList<Entry> run(String construction, MachineConfig config, int wanted,
      int maxMutants, long seed, SmtSolver solver, Duration timeout, Consumer<Entry> progress) {
    List<Entry> entries = new ArrayList<>();
    String size = config.wordBits() + "," + config.dataBits() + "," + config.codeBits();
    if (construction.equals("paper")) {
      for (Map.Entry<String, Function<MachineConfig, Construction>> f
          : FaultyConstructions.all().entrySet()) {
        Construction faulty = f.getValue().apply(config);
        Entry e = judge("fixture " + f.getKey(), "loopmlp smt --construction paper --config "
            + size + " --fault " + f.getKey(), faulty, -1, solver, timeout);
        entries.add(e);
        progress.accept(e);
      }
    }
    Construction c = Constructions.build(construction, config);
    List<MutationCampaign.Mutant> mutants = new ArrayList<>(MutationCampaign.mutants(c));
    Collections.shuffle(mutants, new Random(seed));
    int rejected = 0;
    int accepted = 0;
    for (int i = 0; i < Math.min(maxMutants, mutants.size())
        && (rejected < wanted || accepted < wanted); i++) {
      MutationCampaign.Mutant m = mutants.get(i);
      Construction mutated = MutationCampaign.apply(c, m);
      ProofReport ours = Prover.prove(mutated, ProgressListener.NONE);
      boolean rejects = !ours.proved();
      if (rejects ? rejected >= wanted : accepted >= wanted) {
        continue;
      }
      Entry e = judge("mutant " + m, "loopmlp smt --construction " + construction + " --config "
          + size + " --mutant " + m.id(), mutated, m.layer(), solver, timeout);
      entries.add(e);
      progress.accept(e);
      if (rejects) {
        rejected++;
      } else {
        accepted++;
      }
    }
    return ImmutableList.copyOf(entries);
  }

  /**
   * Our prover and the solver on one network; the solver checks the stage holding {@code layer}
   * or, for {@code layer < 0}, every stage in order up to the first that is not unsat.
   */
  static Entry judge(String what, String command, Construction network, int layer,
      SmtSolver solver, Duration timeout) {
    ProofReport ours = Prover.prove(network, ProgressListener.NONE);
    Optional<StageProof> failing = ours.stages().stream().filter(p -> !p.proved()).findFirst();
    String proverFault = failing.map(p -> p.name() + " " + p.counterexample()
        .map(FaultCampaign::register).orElse("budget")).orElse("none");
    Subject s = Subject.paper(network);
    ImmutableList<Script> scripts = Scripts.stages(s);
    SolverResult result = null;
    Script checked = null;
    for (Script script : scripts) {
      Subject.Span span = script.span().orElseThrow();
      if (layer >= 0 && (layer < span.first() || layer >= span.first() + span.count())) {
        continue;
      }
      checked = script;
      result = solver.check(script, timeout);
      if (result.verdict() != SolverResult.Verdict.UNSAT) {
        break;
      }
    }
    Optional<Replay> replay = Optional.empty();
    boolean agrees;
    if (result.verdict() == SolverResult.Verdict.SAT) {
      Replay r = Replay.of(checked, result, command);
      replay = Optional.of(r);
      String stage = checked.span().orElseThrow().name();
      agrees = failing.isPresent() && failing.get().name().equals(stage)
          && failing.get().counterexample().map(FaultCampaign::register)
              .map(x -> x.equals(r.failingRegister())).orElse(false);
    } else {
      agrees = failing.isEmpty() && result.verdict() == SolverResult.Verdict.UNSAT;
    }
    return new Entry(what, command, failing.isPresent(), proverFault,
        checked.span().orElseThrow().name(), result, replay, agrees);
  }

  /** The register of a prover counterexample's direction ({@code r} for {@code r.bit[3]}). */
  private static String register(Counterexample c) {
    String d = c.direction();
    int bit = d.indexOf(".bit[");
    return bit >= 0 ? d.substring(0, bit) : d;
  }
}
