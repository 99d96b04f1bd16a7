package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * Mutation testing of the checker (SPEC §9.2, tier 5): every single perturbation of one weight
 * or bias of a construction (+1, -1, sign flip) and every dropped neuron (its row set to zero)
 * is run through a checked differential campaign. A mutant the campaign catches is killed; a
 * survivor is run through the {@link ExhaustiveCheck} at the construction's config, which shows
 * it equivalent (one pass equals one reference step on every state) or not. A sound and
 * thorough checker leaves no survivor that is not equivalent.
 */
public final class MutationCampaign {
  /** How one parameter is perturbed. */
  public enum Operator {
    WEIGHT_PLUS_ONE, WEIGHT_MINUS_ONE, WEIGHT_NEGATED, BIAS_PLUS_ONE, BIAS_MINUS_ONE,
    BIAS_NEGATED, NEURON_DROPPED;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One mutant: the layer, the row (its output direction), the column (its input direction, -1
   * for a bias or a dropped neuron), the operator, and the parameter before and after.
   */
  public record Mutant(int id, int layer, String layerLabel, int row, String neuron, int column,
      String input, Operator operator, Rational before, Rational after) {
    @Override
    public String toString() {
      return "#" + id + " layer " + layer + " (" + layerLabel + "), neuron " + neuron
          + (column >= 0 ? ", weight from " + input : "") + ": " + operator.label() + " ("
          + before + " -> " + after + ")";
    }
  }

  /** What became of a mutant. */
  public enum Verdict {
    /** The campaign found a disagreement. */
    KILLED,
    /** The campaign found none and the exhaustive check shows the mutant correct on all states. */
    EQUIVALENT,
    /** The campaign found none but the exhaustive check found a state where it is wrong. */
    SURVIVED_NOT_EQUIVALENT
  }

  /**
   * A mutant's verdict, with the disagreement that killed it or that the exhaustive check found,
   * and the exhaustive check's result for a survivor.
   */
  public record Outcome(Mutant mutant, Verdict verdict, Optional<Disagreement> evidence,
      int tries, Optional<ExhaustiveCheck.Result> proof) {}

