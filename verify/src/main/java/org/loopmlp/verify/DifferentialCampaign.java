package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Differential testing of a looped network against its reference machine (SPEC §9.2, tier 2),
 * for any machine: try i draws a case from the seed and i alone, runs it pass by pass through the
 * network and the reference machine, and counts passes and coverage; the campaign stops at the
 * first try that disagrees, whose case the machine then turns into a counterexample (shrunk,
 * where the machine has a shrinker). Deterministic: the same {@link Trials} give the same result.
 *
 * <p>Partitionable: {@link #part} runs tries [from, to) and returns a {@link Part}; parts merged
 * in order ({@link Part#then}) equal the part of all tries, and {@link #result} turns that into a
 * {@link Result}. {@link #run} does exactly that on every core.
 *
 * @param <X> the machine's counterexample
 */
public final class DifferentialCampaign<X> {
  /** Tries per partition of {@link #run}. */
  static final int PARTITION = 8;

  /**
   * One machine's campaign: the construction (family) under test, the backend, the settings in
   * words (for the report), the number of tries, the coverage categories a try counts (in report
   * order), a maker of runners (one per thread), and the counterexample of a failing try (e.g.
   * its case, shrunk).
   */
  public record Trials<X>(String name, String backend, String settings, int tries,
      ImmutableList<String> coverage, Supplier<Runner> runners,
      IntFunction<X> counterexample) {
    public Trials {
      checkNotNull(name, "name");
      checkNotNull(backend, "backend");
      checkNotNull(settings, "settings");
      checkNotNull(coverage, "coverage");
      checkNotNull(runners, "runners");
      checkNotNull(counterexample, "counterexample");
    }
  }

  /** Runs tries. Not thread-safe (it may cache compiled networks). */
  @FunctionalInterface
  public interface Runner {
    Trial run(int index);
  }

  /**
   * One try: passes run, hits per coverage category (in {@link Trials#coverage} order), and the
   * first disagreement in one line, if any.
   */
  public record Trial(long passes, long[] coverage, Optional<String> failure) {}

  /**
   * What tries [from, to) showed: the tries run (up to and including the first failing one),
   * their passes and coverage, and the failing try with its one-line disagreement (-1, "" when
   * none failed).
   */
  public record Part(int from, int to, int tries, long passes, long[] coverage, int failingTry,
      String failure) implements Serializable {
    public boolean failed() {
      return failingTry >= 0;
    }

    /** This part followed by {@code later} (which starts where this one ends). */
    public Part then(Part later) {
      checkArgument(later.from == to, "parts %s and %s are not adjacent", this, later);
      if (failed()) {
        return new Part(from, later.to, tries, passes, coverage, failingTry, failure);
      }
      long[] sum = coverage.clone();
      for (int c = 0; c < sum.length; c++) {
        sum[c] += later.coverage[c];
      }
      return new Part(from, later.to, tries + later.tries, passes + later.passes, sum,
          later.failingTry, later.failure);
    }

    @Override
    public String toString() {
      return "Part[" + from + ", " + to + "): " + tries + " tries, " + passes + " passes, "
          + Arrays.toString(coverage) + (failed() ? ", try " + failingTry + " fails: " + failure
              : "");
    }
  }

  /**
   * What a campaign did: tries and passes run, coverage counts, and the counterexample if one
   * was found (the campaign stops at the first).
   */
  public record Result<X>(String construction, String backend, String settings, int tries,
      long passes, ImmutableMap<String, Long> coverage, Optional<X> counterexample,
      Duration elapsed) {
    /** True when no disagreement was found. */
    public boolean passed() {
      return counterexample.isEmpty();
    }

    /** How often category {@code label} was hit. */
    public long count(String label) {
      return coverage.getOrDefault(label, 0L);
    }

    /** The coverage categories never hit. */
    public ImmutableSet<String> missing() {
      return coverage.entrySet().stream().filter(e -> e.getValue() == 0).map(e -> e.getKey())
          .collect(ImmutableSet.toImmutableSet());
    }

    /** A readable report: verdict, counts, coverage, and the counterexample if any. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(construction).append(" on ").append(backend).append(", ").append(settings)
          .append(": ").append(passed() ? "PASSED" : "FAILED").append(" after ").append(tries)
          .append(" tries, ").append(passes).append(" passes in ")
          .append(elapsed.toMillis()).append(" ms\n");
      if (!coverage.isEmpty()) {
        sb.append("  coverage:");
        coverage.forEach((c, n) -> sb.append(' ').append(c).append(' ').append(n).append(','));
        sb.setLength(sb.length() - 1);
        sb.append('\n');
      }
      counterexample.ifPresent(c -> sb.append(c).append('\n'));
      return sb.toString();
    }

    @Override
    public String toString() {
      return report();
    }
  }

  private final Trials<X> trials;
  private final int threads;

  private DifferentialCampaign(Trials<X> trials, int threads) {
    this.trials = trials;
    this.threads = threads;
  }

  /** The campaign of {@code trials}, on every core. */
  public static <X> DifferentialCampaign<X> of(Trials<X> trials) {
    return new DifferentialCampaign<>(checkNotNull(trials, "trials"), Partitions.everyCore());
  }

  /** The same campaign on {@code n} threads (1: in the caller's thread). */
  public DifferentialCampaign<X> withThreads(int n) {
    checkArgument(n >= 1, "threads must be >= 1, was %s", n);
    return new DifferentialCampaign<>(trials, n);
  }

  public Trials<X> trials() {
    return trials;
  }

  /** Runs every try on this campaign's threads; see {@link #part} and {@link #result}. */
  public Result<X> run(Progress progress) {
    checkNotNull(progress, "progress");
    long start = System.nanoTime();
    int total = trials.tries();
    int parts = Math.max(1, (total + PARTITION - 1) / PARTITION);
    LongAdder done = new LongAdder();
    Part whole = Partitions.run(parts, threads, i -> {
      int from = i * PARTITION;
      return range(from, Math.min(total, from + PARTITION), () -> {
        done.increment();
        synchronized (progress) {
          progress.advanced(done.sum(), total);
        }
      });
    }, Part::then, Part::failed);
    return result(whole.to() < total ? whole.then(skipped(whole.to(), total)) : whole,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs tries [from, to) in this thread, stopping at the first that disagrees. */
  public Part part(int from, int to) {
    checkArgument(0 <= from && from <= to && to <= trials.tries(), "range [%s, %s) of %s tries",
        from, to, trials.tries());
    return range(from, to, () -> {});
  }

  /** Tries [from, to) with a fresh runner; {@code afterEach} after every try run. */
  private Part range(int from, int to, Runnable afterEach) {
    Runner runner = trials.runners().get();
    Part p = skipped(from, from);
    for (int t = from; t < to && !p.failed(); t++) {
      p = p.then(one(runner, t));
      afterEach.run();
    }
    return p.to() == to ? p : p.then(skipped(p.to(), to));
  }

  /** The result of the part of all tries: the failing try turned into a counterexample. */
  public Result<X> result(Part whole, Duration elapsed) {
    checkArgument(whole.from() == 0 && whole.to() == trials.tries(), "%s is not every try",
        whole);
    ImmutableMap.Builder<String, Long> coverage = ImmutableMap.builder();
    for (int c = 0; c < trials.coverage().size(); c++) {
      coverage.put(trials.coverage().get(c), whole.coverage()[c]);
    }
    return new Result<>(trials.name(), trials.backend(), trials.settings(), whole.tries(),
        whole.passes(), coverage.build(),
        whole.failed() ? Optional.of(trials.counterexample().apply(whole.failingTry())) : Optional.empty(),
        elapsed);
  }

  private Part one(Runner runner, int t) {
    Trial trial = runner.run(t);
    return new Part(t, t + 1, 1, trial.passes(), trial.coverage(),
        trial.failure().isPresent() ? t : -1, trial.failure().orElse(""));
  }

  /** Tries [from, to) not run (after a failing try, which the merge keeps). */
  private Part skipped(int from, int to) {
    return new Part(from, to, 0, 0, new long[trials.coverage().size()], -1, "");
  }
}
