package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.loopmlp.certcheck.FloatFormat;

/**
 * The result of proving every stage lemma of a construction of either machine (config {@code
 * K}, roles {@code R}, full passes of counterexamples {@code W}) for all inputs of one config:
 * one {@link StageProof} per stage, the total time, and where the certificate and network were
 * written (if they were).
 */
public record ProofReport<K, R, W extends Refutation>(String construction, K config,
    ImmutableList<StageProof<R, W>> stages, long millis, Optional<Path> certificate,
    Optional<Path> network) {
  public ProofReport {
    checkNotNull(construction, "construction");
    checkNotNull(config, "config");
    checkNotNull(stages, "stages");
    checkNotNull(certificate, "certificate");
    checkNotNull(network, "network");
  }

  /** The same report, with the network file written beside the certificate. */
  ProofReport<K, R, W> withNetwork(Path file) {
    return new ProofReport<>(construction, config, stages, millis, certificate,
        Optional.of(file));
  }

  /** True when every stage is proved. */
  public boolean proved() {
    return stages.stream().allMatch(StageProof::proved);
  }

  /** The first counterexample, if any stage has one. */
  public Optional<Counterexample<R, W>> firstCounterexample() {
    return stages.stream().flatMap(s -> s.counterexample().stream()).findFirst();
  }

  /** The largest partial-sum bound of any layer of the pass. */
  public long largestBound() {
    return stages.stream().mapToLong(StageProof::largestBound).max().orElse(0);
  }

  /**
   * The narrowest format in which every layer of the pass is exact (every partial sum within
   * 2^p), or empty when none is; with the lemmas proved, one pass evaluated in that format (any
   * summation order, each layer's output stored rounded to nearest) equals one machine step.
   */
  public Optional<FloatFormat> narrowestExactFormat() {
    return Optional.ofNullable(FloatFormat.narrowestFor(BigInteger.valueOf(largestBound())));
  }

  /** True when the lemmas are proved and every layer is exact in {@code format}. */
  public boolean provedIn(FloatFormat format) {
    return proved() && format.holdsIntegersUpTo(BigInteger.valueOf(largestBound()));
  }

  public long cases() {
    return stages.stream().mapToLong(StageProof::cases).sum();
  }

  /** A table: one line per stage, then the verdict and total time. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("prove ").append(construction).append(" ").append(config).append('\n');
    stages.forEach(p -> s.append(p.summary()).append('\n'));
    s.append(proved() ? "all " + stages.size() + " stage lemmas proved" : "NOT PROVED")
        .append(" for all inputs; ").append(cases()).append(" cases in ").append(millis)
        .append(" ms");
    s.append("\nlargest partial sum of any neuron ").append(largestBound()).append(": ")
        .append(narrowestExactFormat().map(f -> "every layer exact in " + f.label()
            + (f == FloatFormat.FLOAT64 ? "" : " and wider")).orElse("not exact in float64"));
    certificate.ifPresent(c -> s.append("\ncertificate ").append(c));
    network.ifPresent(n -> s.append("\nnetwork ").append(n));
    return s.toString();
  }
}
