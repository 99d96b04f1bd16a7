package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.DecodedState;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.BatchedExactBackend;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * Complete proof at one small config (SPEC §9.2, tier 4): one pass of the network equals one
 * step of the reference machine on every state, by enumeration. Two scopes:
 *
 * <ul>
 *   <li>{@link Scope#ALL_PROGRAMS}: every program (all 2^C slots), every memory, every pc.
 *   <li>{@link Scope#SLOT_AT_PC}: every instruction at pc, every memory, every pc, the other
 *       slots HALT. This covers every state only together with {@link SlotIndependence}, which
 *       shows from the weights that a pass reads the program only at pc and copies the other
 *       slots; {@link #run} checks that first and refuses the scope when it does not hold.
 * </ul>
 *
 * On the {@code exact} backend the states of one (program, pc) are evaluated {@link #BLOCK} at a
 * time by {@link BatchedExactBackend}, whose outputs equal the exact backend's one by one.
 * The check runs on all cores (the backend's compiled network must be safe to share, as the
 * exact and rational ones are), stops at the first disagreement in enumeration order and
 * reports it with its stage, layer and direction.
 */
public final class ExhaustiveCheck {
  /** States evaluated per sweep over the weights on the {@code exact} backend. */
  static final int BLOCK = BatchedExactBackend.DEFAULT_BLOCK;

  /** Which states are enumerated. */
  public enum Scope {
    ALL_PROGRAMS("all programs x all memories x all pc"),
    SLOT_AT_PC("instruction at pc x all memories x all pc (other slots proven irrelevant)");

    private final String description;

    Scope(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** Reports the number of states checked so far (called from one thread at a time). */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void checked(long done, long total);
  }

  /**
   * The outcome: states in scope, states checked (for a failure: the states before it in
   * enumeration order, all of which agreed), the first disagreement if any.
   *
   * @param proved true when every state in scope agreed (and, for {@code SLOT_AT_PC}, slot
   *     independence holds)
   */
  public record Result(String construction, String backend, MachineConfig config, Scope scope,
      long states, long checked, Optional<Disagreement> firstDisagreement,
      Optional<SlotIndependence.Failure> independenceFailure, Duration elapsed) {
    public boolean proved() {
      return firstDisagreement.isEmpty() && independenceFailure.isEmpty() && checked == states;
    }

    @Override
    public String toString() {
      return construction + " on " + backend + ", " + config + ", " + scope.description()
          + ": " + states + " states, " + checked + " checked in " + elapsed.toMillis()
          + " ms: " + (proved() ? "one pass equals one reference step on every state"
              : firstDisagreement.map(Disagreement::summary)
                  .orElse(independenceFailure.map(Object::toString).orElse("incomplete")));
    }
  }

  private final Construction construction;
  private final Backend backend;
  private final boolean batched;

  private ExhaustiveCheck(Construction construction, Backend backend, boolean batched) {
    this.construction = construction;
    this.backend = backend;
    this.batched = batched;
  }

  public static ExhaustiveCheck of(Construction construction, Backend backend) {
    return new ExhaustiveCheck(checkNotNull(construction, "construction"),
        checkNotNull(backend, "backend"), true);
  }

  /** The same check evaluating one state per sweep (to measure what blocks gain). */
  public ExhaustiveCheck oneStateAtATime() {
    return new ExhaustiveCheck(construction, backend, false);
  }

  /** The number of states in {@code scope} for {@code config}. */
  public static BigInteger stateCount(MachineConfig config, Scope scope) {
    BigInteger m = BigInteger.valueOf(config.dataSize());
    BigInteger k = BigInteger.valueOf(config.codeSize());
    BigInteger instructions = m.multiply(m).multiply(k);
    BigInteger programs = scope == Scope.ALL_PROGRAMS ? instructions.pow(config.codeSize())
        : instructions;
    BigInteger memories = BigInteger.ONE.shiftLeft(config.wordBits() * config.dataSize());
    return programs.multiply(memories).multiply(k);
  }

  /** Runs the enumeration; fails fast when the state count does not fit in a long. */
  public Result run(Scope scope, Progress progress) {
    checkNotNull(scope, "scope");
    checkNotNull(progress, "progress");
    long start = System.nanoTime();
    MachineConfig config = construction.config();
    BigInteger count = stateCount(config, scope);
    checkArgument(count.bitLength() < 63, "%s states at %s: too many to enumerate", count,
        config);
    long total = count.longValueExact();
    if (scope == Scope.SLOT_AT_PC) {
      Optional<SlotIndependence.Failure> f = SlotIndependence.check(construction);
      if (f.isPresent()) {
        return new Result(construction.name(), backend.name(), config, scope, total, 0,
            Optional.empty(), f, elapsed(start));
      }
    }
    BlockEvaluator evaluator = BlockEvaluator.of(backend, construction.network(), batched);
    StateCodec codec = StateCodec.forConstruction(construction);
    int k = config.codeSize();
    long memories = 1L << (config.wordBits() * config.dataSize());
    long units = total / memories;
    // A unit is one (program, pc) with every memory; units run in parallel. The reported
    // disagreement is the first in enumeration order, whatever order the units finish in.
    AtomicLong firstFailure = new AtomicLong(Long.MAX_VALUE);
    LongAdder done = new LongAdder();
    long reportEvery = Math.max(1, units / 100);
    LongStream.range(0, units).parallel().forEach(unit -> {
      if (unit > firstFailure.get() / memories) {
        return;
      }
      long bad = firstDisagreement(evaluator, codec, config, scope, unit, memories);
      if (bad >= 0) {
        firstFailure.accumulateAndGet(bad, Math::min);
        return;
      }
      done.increment();
      if (unit % reportEvery == 0) {
        synchronized (progress) {
          progress.checked(Math.min(total, done.sum() * memories), total);
        }
      }
    });
    long failure = firstFailure.get();
    if (failure != Long.MAX_VALUE) {
      long unit = failure / memories;
      int pc = (int) (unit % k);
      Program program = programOfUnit(config, scope, unit);
      MachineState state = MachineState.of(config, memoryOf(config, failure % memories), pc);
      return new Result(construction.name(), backend.name(), config, scope, total, failure,
          Optional.of(diagnose(program, state)), Optional.empty(), elapsed(start));
    }
    progress.checked(total, total);
    return new Result(construction.name(), backend.name(), config, scope, total, total,
        Optional.empty(), Optional.empty(), elapsed(start));
  }

  /** The program of a unit (one program and pc, numbered program-major). */
  private static Program programOfUnit(MachineConfig config, Scope scope, long unit) {
    int k = config.codeSize();
    int perSlot = config.dataSize() * config.dataSize() * k;
    int pc = (int) (unit % k);
    return scope == Scope.ALL_PROGRAMS ? programOf(config, unit / k, perSlot)
        : slotAtPc(config, (int) (unit / k), pc);
  }

  /**
   * Runs every memory of a unit through the network in blocks; the enumeration index of the
   * first state whose output disagrees with the step, or -1 when all agree.
   */
  private static long firstDisagreement(BlockEvaluator evaluator, StateCodec codec,
      MachineConfig config, Scope scope, long unit, long memories) {
    int pc = (int) (unit % config.codeSize());
    Program program = programOfUnit(config, scope, unit);
    for (long mi = 0; mi < memories; mi += BLOCK) {
      int n = (int) Math.min(BLOCK, memories - mi);
      List<MachineState> states = new ArrayList<>(n);
      List<StateVector> inputs = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        MachineState state = MachineState.of(config, memoryOf(config, mi + j), pc);
        states.add(state);
        inputs.add(codec.encode(program, state));
      }
      List<? extends StateVector> outputs = evaluator.applyAll(inputs);
      for (int j = 0; j < n; j++) {
        if (!agrees(codec, program, states.get(j), outputs.get(j))) {
          return unit * memories + mi + j;
        }
      }
    }
    return -1;
  }

  private static boolean agrees(StateCodec codec, Program program, MachineState state,
      StateVector out) {
    DecodedState decoded;
    try {
      decoded = codec.decode(out);
    } catch (DecodeException e) {
      return false;
    }
    return decoded.program().equals(program)
        && decoded.state().equals(SubleqMachine.step(program, state));
  }

  private Disagreement diagnose(Program program, MachineState state) {
    CaseRunner runner = new CaseRunner(c -> construction, backend, true);
    TestCase tc = new TestCase(construction.config(), program, state, 1);
    return runner.fails(tc).or(() -> new CaseRunner(c -> construction, backend, false).fails(tc))
        .orElseThrow(() -> new IllegalStateException("disagreement at " + tc
            + " not reproduced"));
  }

  /** Program number {@code index} in mixed radix: slot q's instruction is digit q. */
  private static Program programOf(MachineConfig config, long index, int perSlot) {
    List<Instruction> slots = new ArrayList<>(config.codeSize());
    long x = index;
    for (int q = 0; q < config.codeSize(); q++) {
      slots.add(instructionOf(config, (int) (x % perSlot)));
      x /= perSlot;
    }
    return Program.ofSlots(config, slots, 0);
  }

  /** Instruction {@code index} at {@code pc}; every other slot HALT. */
  private static Program slotAtPc(MachineConfig config, int index, int pc) {
    List<Instruction> slots = new ArrayList<>(config.codeSize());
    for (int q = 0; q < config.codeSize(); q++) {
      slots.add(q == pc ? instructionOf(config, index) : Instruction.haltAt(q, 0));
    }
    return Program.ofSlots(config, slots, 0);
  }

  private static Instruction instructionOf(MachineConfig config, int index) {
    int m = config.dataSize();
    int k = config.codeSize();
    return Instruction.of(index % m, (index / m) % m, index / (m * m) % k);
  }

  /** Memory number {@code index}: word i is bits [i N, (i + 1) N) of the index. */
  private static long[] memoryOf(MachineConfig config, long index) {
    int n = config.wordBits();
    long[] mem = new long[config.dataSize()];
    for (int i = 0; i < mem.length; i++) {
      mem[i] = config.wrap((index >>> (i * n)) & ((1L << n) - 1));
    }
    return mem;
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
