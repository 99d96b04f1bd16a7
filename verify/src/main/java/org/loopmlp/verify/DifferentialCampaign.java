package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.MachineConfig;

/**
 * Differential testing of a construction against the reference machine (SPEC §9.2, tier 2):
 * draws {@code tries} cases from a seeded {@link MachineGenerator}, runs each for up to {@code
 * passes} passes through the looped network and the reference machine, counts {@link Coverage},
 * and at the first disagreement shrinks the case to a {@link Counterexample} (down to smaller
 * configs than the ones drawn, when the construction family has them). Deterministic: the
 * same construction, backend and settings give the same result.
 */
public final class DifferentialCampaign {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int MAX_SHRINK_ATTEMPTS = 5_000;

  private final String name;
  private final Function<MachineConfig, Construction> constructions;
  private final ConfigRange supported;
  private final Backend backend;

  /**
   * How to run a campaign.
   *
   * @param configs the configs to draw from
   * @param tries how many cases to draw
   * @param passes passes per case (a case also stops at a fixed point)
   * @param seed the seed; the same seed draws the same cases
   * @param checked check every layer's invariants and every stage's lemma in every pass (else
   *     judge each pass by its decoded output only)
   */
  public record Settings(ConfigRange configs, int tries, int passes, long seed,
      boolean checked) {
    public Settings {
      checkNotNull(configs, "configs");
      checkArgument(tries >= 1, "tries must be >= 1, was %s", tries);
      checkArgument(passes >= 1, "passes must be >= 1, was %s", passes);
    }

    /** Checked campaign over {@code configs}: 8 passes per try. */
    public static Settings of(ConfigRange configs, int tries, long seed) {
      return new Settings(configs, tries, 8, seed, true);
    }

    public Settings withPasses(int n) {
      return new Settings(configs, tries, n, seed, checked);
    }

    public Settings withChecked(boolean c) {
      return new Settings(configs, tries, passes, seed, c);
    }

    public Settings withTries(int n) {
      return new Settings(configs, n, passes, seed, checked);
    }
  }

