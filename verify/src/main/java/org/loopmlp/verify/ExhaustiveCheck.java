package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.BatchedExactBackend;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.ScaledIntegerVector;
import org.loopmlp.exact.StateVector;

/**
 * Complete proof at one small config (SPEC §9.2, tier 4), for any machine: one pass of the
 * network equals one step of the reference machine on every state of a {@link Space}, by
 * enumeration. A pass agrees with the step when its output is, entry for entry, the encoding of
 * the reference machine's next state (bits 0 or 1, scratch 0); a codec decodes exactly such
 * vectors, so this is the codec's decode-and-compare without building a state per output.
 *
 * <p>States are numbered; the low bits of a state's number are bits of its input vector (the
 * memory, {@link Shape#inner}), so consecutive states differ in a few coordinates and
 * a block of inputs is updated in place by writing only the bits that differ. On the {@code
 * exact} backend the states are evaluated {@link #BLOCK} at a time by {@link
 * BatchedExactBackend#applyRows} (int arithmetic under the exact backend's bound; a block that
 * needs more goes one state at a time), whose outputs equal the exact backend's one by one; on
 * every other backend one at a time.
 *
 * <p>Partitionable: {@link #part} checks a range [from, to) of state numbers and returns a
 * {@link Part}; parts merged in order ({@link Part#then}) equal the part of the whole range, and
 * {@link #result} turns the whole part into a {@link Result}. {@link #run} does exactly that on
 * every core.
 *
 * @param <F> what a disagreement is reported as (the machine's diagnosis of its first state)
 */
public final class ExhaustiveCheck<F> {
  /** States evaluated per sweep over the weights on the {@code exact} backend (measured best). */
  public static final int BLOCK = 128;
  /** States per partition of {@link #run}. */
  static final long PARTITION = 1L << 14;

  /** The states of one machine at one config, as the check enumerates them. */
  public interface Space<F> {
    Shape shape();

    /** The number of states. */
    default long states() {
      return shape().states();
    }

    /** Why the enumeration is no proof, if it is not (e.g. slot independence fails). */
    Optional<String> refusal();

    /** A new enumerator, used by one thread. */
    Enumerator enumerator();

    /** The first disagreement of state {@code index}, diagnosed on {@code backend}. */
    F diagnose(long index, Backend backend);
  }

  /**
   * What a space enumerates: the construction, config and scope in words, the network, the
   * number of states (below 2^63), and the coordinates of the low bits of a state's number:
   * states come in units of 2^inner.length, and bit b of a state's number is coordinate
   * inner[b] of its input.
   */
  public record Shape(String construction, String config, String scope, Network network,
      long states, int[] inner) {}

  /** Writes input and expected output vectors of states. Not thread-safe. */
  public interface Enumerator {
    /** The input of the first state of unit {@code unit}: every inner bit 0. */
    void unit(long unit, long[] x);

    /**
     * The encoding of the reference step's result from state {@code index}: {@code y} holds
     * the state's input; overwrite what the step changes.
     */
    void expected(long index, long[] y);
  }

  /**
   * What a range [from, to) of states showed: how many agreed before the first disagreement (all
   * of them when there is none), and the number of that state, or -1.
   */
  public record Part(long from, long to, long checked, long firstDisagreement)
      implements Serializable {
    public boolean failed() {
      return firstDisagreement >= 0;
    }

    /** This part followed by {@code later} (which starts where this one ends). */
    public Part then(Part later) {
      checkArgument(later.from == to, "parts %s and %s are not adjacent", this, later);
      return failed() ? new Part(from, later.to, checked, firstDisagreement)
          : new Part(from, later.to, checked + later.checked, later.firstDisagreement);
    }
  }

