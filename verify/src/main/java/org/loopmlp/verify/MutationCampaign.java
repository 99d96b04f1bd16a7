package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.loopmlp.construction.MachineConstruction;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * Mutation testing of the checker (SPEC §9.2, tier 5), for any machine: every single
 * perturbation of one weight or bias of a construction (+1, -1, sign flip) and every dropped
 * neuron (its row set to zero) is run through the machine's checked differential campaign. A
 * mutant the campaign catches is killed; a survivor is run through the machine's {@link
 * ExhaustiveCheck} at the construction's config, which shows it equivalent (one pass equals one
 * reference step on every state) or not. A sound and thorough checker leaves no survivor that is
 * not equivalent.
 *
 * <p>Partitionable: {@link #judge} decides mutant i alone; {@link #part} counts the verdicts of
 * mutants [from, to) as a {@link Part}, and parts merged in order equal the part of all of them.
 * {@link #run} judges every mutant on every core and keeps each outcome, in mutant order.
 *
 * @param <M> the machine's construction type
 */
public final class MutationCampaign<M extends MachineConstruction<?, ?>> {
  /** How one machine kills and proves mutants. Safe to use from several threads. */
  public interface Judge<M> {
    /** The first disagreement the machine's checked campaign finds on {@code mutant}. */
    Kill kill(M mutant);

    /** The exhaustive check of a survivor at the construction's config, on one thread. */
    ExhaustiveCheck.Result<?> prove(M mutant);
  }

  /** The tries a killing campaign ran and the disagreement it stopped at, if any. */
  public record Kill(int tries, Optional<String> disagreement) {
    /** What a killing campaign's part of all its tries says. */
    public static Kill of(DifferentialCampaign.Part p) {
      return new Kill(p.failed() ? p.failingTry() + 1 : p.to() - p.from(),
          p.failed() ? Optional.of(p.failure()) : Optional.empty());
    }
  }

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
  public record Outcome(Mutant mutant, Verdict verdict, Optional<String> evidence,
      int tries, Optional<ExhaustiveCheck.Result<?>> proof) {}

  /**
   * The verdicts of mutants [from, to): per operator (in {@link Operator} order) and verdict
   * (in {@link Verdict} order) a count, and the first survivor that is not equivalent (its
   * mutant id and evidence; -1, "" when none).
   */
  public record Part(int from, int to, long[] counts, int firstSurvivor, String survivor)
      implements Serializable {
    static Part of(int index, Outcome o) {
      long[] counts = new long[Operator.values().length * Verdict.values().length];
      counts[o.mutant().operator().ordinal() * Verdict.values().length
          + o.verdict().ordinal()] = 1;
      boolean bad = o.verdict() == Verdict.SURVIVED_NOT_EQUIVALENT;
      return new Part(index, index + 1, counts, bad ? o.mutant().id() : -1,
          bad ? o.mutant() + ": " + o.evidence().orElse("") : "");
    }

    /** This part followed by {@code later} (which starts where this one ends). */
    public Part then(Part later) {
      checkArgument(later.from == to, "parts %s and %s are not adjacent", this, later);
      long[] sum = counts.clone();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += later.counts[i];
      }
      return firstSurvivor >= 0 ? new Part(from, later.to, sum, firstSurvivor, survivor)
          : new Part(from, later.to, sum, later.firstSurvivor, later.survivor);
    }

    /** Mutants of {@code op} (null: every operator) with verdict {@code v} (null: any). */
    public long count(Operator op, Verdict v) {
      long n = 0;
      for (Operator o : Operator.values()) {
        for (Verdict w : Verdict.values()) {
          if ((op == null || op == o) && (v == null || v == w)) {
            n += counts[o.ordinal() * Verdict.values().length + w.ordinal()];
          }
        }
      }
      return n;
    }

    /** Per operator and in total: mutants, killed, equivalent, non-equivalent survivors. */
    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-18s %8s %8s %11s %24s%n", "operator", "mutants",
          "killed", "equivalent", "non-equivalent survivors"));
      for (Operator op : Operator.values()) {
        row(sb, op.label(), op);
      }
      row(sb, "total", null);
      return sb.toString();
    }

    private void row(StringBuilder sb, String label, Operator op) {
      sb.append(String.format(Locale.ROOT, "%-18s %8d %8d %11d %24d%n", label,
          count(op, null), count(op, Verdict.KILLED), count(op, Verdict.EQUIVALENT),
          count(op, Verdict.SURVIVED_NOT_EQUIVALENT)));
    }
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

    /** The counts of every outcome, as one part. */
    public Part part() {
      Part p = new Part(0, 0, new long[Operator.values().length * Verdict.values().length], -1,
          "");
      for (int i = 0; i < outcomes.size(); i++) {
        p = p.then(Part.of(i, outcomes.get(i)));
      }
      return p;
    }

    /** Per operator and in total: mutants, killed, equivalent, non-equivalent survivors. */
    public String table() {
      return String.format(Locale.ROOT, "mutation testing of %s %s on %s (%d ms)%n",
          construction, config, backend, elapsed.toMillis()) + part().table();
    }
  }

  private final M construction;
  private final String backend;
  private final Judge<M> judge;
  private final int threads;

  private MutationCampaign(M construction, String backend, Judge<M> judge, int threads) {
    this.construction = construction;
    this.backend = backend;
    this.judge = judge;
    this.threads = threads;
  }

  /**
   * Mutation testing of {@code construction} (evaluated on {@code backend}), whose mutants
   * {@code judge} kills or proves; on every core.
   */
  public static <M extends MachineConstruction<?, ?>> MutationCampaign<M> of(M construction,
      String backend, Judge<M> judge) {
    return new MutationCampaign<>(checkNotNull(construction, "construction"),
        checkNotNull(backend, "backend"), checkNotNull(judge, "judge"), Partitions.everyCore());
  }

  /** The same campaign on {@code n} threads (1: in the caller's thread). */
  public MutationCampaign<M> withThreads(int n) {
    checkArgument(n >= 1, "threads must be >= 1, was %s", n);
    return new MutationCampaign<>(construction, backend, judge, n);
  }

  /**
   * Every single mutation of the construction's network, layer by layer and row by row: for each
   * stored weight +1, -1 and sign flip; for each bias +1, -1 and (when not 0) sign flip; for each
   * row that is not already zero, the dropped neuron.
   */
  public static ImmutableList<Mutant> mutants(MachineConstruction<?, ?> construction) {
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
  @SuppressWarnings("unchecked") // every construction's withNetwork returns its own type
  public static <M extends MachineConstruction<?, ?>> M apply(M construction, Mutant mutant) {
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
    return (M) construction.withNetwork(network);
  }

  /** Judges every mutant of the construction, on this campaign's threads. */
  public Report run(Progress progress) {
    return run(mutants(construction), progress);
  }

  /** Judges {@code mutants}, in order, on this campaign's threads. */
  public Report run(ImmutableList<Mutant> mutants, Progress progress) {
    checkNotNull(progress, "progress");
    long start = System.nanoTime();
    LongAdder done = new LongAdder();
    ImmutableList<Outcome> outcomes = mutants.isEmpty() ? mutants.stream().map(this::judge)
        .collect(ImmutableList.toImmutableList()) : Partitions.run(mutants.size(), threads, i -> {
      ImmutableList<Outcome> o = ImmutableList.of(judge(mutants.get(i)));
      done.increment();
      synchronized (progress) {
        progress.advanced(done.sum(), mutants.size());
      }
      return o;
    }, (a, b) -> ImmutableList.<Outcome>builder().addAll(a).addAll(b).build(), o -> false);
    return new Report(construction.name(), construction.config().toString(), backend,
        outcomes,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The verdicts of mutants [from, to) of {@link #mutants}, judged in this thread. */
  public Part part(int from, int to) {
    ImmutableList<Mutant> all = mutants(construction);
    checkArgument(0 <= from && from <= to && to <= all.size(), "range [%s, %s) of %s mutants",
        from, to, all.size());
    Part p = new Part(from, from, new long[Operator.values().length * Verdict.values().length],
        -1, "");
    for (int i = from; i < to; i++) {
      p = p.then(Part.of(i, judge(all.get(i))));
    }
    return p;
  }

  /** Mutant {@code mutant}'s verdict: killed by the campaign, else proved or not. */
  public Outcome judge(Mutant mutant) {
    M mutated = apply(construction, mutant);
    Kill kill = judge.kill(mutated);
    if (kill.disagreement().isPresent()) {
      return new Outcome(mutant, Verdict.KILLED, kill.disagreement(), kill.tries(),
          Optional.empty());
    }
    ExhaustiveCheck.Result<?> proof = judge.prove(mutated);
    return new Outcome(mutant, proof.proved() ? Verdict.EQUIVALENT
        : Verdict.SURVIVED_NOT_EQUIVALENT, proof.firstDisagreement().map(Object::toString),
        kill.tries(), Optional.of(proof));
  }
}