  /** Sees the campaign advance (e.g. to draw a progress bar). */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    /** Called after each try (and once more when shrinking is done). */
    void tried(int done, int total);
  }

  /**
   * What a campaign did: tries and passes run, coverage counts, and the counterexample if one
   * was found (the campaign stops at the first).
   */
  public record Result(String construction, String backend, Settings settings, int tries,
      long passes, ImmutableMap<Coverage, Long> coverage,
      Optional<Counterexample> counterexample, Duration elapsed) {
    /** True when no disagreement was found. */
    public boolean passed() {
      return counterexample.isEmpty();
    }

    /** How often {@code c} was hit. */
    public long count(Coverage c) {
      return coverage.getOrDefault(c, 0L);
    }

    /** The coverage categories never hit. */
    public ImmutableSet<Coverage> missing() {
      ImmutableSet.Builder<Coverage> b = ImmutableSet.builder();
      for (Coverage c : Coverage.values()) {
        if (count(c) == 0) {
          b.add(c);
        }
      }
      return b.build();
    }

    /** A readable report: verdict, counts, coverage, and the counterexample if any. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(construction).append(" on ").append(backend).append(", configs ")
          .append(settings.configs()).append(", seed ").append(settings.seed())
          .append(settings.checked() ? ", checked" : ", end-to-end").append(": ")
          .append(passed() ? "PASSED" : "FAILED").append(" after ").append(tries)
          .append(" tries, ").append(passes).append(" passes in ")
          .append(elapsed.toMillis()).append(" ms\n");
      sb.append("  coverage:");
      for (Coverage c : Coverage.values()) {
        sb.append(' ').append(c.label()).append(' ').append(count(c)).append(',');
      }
      sb.setLength(sb.length() - 1);
      sb.append('\n');
      counterexample.ifPresent(c -> sb.append(c).append('\n'));
      return sb.toString();
    }

    @Override
    public String toString() {
      return report();
    }
  }

  private DifferentialCampaign(String name, Function<MachineConfig, Construction> constructions,
      ConfigRange supported, Backend backend) {
    this.name = name;
    this.constructions = constructions;
    this.supported = supported;
    this.backend = backend;
  }

  /**
   * A campaign for the construction family {@code constructions} (one construction per config,
   * built once each) on {@code backend}.
   */
  public static DifferentialCampaign of(String name,
      Function<MachineConfig, Construction> constructions, Backend backend) {
    checkNotNull(name, "name");
    checkNotNull(constructions, "constructions");
    checkNotNull(backend, "backend");
    Map<MachineConfig, Construction> cache = new ConcurrentHashMap<>();
    return new DifferentialCampaign(name, c -> cache.computeIfAbsent(c, constructions),
        ConfigRange.upTo(MachineConfig.MAX_WORD_BITS, MachineConfig.MAX_DATA_BITS,
            MachineConfig.MAX_CODE_BITS), backend);
  }

  /** A campaign for the paper construction ({@link PaperConstruction}) on {@code backend}. */
  public static DifferentialCampaign paper(Backend backend) {
    return of(PaperConstruction.NAME, PaperConstruction::build, backend);
  }

  /** A campaign for one fixed construction (e.g. a mutant): its config only. */
  public static DifferentialCampaign ofConstruction(Construction construction, Backend backend) {
    checkNotNull(construction, "construction");
    return new DifferentialCampaign(construction.name(), c -> {
      checkArgument(c.equals(construction.config()), "%s is built for %s only, not %s",
          construction.name(), construction.config(), c);
      return construction;
    }, ConfigRange.exactly(construction.config()), backend);
  }

  public String name() {
    return name;
  }

  public Backend backend() {
    return backend;
  }

  /** The case a campaign with {@code settings} draws at try {@code tryIndex}. */
  public static TestCase draw(Settings settings, int tryIndex) {
    SplittableRandom rnd = new SplittableRandom(settings.seed() + GOLDEN * (tryIndex + 1L));
    return MachineGenerator.over(settings.configs()).testCase(rnd, settings.passes());
  }

  /** Runs the campaign. */
  public Result run(Settings settings, Progress progress) {
    checkNotNull(settings, "settings");
    checkNotNull(progress, "progress");
    long start = System.nanoTime();
    CaseRunner runner = new CaseRunner(constructions, backend, settings.checked());
    Map<Coverage, Long> coverage = new EnumMap<>(Coverage.class);
    long passes = 0;
    for (int t = 0; t < settings.tries(); t++) {
      TestCase tc = draw(settings, t);
      CaseRunner.Outcome o = runner.run(tc);
      passes += o.passes();
      o.coverage().forEach((k, v) -> coverage.merge(k, v, Long::sum));
      if (o.disagreement().isPresent()) {
        Shrinker.Shrunk s = Shrinker.shrink(runner, supported, tc,
            o.disagreement().get(), MAX_SHRINK_ATTEMPTS);
        Optional<LayerDivergence> divergence = backend.isExact() ? Optional.empty()
            : LayerDivergence.first(runner.construction(s.testCase().config()), backend,
                s.testCase().program(), s.disagreement().before());
        Counterexample cx = new Counterexample(name, backend.name(), s.testCase(),
            s.disagreement(), tc, settings.seed(), t, s.steps(), divergence);
        progress.tried(t + 1, settings.tries());
        return new Result(name, backend.name(), settings, t + 1, passes,
            ImmutableMap.copyOf(coverage), Optional.of(cx), elapsed(start));
      }
      progress.tried(t + 1, settings.tries());
    }
    return new Result(name, backend.name(), settings, settings.tries(), passes,
        ImmutableMap.copyOf(coverage), Optional.empty(), elapsed(start));
  }

  /** Runs one case (e.g. a counterexample's) and returns its first disagreement, if any. */
  public Optional<Disagreement> replay(TestCase testCase, boolean checked) {
    return new CaseRunner(constructions, backend, checked).fails(testCase);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public String toString() {
    return "DifferentialCampaign[" + name + ", " + backend.name() + "]";
  }
}