  /**
   * The outcome: states in scope, states checked (for a failure: the states before it in
   * enumeration order, all of which agreed), the first disagreement if any, and why the
   * enumeration was refused if it was.
   */
  public record Result<F>(String construction, String backend, String config, String scope,
      long states, long checked, Optional<F> firstDisagreement, Optional<String> refused,
      Duration elapsed) {
    /** True when every state in scope agreed and the enumeration is a proof. */
    public boolean proved() {
      return firstDisagreement.isEmpty() && refused.isEmpty() && checked == states;
    }

    @Override
    public String toString() {
      return construction + " on " + backend + ", " + config + ", " + scope + ": " + states
          + " states, " + checked + " checked in " + elapsed.toMillis() + " ms: "
          + (proved() ? "one pass equals one reference step on every state"
              : firstDisagreement.map(Object::toString)
                  .orElse(refused.orElse("incomplete")));
    }
  }

  private final Space<F> space;
  private final Backend backend;
  private final boolean batched;
  private final int threads;
  private Evaluator evaluator;

  private ExhaustiveCheck(Space<F> space, Backend backend, boolean batched, int threads) {
    this.space = space;
    this.backend = backend;
    this.batched = batched;
    this.threads = threads;
  }

  /** The check of {@code space} on {@code backend}, in blocks where it is exact, every core. */
  public static <F> ExhaustiveCheck<F> of(Space<F> space, Backend backend) {
    return new ExhaustiveCheck<>(checkNotNull(space, "space"), checkNotNull(backend, "backend"),
        true, Partitions.everyCore());
  }

  /** The same check evaluating one state per sweep (to measure what blocks gain). */
  public ExhaustiveCheck<F> oneStateAtATime() {
    return new ExhaustiveCheck<>(space, backend, false, threads);
  }

  /** The same check on {@code n} threads (1: in the caller's thread). */
  public ExhaustiveCheck<F> withThreads(int n) {
    checkArgument(n >= 1, "threads must be >= 1, was %s", n);
    return new ExhaustiveCheck<>(space, backend, batched, n);
  }

  public Space<F> space() {
    return space;
  }

