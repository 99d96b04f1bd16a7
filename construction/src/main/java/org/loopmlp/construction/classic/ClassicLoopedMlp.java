package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.MachineLoop;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicState;

/**
 * The classic network compiled for one backend and run in a loop with a host that moves bytes:
 * before each pass the host puts the input's next byte (or end of input) into the input port and
 * clears the pass flags; after it, it takes the byte when the network set {@code in.taken} and
 * writes {@code out.byte} when the network set {@code out.valid}. Everything else of the output
 * vector is the next pass's input. The run ends at a pass that executed nothing (a halted pc: the
 * vector is a fixed point) or at the step limit. In checked mode every pass is verified layer by
 * layer and stage by stage against the reference machine ({@link
 * org.loopmlp.construction.CheckedObserver}).
 */
public final class ClassicLoopedMlp
    extends MachineLoop<ClassicStepContext, ClassicConstruction> {
  private final ClassicCodec codec;

  private ClassicLoopedMlp(ClassicConstruction construction, Backend backend, boolean checked) {
    super(construction, backend, checked);
    this.codec = ClassicCodec.forConstruction(construction);
  }

  /** The looped network on {@code backend}, without runtime checks. */
  public static ClassicLoopedMlp of(ClassicConstruction construction, Backend backend) {
    return new ClassicLoopedMlp(construction, backend, false);
  }

  /** The same, checking every layer's invariants and every stage's lemma in every pass. */
  public static ClassicLoopedMlp checked(ClassicConstruction construction, Backend backend) {
    return new ClassicLoopedMlp(construction, backend, true);
  }

  public ClassicConstruction construction() {
    return constructionOrNull();
  }

  public ClassicCodec codec() {
    return codec;
  }

  /** Told about every pass as soon as its output is decoded. */
  @FunctionalInterface
  public interface PassListener {
    PassListener NONE = (pass, before, out) -> {};

    /** Pass {@code pass} (from 0) ran from {@code before} and decoded to {@code out}. */
    void afterPass(long pass, ClassicState before, ClassicPassOutput out);
  }

  /**
   * Told about every pass with the addresses of the memory words it changed (those in which
   * {@code out.state()} differs from {@code before}), ascending; for {@link ClassicLockstep}.
   */
  @FunctionalInterface
  interface StepListener {
    void afterPass(long pass, ClassicState before, ClassicPassOutput out, int[] changedWords);
  }

  /**
   * The end of a run: the last state, the passes that executed an instruction, and whether the
   * run ended at a halted pc (one more pass, which changed nothing, is not counted).
   */
  public record Run(ClassicState last, long steps, boolean halted) {}

  /** One pass from {@code state} with {@code nextInput} offered: the decoded output. */
  public ClassicPassOutput step(ClassicState state, int nextInput) {
    return pass(state, nextInput, compiled().load(codec.encode(state, nextInput)), 0,
        LayerObserver.NONE, null).out;
  }

  /** One pass, also reporting every layer's output to {@code observer}. */
  public ClassicPassOutput tracePass(ClassicState state, int nextInput, LayerObserver observer) {
    checkNotNull(observer, "observer");
    return pass(state, nextInput, compiled().load(codec.encode(state, nextInput)), 0, observer,
        null).out;
  }

  /**
   * Runs at most {@code maxSteps} instructions from {@code initial}, looping the network's own
   * output vector, reading from {@code in} and writing to {@code out}. After the last allowed
   * step one more pass tells whether the machine is halted there (a pass that executes nothing
   * is no step); if it executes an instruction, its output is dropped and the run is not
   * halted. The listener sees every pass but such a dropped one.
   *
   * @throws org.loopmlp.construction.DecodeException when a pass output is not an encoding
   * @throws LemmaViolation in checked mode, at the first failed check
   * @throws IllegalStateException when a pass that executed nothing changed the state
   */
  public Run run(ClassicState initial, ByteInput in, ByteOutput out, long maxSteps,
      PassListener listener) {
    checkNotNull(listener, "listener");
    return run(initial, in, out, maxSteps,
        (pass, before, o, changedWords) -> listener.afterPass(pass, before, o));
  }

  /**
   * As {@link #run(ClassicState, ByteInput, ByteOutput, long, PassListener)}, telling the
   * listener also which words each pass changed.
   *
   * <p>Cost per pass beside the network: the next input is the output with the pass flags and
   * the input port replaced ({@link ClassicCodec#nextInput}, a view), which the {@code
   * incremental} backend takes without reading it; the output is decoded against the previous
   * one ({@link ClassicCodec.Decoder}), reading only what changed. So the host's work follows
   * what a pass changes, not the dimension of the state (the first pass encodes and decodes the
   * whole vector once).
   */
  Run run(ClassicState initial, ByteInput in, ByteOutput out, long maxSteps,
      StepListener listener) {
    checkNotNull(initial, "initial");
    checkNotNull(in, "in");
    checkNotNull(out, "out");
    checkArgument(maxSteps >= 0, "maxSteps must be >= 0, was %s", maxSteps);
    checkNotNull(listener, "listener");
    int offered = in.peek();
    StateVector x = compiled().load(codec.encode(initial, offered));
    ClassicCodec.Decoder decoder = codec.decoder();
    // The first input decodes to the initial state: each output is then decoded against the
    // vector before it, and its changed words are those from the state the pass ran from.
    decoder.decode(x);
    ClassicState current = initial;
    long steps = 0;
    while (true) {
      Pass p = pass(current, offered, x, steps, LayerObserver.NONE, decoder);
      if (p.out.executed() && steps == maxSteps) {
        // The pass after the last allowed step only tells that the machine is not halted.
        return new Run(current, steps, false);
      }
      if (!p.out.executed()) {
        listener.afterPass(steps, current, p.out, p.changedWords);
        if (!p.out.state().equals(current) || p.out.taken() || p.out.prints()) {
          throw new IllegalStateException("pass " + steps + " executed nothing but changed the"
              + " state or used a port: " + current + " became " + p.out);
        }
        return new Run(current, steps, true);
      }
      if (p.out.taken()) {
        in.take();
      }
      if (p.out.prints()) {
        out.write(p.out.output());
      }
      listener.afterPass(steps, current, p.out, p.changedWords);
      steps++;
      current = p.out.state();
      offered = in.peek();
      x = compiled().load(codec.nextInput(p.output, offered));
    }
  }

  /** A pass's output vector, what it decodes to, and the words it changed (null if unknown). */
  private record Pass(StateVector output, ClassicPassOutput out, int[] changedWords) {}

  /** One pass; decoded with {@code decoder} (against its last vector), or whole when null. */
  private Pass pass(ClassicState state, int offered, StateVector input, long pass,
      LayerObserver extra, ClassicCodec.Decoder decoder) {
    StateVector output = runNetwork(input, extra, () -> ClassicStepContext.of(state, offered),
        pass);
    if (decoder == null) {
      return new Pass(output, codec.decode(output), null);
    }
    ClassicPassOutput out = decoder.decode(output);
    return new Pass(output, out, decoder.changedWords());
  }

  @Override
  public String toString() {
    return describe("ClassicLoopedMlp", ", " + construction().config());
  }
}