  /** Sees the mutation campaign advance. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void mutantDone(int done, int total);
  }

  /** All outcomes and the table of counts. */
  public record Report(String construction, String config, String backend,
      ImmutableList<Outcome> outcomes, Duration elapsed) {
    public int mutants() {
      return outcomes.size();
    }

    public long count(Verdict v) {
      return outcomes.stream().filter(o -> o.verdict() == v).count();
    }

    public long killed() {
      return count(Verdict.KILLED);
    }

    public long equivalent() {
      return count(Verdict.EQUIVALENT);
    }

    public long nonEquivalentSurvivors() {
      return count(Verdict.SURVIVED_NOT_EQUIVALENT);
    }

    /** Per operator and in total: mutants, killed, equivalent, non-equivalent survivors. */
    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "mutation testing of %s %s on %s (%d ms)%n",
          construction, config, backend, elapsed.toMillis()));
      sb.append(String.format(Locale.ROOT, "%-18s %8s %8s %11s %24s%n", "operator", "mutants",
          "killed", "equivalent", "non-equivalent survivors"));
      for (Operator op : Operator.values()) {
        long n = outcomes.stream().filter(o -> o.mutant().operator() == op).count();
        long k = outcomes.stream().filter(o -> o.mutant().operator() == op
            && o.verdict() == Verdict.KILLED).count();
        long e = outcomes.stream().filter(o -> o.mutant().operator() == op
            && o.verdict() == Verdict.EQUIVALENT).count();
        sb.append(String.format(Locale.ROOT, "%-18s %8d %8d %11d %24d%n", op.label(), n, k, e,
            n - k - e));
      }
      sb.append(String.format(Locale.ROOT, "%-18s %8d %8d %11d %24d%n", "total", mutants(),
          killed(), equivalent(), nonEquivalentSurvivors()));
      return sb.toString();
    }
  }

  private final Construction construction;
  private final Backend backend;

  private MutationCampaign(Construction construction, Backend backend) {
    this.construction = construction;
    this.backend = backend;
  }

  public static MutationCampaign of(Construction construction, Backend backend) {
    return new MutationCampaign(checkNotNull(construction, "construction"),
        checkNotNull(backend, "backend"));
  }

  /**
   * Every single mutation of the construction's network, layer by layer and row by row: for each
   * stored weight +1, -1 and sign flip; for each bias +1, -1 and (when not 0) sign flip; for each
   * row that is not already zero, the dropped neuron.
   */
  public static ImmutableList<Mutant> mutants(Construction construction) {
    ImmutableList.Builder<Mutant> b = ImmutableList.builder();
    int id = 0;
    for (int li = 0; li < construction.depth(); li++) {
      SparseLayer layer = construction.layer(li).layer();
      StateLayout in = li == 0 ? construction.layout()
          : construction.layer(li - 1).outputLayout();
      StateLayout out = construction.layer(li).outputLayout();
      String label = construction.layer(li).label();
      for (int r = 0; r < layer.outputDimension(); r++) {
        String neuron = out.direction(r).name();
        for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
          Rational w = layer.weight(k);
          int col = layer.column(k);
          String input = in.direction(col).name();
          b.add(new Mutant(id++, li, label, r, neuron, col, input, Operator.WEIGHT_PLUS_ONE, w,
              w.add(Rational.ONE)));
          b.add(new Mutant(id++, li, label, r, neuron, col, input, Operator.WEIGHT_MINUS_ONE, w,
              w.subtract(Rational.ONE)));
          b.add(new Mutant(id++, li, label, r, neuron, col, input, Operator.WEIGHT_NEGATED, w,
              w.negate()));
        }
        Rational bias = layer.bias(r);
        b.add(new Mutant(id++, li, label, r, neuron, -1, "", Operator.BIAS_PLUS_ONE, bias,
            bias.add(Rational.ONE)));
        b.add(new Mutant(id++, li, label, r, neuron, -1, "", Operator.BIAS_MINUS_ONE, bias,
            bias.subtract(Rational.ONE)));
        if (!bias.isZero()) {
          b.add(new Mutant(id++, li, label, r, neuron, -1, "", Operator.BIAS_NEGATED, bias,
              bias.negate()));
        }
        if (!bias.isZero() || layer.rowEnd(r) > layer.rowStart(r)) {
          b.add(new Mutant(id++, li, label, r, neuron, -1, "", Operator.NEURON_DROPPED, bias,
              Rational.ZERO));
        }
      }
    }
    return b.build();
  }

  /** The construction with {@code mutant} applied (same layout, lemmas and invariants). */
  public static Construction apply(Construction construction, Mutant mutant) {
    SparseLayer layer = construction.layer(mutant.layer()).layer();
    SparseLayer mutated;
    switch (mutant.operator()) {
      case WEIGHT_PLUS_ONE:
      case WEIGHT_MINUS_ONE:
      case WEIGHT_NEGATED:
        mutated = layer.withWeight(mutant.row(), mutant.column(), mutant.after());
        break;
      case BIAS_PLUS_ONE:
      case BIAS_MINUS_ONE:
      case BIAS_NEGATED:
        mutated = layer.withBias(mutant.row(), mutant.after());
        break;
      case NEURON_DROPPED:
        mutated = layer.withBias(mutant.row(), Rational.ZERO);
        for (int k = layer.rowStart(mutant.row()); k < layer.rowEnd(mutant.row()); k++) {
          mutated = mutated.withWeight(mutant.row(), layer.column(k), Rational.ZERO);
        }
        break;
      default:
        throw new AssertionError(mutant.operator());
    }
    Network network = construction.network().withLayer(mutant.layer(), mutated);
    return construction.withNetwork(network);
  }

  /**
   * Runs every mutant through a checked campaign with {@code settings} (whose configs must be
   * exactly this construction's config), then every survivor through the exhaustive check.
   */
  public Report run(DifferentialCampaign.Settings settings, Progress progress) {
    return run(mutants(construction), settings, progress);
  }

  /** The same for a chosen list of mutants. */
  public Report run(ImmutableList<Mutant> mutants, DifferentialCampaign.Settings settings,
      Progress progress) {
    checkNotNull(settings, "settings");
    checkArgument(settings.configs().equals(ConfigRange.exactly(construction.config())),
        "a mutation campaign runs at the construction's config %s only, not %s",
        construction.config(), settings.configs());
    long start = System.nanoTime();
    ImmutableList.Builder<Outcome> outcomes = ImmutableList.builder();
    int done = 0;
    for (Mutant mutant : mutants) {
      Construction mutated = apply(construction, mutant);
      outcomes.add(judge(mutant, mutated, settings));
      progress.mutantDone(++done, mutants.size());
    }
    return new Report(construction.name(), construction.config().toString(), backend.name(),
        outcomes.build(), Duration.ofNanos(System.nanoTime() - start));
  }

  private Outcome judge(Mutant mutant, Construction mutated,
      DifferentialCampaign.Settings settings) {
    CaseRunner runner = new CaseRunner(c -> mutated, backend, settings.checked());
    for (int t = 0; t < settings.tries(); t++) {
      Optional<Disagreement> d = runner.fails(DifferentialCampaign.draw(settings, t));
      if (d.isPresent()) {
        return new Outcome(mutant, Verdict.KILLED, d, t + 1, Optional.empty());
      }
    }
    // The smaller enumeration is a proof only where the mutant's weights show the other slots
    // irrelevant; otherwise every program is enumerated.
    ExhaustiveCheck.Scope s = SlotIndependence.check(mutated).isEmpty()
        ? ExhaustiveCheck.Scope.SLOT_AT_PC : ExhaustiveCheck.Scope.ALL_PROGRAMS;
    ExhaustiveCheck.Result proof = ExhaustiveCheck.of(mutated, backend)
        .run(s, ExhaustiveCheck.Progress.NONE);
    return new Outcome(mutant, proof.proved() ? Verdict.EQUIVALENT
        : Verdict.SURVIVED_NOT_EQUIVALENT, proof.firstDisagreement(), settings.tries(),
        Optional.of(proof));
  }
}
