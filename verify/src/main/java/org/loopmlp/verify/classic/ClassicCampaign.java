package org.loopmlp.verify.classic;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;

/**
 * A seeded campaign of random classic machines through the classic network in checked mode
 * beside the reference machine: words drawn mostly from memory addresses, -1 and edge values (so
 * that programs rewrite themselves and do I/O), pc mostly at an instruction, a few input bytes.
 * The same seed gives the same machines. A failure is reported with its machine as a {@code
 * .slq} image, cut to the failing pass.
 */
public final class ClassicCampaign {
  private ClassicCampaign() {}

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

  /** The outcome: machines run, passes run, and the first failure if any. */
  public record Result(int tries, long passes, Optional<Failure> failure) {}

  /** A failing machine and what failed. */
  public record Failure(Case machine, String what) {}

  /** Case {@code i} of the campaign with {@code seed}: N in [2, maxWord], A in [2, maxMemory]. */
  public static Case generate(long seed, int i, int maxWord, int maxMemory, int passes) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    ClassicConfig config = ClassicConfig.of(2 + r.nextInt(maxWord - 1),
        2 + r.nextInt(maxMemory - 1));
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
    return new Case(config, memory, config.wrap(pc), input, passes);
  }

  /** Runs {@code tries} machines of at most {@code passes} passes each. */
  public static Result run(Backend backend, long seed, int tries, int passes, int maxWord,
      int maxMemory) {
    return run(ClassicConstruction.NAME, backend, seed, tries, passes, maxWord, maxMemory);
  }

  /** The same on the classic construction called {@code construction}. */
  public static Result run(String construction, Backend backend, long seed, int tries,
      int passes, int maxWord, int maxMemory) {
    checkArgument(maxWord >= 2 && maxMemory >= 2, "sizes from 2");
    java.util.Map<ClassicConfig, ClassicConstruction> built = new java.util.HashMap<>();
    long total = 0;
    for (int i = 0; i < tries; i++) {
      Case c = generate(seed, i, maxWord, maxMemory, passes);
      ClassicConstruction con = built.computeIfAbsent(c.config(),
          config -> ClassicConstruction.build(construction, config));
      ClassicLockstep.Outcome o;
      try {
        o = ClassicLockstep.run(ClassicLoopedMlp.checked(con, backend), c.state(), c.input(),
            ByteOutput.discard(), passes, ClassicLoopedMlp.PassListener.NONE);
      } catch (LemmaViolation v) {
        return new Result(i + 1, total + v.pass() + 1, Optional.of(new Failure(
            new Case(c.config(), c.memory(), c.pc(), c.input(), (int) v.pass() + 1),
            v.getMessage())));
      }
      total += o.mlp().steps() + (o.mlp().halted() ? 1 : 0);
      if (!o.agree()) {
        return new Result(i + 1, total, Optional.of(new Failure(new Case(c.config(),
            c.memory(), c.pc(), c.input(), (int) o.disagreement().get().pass() + 1),
            o.disagreement().get().describe())));
      }
    }
    return new Result(tries, total, Optional.empty());
  }
}
