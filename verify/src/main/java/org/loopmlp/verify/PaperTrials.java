package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
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
 * The paper machine's {@link DifferentialCampaign}: try i draws a config, program and state from
 * a seeded {@link MachineGenerator}, runs up to {@code passes} passes through a construction's
 * looped network and the reference machine ({@link CaseRunner}), and counts {@link Coverage}; the
 * first disagreement is shrunk to a {@link Counterexample} (down to smaller configs than the ones
 * drawn, when the construction family has them).
 */
public final class PaperTrials {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int MAX_SHRINK_ATTEMPTS = 5_000;
  private static final ImmutableList<String> COVERAGE = ImmutableList.copyOf(
      java.util.Arrays.stream(Coverage.values()).map(Coverage::label).iterator());

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

  private PaperTrials(String name, Function<MachineConfig, Construction> constructions,
      ConfigRange supported, Backend backend) {
    this.name = name;
    this.constructions = constructions;
    this.supported = supported;
    this.backend = backend;
  }

  /**
   * Campaigns of the construction family {@code constructions} (one construction per config,
   * built once each) on {@code backend}.
   */
  public static PaperTrials of(String name, Function<MachineConfig, Construction> constructions,
      Backend backend) {
    checkNotNull(name, "name");
    checkNotNull(constructions, "constructions");
    checkNotNull(backend, "backend");
    Map<MachineConfig, Construction> cache = new ConcurrentHashMap<>();
    return new PaperTrials(name, c -> cache.computeIfAbsent(c, constructions),
        ConfigRange.upTo(MachineConfig.MAX_WORD_BITS, MachineConfig.MAX_DATA_BITS,
            MachineConfig.MAX_CODE_BITS), backend);
  }

  /** Campaigns of the paper construction ({@link PaperConstruction}) on {@code backend}. */
  public static PaperTrials paper(Backend backend) {
    return of(PaperConstruction.NAME, PaperConstruction::build, backend);
  }

  /** Campaigns of one fixed construction (e.g. a mutant): its config only. */
  public static PaperTrials ofConstruction(Construction construction, Backend backend) {
    checkNotNull(construction, "construction");
    return new PaperTrials(construction.name(), c -> {
      checkArgument(c.equals(construction.config()), "%s is built for %s only, not %s",
          construction.name(), construction.config(), c);
      return construction;
    }, ConfigRange.exactly(construction.config()), checkNotNull(backend, "backend"));
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

  /** The campaign with {@code settings}, on every core. */
  public DifferentialCampaign<Counterexample> campaign(Settings settings) {
    return DifferentialCampaign.of(trials(checkNotNull(settings, "settings")));
  }

  /** Runs the campaign with {@code settings} on every core. */
  public DifferentialCampaign.Result<Counterexample> run(Settings settings, Progress progress) {
    return campaign(settings).run(progress);
  }

  /**
   * Mutation testing of {@code construction}: a mutant is killed by a campaign with {@code
   * settings} (whose configs must be exactly the construction's config), else judged by the
   * exhaustive check, at the slot at pc where the mutant's weights show the other slots
   * irrelevant and over every program otherwise.
   */
  public static MutationCampaign<Construction> mutation(Construction construction,
      Backend backend, Settings settings) {
    checkArgument(settings.configs().equals(ConfigRange.exactly(construction.config())),
        "a mutation campaign runs at the construction's config %s only, not %s",
        construction.config(), settings.configs());
    return MutationCampaign.of(construction, backend.name(), new MutationCampaign.Judge<>() {
      @Override
      public MutationCampaign.Kill kill(Construction mutant) {
        return MutationCampaign.Kill.of(ofConstruction(mutant, backend).campaign(settings)
            .withThreads(1).part(0, settings.tries()));
      }

      @Override
      public ExhaustiveCheck.Result<?> prove(Construction mutant) {
        PaperStates.Scope scope = SlotIndependence.check(mutant).isEmpty()
            ? PaperStates.Scope.SLOT_AT_PC : PaperStates.Scope.ALL_PROGRAMS;
        return PaperStates.check(mutant, scope, backend).withThreads(1).run(Progress.NONE);
      }
    });
  }

  /** Runs one case (e.g. a counterexample's) and returns its first disagreement, if any. */
  public Optional<Disagreement> replay(TestCase testCase, boolean checked) {
    return new CaseRunner(constructions, backend, checked).fails(testCase);
  }

  private DifferentialCampaign.Trials<Counterexample> trials(Settings settings) {
    return new DifferentialCampaign.Trials<>(name, backend.name(), "configs "
        + settings.configs() + ", seed " + settings.seed()
        + (settings.checked() ? ", checked" : ", end-to-end"), settings.tries(), COVERAGE,
        () -> runner(settings), t -> shrink(settings, t));
  }

  /** Runs try t: its case drawn, run, coverage counted by category. */
  private DifferentialCampaign.Runner runner(Settings settings) {
    CaseRunner runner = new CaseRunner(constructions, backend, settings.checked());
    return t -> {
      CaseRunner.Outcome o = runner.run(draw(settings, t));
      long[] counts = new long[COVERAGE.size()];
      o.coverage().forEach((c, n) -> counts[c.ordinal()] += n);
      return new DifferentialCampaign.Trial(o.passes(), counts,
          o.disagreement().map(Disagreement::summary));
    };
  }

  /** Try {@code t}'s disagreement, shrunk, with the first layer where rounding leaves exact. */
  private Counterexample shrink(Settings settings, int t) {
    CaseRunner runner = new CaseRunner(constructions, backend, settings.checked());
    TestCase tc = draw(settings, t);
    Disagreement d = runner.fails(tc).orElseThrow(() -> new IllegalStateException(
        "try " + t + " does not fail again"));
    Shrinker.Shrunk s = Shrinker.shrink(runner, supported, tc, d, MAX_SHRINK_ATTEMPTS);
    Optional<LayerDivergence> divergence = backend.isExact() ? Optional.empty()
        : LayerDivergence.first(runner.construction(s.testCase().config()), backend,
            s.testCase().program(), s.disagreement().before());
    return new Counterexample(name, backend.name(), s.testCase(), s.disagreement(), tc,
        settings.seed(), t, s.steps(), divergence);
  }

  @Override
  public String toString() {
    return "PaperTrials[" + name + ", " + backend.name() + "]";
  }
}
