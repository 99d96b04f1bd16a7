package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.stream.Collectors;
import org.loopmlp.construction.stage.PaperStage;

/**
 * The result for one stage: its name and paper roles (several for parts run side by side), the
 * number of cases (leaves of the case split, over all goals), the neuron facts decided in them
 * (ON or OFF per neuron per case), the time taken, and either proved, or a counterexample, or the
 * case budget ran out; and per layer the largest magnitude any partial sum of a neuron's dot
 * product reaches over the stage's inputs ({@link PartialSumBounds}).
 */
public record StageProof(String name, ImmutableList<PaperStage> roles, int goals, long cases,
    long neuronsDecided, long millis, Optional<Counterexample> counterexample, boolean budgetExceeded,
    ImmutableList<Long> layerBounds) {
  public StageProof {
    checkNotNull(name, "name");
    checkNotNull(layerBounds, "layerBounds");
    checkArgument(!roles.isEmpty(), "a stage has at least one role");
    checkNotNull(counterexample, "counterexample");
  }

  /** The (first) paper role of the stage. */
  public PaperStage role() {
    return roles.get(0);
  }

  /** The roles' labels joined by {@code " + "}, e.g. {@code fetch + next pc}. */
  public String label() {
    return roles.stream().map(PaperStage::label).collect(Collectors.joining(" + "));
  }

  /** The largest partial-sum bound of the stage's layers ({@link PartialSumBounds}). */
  public long largestBound() {
    return layerBounds.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  public boolean proved() {
    return counterexample.isEmpty() && !budgetExceeded;
  }

  /** One line: stage, cases, facts, time, verdict. */
  public String summary() {
    String verdict = proved() ? "proved"
        : budgetExceeded ? "not proved: case budget exceeded"
        : "COUNTEREXAMPLE: " + counterexample.get().summary();
    return String.format("%-14s %-17s goals %6d  cases %9d  neurons decided %12d  %7d ms  %s",
        name, label(), goals, cases, neuronsDecided, millis, verdict);
  }
}