  /** Checks every state on this check's threads; see {@link #part} and {@link #result}. */
  public Result<F> run(Progress progress) {
    checkNotNull(progress, "progress");
    long start = System.nanoTime();
    long total = space.shape().states();
    if (space.refusal().isPresent()) {
      return result(new Part(0, total, 0, -1), Duration.ofNanos(System.nanoTime() - start));
    }
    Evaluator evaluator = evaluator();
    int parts = (int) Math.max(1, (total + PARTITION - 1) / PARTITION);
    LongAdder done = new LongAdder();
    Part whole = Partitions.run(parts, threads, i -> {
      long from = i * PARTITION;
      Part p = check(evaluator, from, Math.min(total, from + PARTITION));
      done.add(p.checked());
      synchronized (progress) {
        progress.advanced(Math.min(total, done.sum()), total);
      }
      return p;
    }, Part::then, Part::failed);
    if (whole.to() < total) {
      whole = whole.then(new Part(whole.to(), total, 0, -1));
    }
    return result(whole, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Checks states [from, to) in this thread, stopping at the first disagreement. */
  public Part part(long from, long to) {
    checkArgument(0 <= from && from <= to && to <= space.shape().states(), "range [%s, %s) of %s states",
        from, to, space.shape().states());
    return check(evaluator(), from, to);
  }

  /**
   * The result of the whole range's part (parts of [0, states) merged in order): the first
   * disagreement diagnosed, or the refusal of the space.
   */
  public Result<F> result(Part whole, Duration elapsed) {
    checkArgument(whole.from() == 0 && whole.to() == space.shape().states(), "%s is not the whole range"
        + " [0, %s)", whole, space.shape().states());
    Optional<String> refused = space.refusal();
    Optional<F> first = refused.isEmpty() && whole.failed()
        ? Optional.of(space.diagnose(whole.firstDisagreement(), backend)) : Optional.empty();
    Shape shape = space.shape();
    return new Result<>(shape.construction(), backend.name(), shape.config(), shape.scope(),
        shape.states(), refused.isPresent() ? 0 : whole.checked(), first, refused, elapsed);
  }

  /** Evaluates a block of k inputs given as rows; shared by the threads of a run. */
  private interface Evaluator {
    int block();

    /** The output rows, or null to evaluate the block's inputs one by one. */
    int[][] apply(int[][] x, int k);

    /** One input's output. */
    StateVector apply(long[] x);
  }

  /** The compiled network, made once per check and shared by its threads. */
  private synchronized Evaluator evaluator() {
    if (evaluator == null) {
      evaluator = compile();
    }
    return evaluator;
  }

  private Evaluator compile() {
    Network network = space.shape().network();
    BatchedExactBackend.Compiled blocks = batched && backend == ExactBackend.INSTANCE
        ? BatchedExactBackend.compile(network, BLOCK) : null;
    Backend.Compiled single = backend.compile(network);
    return new Evaluator() {
      @Override
      public int block() {
        return blocks == null ? 1 : BLOCK;
      }

      @Override
      public int[][] apply(int[][] x, int k) {
        return blocks == null ? null : blocks.applyRows(x, k);
      }

      @Override
      public StateVector apply(long[] x) {
        return single.apply(single.load(ScaledIntegerVector.ofLongs(x)));
      }
    };
  }

  private Part check(Evaluator evaluator, long from, long to) {
    Enumerator en = space.enumerator();
    Block b = new Block(en, space.shape().inner(), space.shape().network().inputDimension(),
        evaluator.block());
    for (long i = from; i < to; i += b.capacity) {
      int n = (int) Math.min(b.capacity, to - i);
      b.fill(i, n);
      int[][] out = evaluator.apply(b.x, n);
      for (int j = 0; j < n; j++) {
        if (!b.agrees(j, out, evaluator)) {
          return new Part(from, to, i + j - from, i + j);
        }
      }
    }
    return new Part(from, to, to - from, -1);
  }

  /**
   * A block of inputs held as rows (row c: entry c of every input), each input updated from the
   * state it held before by writing the inner bits that differ (all of it when its unit
   * changes).
   */
  private static final class Block {
    final int capacity;
    private final Enumerator en;
    private final int[] inner;
    private final int d;
    private final long[] base;
    private long baseUnit = -1;
    private final long[] held;
    private final long[] y;
    int[][] x;

    Block(Enumerator en, int[] inner, int d, int capacity) {
      this.en = en;
      this.inner = inner;
      this.d = d;
      this.capacity = capacity;
      this.base = new long[d];
      this.held = new long[capacity];
      this.y = new long[d];
    }

    void fill(long first, int n) {
      if (x == null || x[0].length != n) {
        x = new int[d][n];
        java.util.Arrays.fill(held, -1);
      }
      for (int j = 0; j < n; j++) {
        long index = first + j;
        long before = held[j];
        if (before >= 0 && before >>> inner.length == index >>> inner.length) {
          for (long diff = before ^ index; diff != 0; diff &= diff - 1) {
            int bit = Long.numberOfTrailingZeros(diff);
            x[inner[bit]][j] = (int) (index >>> bit & 1);
          }
        } else {
          long unit = index >>> inner.length;
          if (unit != baseUnit) {
            en.unit(unit, base);
            baseUnit = unit;
          }
          for (int c = 0; c < d; c++) {
            x[c][j] = (int) base[c];
          }
          for (long bits = index & ((1L << inner.length) - 1); bits != 0; bits &= bits - 1) {
            x[inner[Long.numberOfTrailingZeros(bits)]][j] = 1;
          }
        }
        held[j] = index;
      }
    }

    /** Input j's output against the encoding of its state's reference step. */
    boolean agrees(int j, int[][] out, Evaluator evaluator) {
      for (int c = 0; c < d; c++) {
        y[c] = x[c][j];
      }
      en.expected(held[j], y);
      if (out != null) {
        for (int c = 0; c < d; c++) {
          if (out[c][j] != y[c]) {
            return false;
          }
        }
        return true;
      }
      long[] input = new long[d];
      for (int c = 0; c < d; c++) {
        input[c] = x[c][j];
      }
      try {
        StateVector o = evaluator.apply(input);
        for (int c = 0; c < d; c++) {
          if (!(y[c] == 1 ? o.isOne(c) : y[c] == 0 && o.isZero(c))) {
            return false;
          }
        }
        return true;
      } catch (ArithmeticException notFinite) {
        return false;
      }
    }
  }
}
