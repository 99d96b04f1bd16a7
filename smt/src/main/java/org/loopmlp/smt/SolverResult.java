package org.loopmlp.smt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * A solver's answer to one script: {@code unsat} (the claim holds), {@code sat} with the values
 * of the inputs (a counterexample), or no answer (timeout, unknown, error), and the time taken.
 */
public record SolverResult(Verdict verdict, long millis, Optional<ImmutableMap<String, Long>> model,
    String detail) {
  public enum Verdict {
    UNSAT, SAT, UNKNOWN, TIMEOUT, ERROR;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public SolverResult {
    checkNotNull(verdict, "verdict");
    checkNotNull(model, "model");
    checkNotNull(detail, "detail");
  }

  static SolverResult of(Verdict v, long millis) {
    return new SolverResult(v, millis, Optional.empty(), "");
  }
}
