package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The result for one stage of either machine: its name, its roles {@code R} (several for parts
 * run side by side) and their label, the number of goals and of cases (leaves of the case split,
 * over all goals; {@code excluded} of them outside the precondition), the neuron facts decided in
 * them (ON or OFF per neuron per case), the time taken, and either proved, or a counterexample
 * ({@link Counterexample}, with a full pass {@code W} when there is one), or the case budget
 * ran out; and per layer the largest magnitude any partial sum of a neuron's dot product
 * reaches over the stage's inputs ({@link PartialSumBounds}).
 */
public record StageProof<R, W extends Refutation>(String name, ImmutableList<R> roles,
    String label, int goals, long cases, long excluded, long neuronsDecided, long millis,
    Optional<Counterexample<R, W>> counterexample, boolean budgetExceeded,
    ImmutableList<Long> layerBounds) {
  public StageProof {
    checkNotNull(name, "name");
    checkNotNull(label, "label");
    checkNotNull(layerBounds, "layerBounds");
    checkArgument(!roles.isEmpty(), "a stage has at least one role");
    checkNotNull(counterexample, "counterexample");
  }

  /** The stage's result from the search, with its roles and their label. */
  static <S, R, W extends Refutation> StageProof<R, W> of(
      LemmaSearch.Stage<S, Counterexample<R, W>> s,
      ImmutableList<R> roles, String label) {
    return new StageProof<>(s.lemma().name(), roles, label, s.goals(), s.cases(), s.excluded(),
        s.facts(), s.millis(), s.counterexample(), s.budgetExceeded(),
        java.util.Arrays.stream(s.bounds()).boxed()
            .collect(ImmutableList.toImmutableList()));
  }

  /** The (first) role of the stage. */
  public R role() {
    return roles.get(0);
  }

  /** The largest partial-sum bound of the stage's layers ({@link PartialSumBounds}). */
  public long largestBound() {
    return layerBounds.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  public boolean proved() {
    return counterexample.isEmpty() && !budgetExceeded;
  }

  /** One line: stage, roles, goals, cases (and how many excluded), facts, time, verdict. */
  public String summary() {
    String verdict = proved() ? "proved"
        : budgetExceeded ? "not proved: case budget exceeded"
        : "COUNTEREXAMPLE: " + counterexample.get().summary();
    return String.format("%-14s %-17s goals %6d  cases %9d%s  neurons decided %12d  %7d ms  %s",
        name, label, goals, cases, excluded == 0 ? "" : String.format(" (%7d excluded)", excluded),
        neuronsDecided, millis, verdict);
  }
}
