package org.loopmlp.verify.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.MutationCampaign;
import org.loopmlp.verify.Progress;

/**
 * The classic machine's {@link DifferentialCampaign}: random classic machines through the classic
 * network in checked mode beside the reference machine. Words are drawn mostly from memory
 * addresses, -1 and edge values (so that programs rewrite themselves and do I/O), pc mostly at an
 * instruction, a few input bytes. The same seed gives the same machines. A failure is reported
 * with its machine as a {@code .slq} image, cut to the failing pass.
 */
public final class ClassicTrials {
  private static final ImmutableList<String> COVERAGE = ImmutableList.of("halt reached",
      "bytes printed");

  /**
   * How to run a campaign: {@code tries} machines of N in [minWord, maxWord], A in [minMemory,
   * maxMemory], at most {@code passes} passes each, drawn from {@code seed}.
   */
  public record Settings(long seed, int tries, int passes, int minWord, int maxWord,
      int minMemory, int maxMemory) {
    public Settings {
      checkArgument(tries >= 1 && passes >= 1, "tries and passes from 1");
      checkArgument(2 <= minWord && minWord <= maxWord && 2 <= minMemory
          && minMemory <= maxMemory, "sizes from 2, ranges not empty");
    }

    /** Machines of N in [2, maxWord], A in [2, maxMemory]. */
    public static Settings upTo(long seed, int tries, int passes, int maxWord, int maxMemory) {
      return new Settings(seed, tries, passes, 2, maxWord, 2, maxMemory);
    }

    /** Machines of {@code config} only. */
    public static Settings exactly(long seed, int tries, int passes, ClassicConfig config) {
      return new Settings(seed, tries, passes, config.wordBits(), config.wordBits(),
          config.memoryBits(), config.memoryBits());
    }
  }

  /** A generated machine. */
  public record Case(ClassicConfig config, long[] memory, long pc, byte[] input, int passes) {
    public ClassicState state() {
      return ClassicState.of(config, memory, pc);
    }

    /** The memory as {@code .slq} text (with pc and input in a comment). */
    public String slq() {
      StringBuilder s = new StringBuilder("# " + config + ", pc " + pc + ", input "
          + Arrays.toString(input) + "\n");
      for (int i = 0; i < memory.length; i++) {
        s.append(memory[i]).append(i % 3 == 2 || i == memory.length - 1 ? "\n" : " ");
      }
      return s.toString();
    }
  }

  /** A failing machine, cut to the failing pass, and what failed. */
  public record Failure(Case machine, String what) {
    @Override
    public String toString() {
      return "COUNTEREXAMPLE after " + machine.passes() + " passes: " + what + "\n"
          + machine.slq();
    }
  }

  private ClassicTrials() {}

  /** Case {@code i} of the campaign with settings {@code s}. */
  public static Case generate(Settings s, int i) {
    SplittableRandom r = new SplittableRandom(s.seed() * 1_000_003L + i);
    ClassicConfig config = ClassicConfig.of(s.minWord() + r.nextInt(s.maxWord() - s.minWord() + 1),
        s.minMemory() + r.nextInt(s.maxMemory() - s.minMemory() + 1));
    long m = config.memorySize();
    long[] memory = new long[(int) m];
    for (int k = 0; k < m; k++) {
      int pick = r.nextInt(10);
      memory[k] = pick < 5 ? config.wrap(r.nextLong(m)) : pick < 7 ? -1
          : pick < 9 ? config.wrap(new long[] {0, 1, config.minWord(), config.maxWord(), m,
              m - 1, -2}[r.nextInt(7)])
          : config.minWord() + r.nextLong(config.maxWord() - config.minWord() + 1);
    }
    int pick = r.nextInt(11);
    long pc = pick < 8 ? r.nextLong(m - 2) : pick < 9 ? m - 2 + r.nextInt(2)
        : pick < 10 ? -1 : config.minWord() + r.nextLong(config.maxWord() - config.minWord() + 1);
    byte[] input = new byte[r.nextInt(5)];
    int[] corners = {0, 1, 65, 127, 128, 255};
    for (int k = 0; k < input.length; k++) {
      input[k] = (byte) (r.nextBoolean() ? corners[r.nextInt(corners.length)] : r.nextInt(256));
    }
    return new Case(config, memory, config.wrap(pc), input, s.passes());
  }

