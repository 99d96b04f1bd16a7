package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Optional;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The result of proving every stage lemma of the classic construction for all inputs of one
 * config: one {@link Stage} per stage, the total time, and where the certificate and network
 * were written (if they were).
 */
public record ClassicProofReport(ClassicConfig config, ImmutableList<Stage> stages, long millis,
    Optional<Path> certificate, Optional<Path> network) {
  public ClassicProofReport {
    checkNotNull(config, "config");
    checkNotNull(stages, "stages");
    checkNotNull(certificate, "certificate");
    checkNotNull(network, "network");
  }

  /**
   * One stage: its name and roles, goals, cases (leaves; {@code excluded} of them outside the
   * precondition), neuron facts, time, and either proved, a counterexample, or out of budget.
   */
  public record Stage(String name, String roles, int goals, long cases, long excluded,
      long neuronsDecided, long millis, Optional<ClassicCounterexample> counterexample,
      boolean budgetExceeded) {
    public boolean proved() {
      return counterexample.isEmpty() && !budgetExceeded;
    }

    public String summary() {
      String verdict = proved() ? "proved"
          : budgetExceeded ? "not proved: case budget exceeded"
          : "COUNTEREXAMPLE: " + counterexample.get().summary();
      return String.format("%-14s %-18s goals %5d  cases %9d (%7d excluded)  neurons decided"
          + " %12d  %7d ms  %s", name, roles, goals, cases, excluded, neuronsDecided, millis,
          verdict);
    }
  }

  public boolean proved() {
    return stages.stream().allMatch(Stage::proved);
  }

  public Optional<ClassicCounterexample> firstCounterexample() {
    return stages.stream().flatMap(s -> s.counterexample().stream()).findFirst();
  }

  public long cases() {
    return stages.stream().mapToLong(Stage::cases).sum();
  }

  /** A table: one line per stage, then the verdict and total time. */
  public String summary() {
    StringBuilder s = new StringBuilder("prove classic ").append(config).append('\n');
    stages.forEach(p -> s.append(p.summary()).append('\n'));
    s.append(proved() ? "all " + stages.size() + " stage lemmas proved" : "NOT PROVED")
        .append(" for all inputs; ").append(cases()).append(" cases in ").append(millis)
        .append(" ms");
    certificate.ifPresent(c -> s.append("\ncertificate ").append(c));
    network.ifPresent(n -> s.append("\nnetwork ").append(n));
    return s.toString();
  }
}
