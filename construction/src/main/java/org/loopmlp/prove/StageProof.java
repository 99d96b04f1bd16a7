package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.loopmlp.construction.stage.PaperStage;

/**
 * The result for one stage: its name and paper role, the number of cases (leaves of the case
 * split, over all goals), the neuron facts decided in them (ON or OFF per neuron per case), the
 * time taken, and either proved, or a counterexample, or the case budget ran out.
 */
public record StageProof(String name, PaperStage role, int goals, long cases, long neuronsDecided,
    long millis, Optional<Counterexample> counterexample, boolean budgetExceeded) {
  public StageProof {
    checkNotNull(name, "name");
    checkNotNull(role, "role");
    checkNotNull(counterexample, "counterexample");
  }

  public boolean proved() {
    return counterexample.isEmpty() && !budgetExceeded;
  }

  /** One line: stage, cases, facts, time, verdict. */
  public String summary() {
    String verdict = proved() ? "proved"
        : budgetExceeded ? "not proved: case budget exceeded"
        : "COUNTEREXAMPLE: " + counterexample.get().summary();
    return String.format("%-10s %-9s goals %6d  cases %9d  neurons decided %12d  %7d ms  %s",
        name, role.label(), goals, cases, neuronsDecided, millis, verdict);
  }
}