  /** The campaign of the classic construction called {@code construction}, on every core. */
  public static DifferentialCampaign<Failure> campaign(String construction, Backend backend,
      Settings settings) {
    checkNotNull(construction, "construction");
    checkNotNull(backend, "backend");
    checkNotNull(settings, "settings");
    Map<ClassicConfig, ClassicConstruction> built = new ConcurrentHashMap<>();
    return DifferentialCampaign.of(trials(construction, backend, settings,
        config -> built.computeIfAbsent(config, c -> ClassicConstruction.build(construction, c))));
  }

  /** The campaign of one fixed construction (e.g. a mutant): machines of its config only. */
  public static DifferentialCampaign<Failure> ofConstruction(ClassicConstruction construction,
      Backend backend, Settings settings) {
    checkArgument(settings.equals(Settings.exactly(settings.seed(), settings.tries(),
        settings.passes(), construction.config())), "%s is built for %s only",
        construction.name(), construction.config());
    return DifferentialCampaign.of(trials(construction.name(), backend, settings,
        config -> construction));
  }

  private static DifferentialCampaign.Trials<Failure> trials(String name, Backend backend,
      Settings s, Function<ClassicConfig, ClassicConstruction> built) {
    DifferentialCampaign.Runner runner = i -> {
      Case c = generate(s, i);
      Outcome o = run(built.apply(c.config()), backend, c);
      return new DifferentialCampaign.Trial(o.passes(), new long[] {o.halted() ? 1 : 0,
          o.printed()}, o.failure().map(Failure::what));
    };
    return new DifferentialCampaign.Trials<>(name, backend.name(), "N " + s.minWord() + ".."
        + s.maxWord() + ", 2^" + s.minMemory() + "..2^" + s.maxMemory() + " words, seed "
        + s.seed() + ", checked", s.tries(), COVERAGE, () -> runner, i -> {
          Case c = generate(s, i);
          return run(built.apply(c.config()), backend, c).failure().orElseThrow(
              () -> new IllegalStateException("machine " + i + " does not fail again"));
        });
  }

  /**
   * Mutation testing of {@code construction}: a mutant is killed by the checked campaign with
   * {@code settings} (machines of the construction's config only), else judged by the
   * exhaustive check ({@link ClassicStates}).
   */
  public static MutationCampaign<ClassicConstruction> mutation(ClassicConstruction construction,
      Backend backend, Settings settings) {
    return MutationCampaign.of(construction, backend.name(), new MutationCampaign.Judge<>() {
      @Override
      public MutationCampaign.Kill kill(ClassicConstruction mutant) {
        DifferentialCampaign.Part p = ofConstruction(mutant, backend, settings).withThreads(1)
            .part(0, settings.tries());
        return MutationCampaign.Kill.of(p);
      }

      @Override
      public ExhaustiveCheck.Result<?> prove(ClassicConstruction mutant) {
        return ClassicStates.check(mutant, backend).withThreads(1).run(Progress.NONE);
      }
    });
  }

  /** What one machine did: passes, halted, bytes printed, the failure if any. */
  private record Outcome(long passes, boolean halted, long printed, Optional<Failure> failure) {}

  /** One machine in checked mode beside the reference machine. */
  private static Outcome run(ClassicConstruction con, Backend backend, Case c) {
    ByteOutput.Collecting printed = ByteOutput.collecting();
    ClassicLockstep.Outcome o;
    try {
      o = ClassicLockstep.run(ClassicLoopedMlp.checked(con, backend), c.state(), c.input(),
          printed, c.passes(), ClassicLoopedMlp.PassListener.NONE);
    } catch (LemmaViolation v) {
      return new Outcome(v.pass() + 1, false, printed.bytes().length, Optional.of(
          new Failure(cut(c, v.pass()), v.getMessage())));
    }
    long passes = o.mlp().steps() + (o.mlp().halted() ? 1 : 0);
    return new Outcome(passes, o.mlp().halted(), printed.bytes().length, o.disagreement().map(
        d -> new Failure(cut(c, d.pass()), d.describe())));
  }

  private static Case cut(Case c, long failingPass) {
    return new Case(c.config(), c.memory(), c.pc(), c.input(), (int) failingPass + 1);
  }
}
