package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * A construction's network compiled for one backend and run in a loop: the output of one pass is
 * the input of the next (SPEC §6), one pass per executed instruction. In checked mode every
 * pass is verified layer by layer and stage by stage against the reference machine ({@link
 * CheckedObserver}).
 */
public final class LoopedMlp extends MachineLoop<PaperStep, Construction> {
  private final StateCodec codec;

  private LoopedMlp(Construction construction, Backend backend, boolean checked) {
    super(construction, backend, checked);
    this.codec = StateCodec.forConstruction(construction);
  }

  private LoopedMlp(String name, Network network, StateCodec codec, Backend backend) {
    super(null, name, checkedDimension(network, codec), backend, false);
    this.codec = codec;
  }

  private static Network checkedDimension(Network network, StateCodec codec) {
    checkNotNull(codec, "codec");
    checkArgument(network.inputDimension() == codec.layout().dimension(),
        "network input dimension %s, state space %s", network.inputDimension(),
        codec.layout().dimension());
    return network;
  }

  /** The looped network of {@code construction} on {@code backend}, without runtime checks. */
  public static LoopedMlp of(Construction construction, Backend backend) {
    return new LoopedMlp(construction, backend, false);
  }

  /**
   * The looped network of a construction called {@code name}, without runtime checks, from its
   * network and state codec alone: the caller can let the construction go before the backend
   * compiles, so that its layers' layouts (the names of millions of hidden neurons) and
   * invariants are not held beside the compiled form. {@link #construction()} is unavailable.
   */
  public static LoopedMlp lean(String name, Network network, StateCodec codec, Backend backend) {
    return new LoopedMlp(name, network, codec, backend);
  }

  /** The same, checking every layer's invariants and every stage's lemma in every pass. */
  public static LoopedMlp checked(Construction construction, Backend backend) {
    return new LoopedMlp(construction, backend, true);
  }

  /**
   * The construction.
   *
   * @throws IllegalStateException for a {@link #lean} one
   */
  public Construction construction() {
    checkState(constructionOrNull() != null, "a lean LoopedMlp keeps no construction");
    return constructionOrNull();
  }

  public StateCodec codec() {
    return codec;
  }

  /** One pass from {@code state}: the decoded next state. */
  public MachineState step(Program program, MachineState state) {
    return runPass(program, state, compiled().load(codec.encode(program, state)), 0,
        LayerObserver.NONE, null).state();
  }

  /**
   * Runs at most {@code maxSteps} passes from {@code state}, looping the network's own output
   * vector; stops early at a fixed point. Every output is decoded (so a vector that stops being
   * an encoding fails with {@link DecodeException}). The run keeps every state.
   */
  public MlpRun run(Program program, MachineState state, int maxSteps) {
    return run(program, state, maxSteps, MlpRun.Kept.ALL_STATES, PassListener.NONE);
  }

  /**
   * The same run, keeping the states {@code kept} asks for and telling {@code listener} about
   * every pass as it is decoded (once per pass, {@link MlpRun#passes} times in all, also before
   * a pass that fails to decode or violates a check ends the run with an exception).
   */
  public MlpRun run(Program program, MachineState state, int maxSteps, MlpRun.Kept kept,
      PassListener listener) {
    checkNotNull(program, "program");
    checkNotNull(state, "state");
    checkArgument(maxSteps >= 0, "maxSteps must be >= 0, was %s", maxSteps);
    checkNotNull(kept, "kept");
    checkNotNull(listener, "listener");
    boolean all = kept == MlpRun.Kept.ALL_STATES;
    ImmutableList.Builder<MachineState> states = ImmutableList.builder();
    states.add(state);
    StateVector x = compiled().load(codec.encode(program, state));
    MachineState current = state;
    // Each output is decoded against the last one: O(what changed) on the incremental backend.
    StateCodec.Decoder decoder = codec.decoder();
    for (int pass = 0; pass < maxSteps; pass++) {
      Pass p = runPass(program, current, x, pass, LayerObserver.NONE, decoder);
      listener.afterPass(pass, p.state());
      if (p.state().equals(current)) {
        return new MlpRun(program, ends(states, all, state, current, pass), pass, true, pass + 1);
      }
      if (all) {
        states.add(p.state());
      }
      current = p.state();
      x = p.output();
    }
    return new MlpRun(program, ends(states, all, state, current, maxSteps), maxSteps, false,
        maxSteps);
  }

  private static ImmutableList<MachineState> ends(ImmutableList.Builder<MachineState> states,
      boolean all, MachineState initial, MachineState last, int steps) {
    if (all) {
      return states.build();
    }
    return steps == 0 ? ImmutableList.of(initial) : ImmutableList.of(initial, last);
  }

  /**
   * One pass from {@code state}, reporting every layer's output to {@code observer} (together
   * with the runtime checks in checked mode); returns the decoded next state.
   */
  public MachineState tracePass(Program program, MachineState state, LayerObserver observer) {
    checkNotNull(observer, "observer");
    return runPass(program, state, compiled().load(codec.encode(program, state)), 0, observer,
        null).state();
  }

  private record Pass(StateVector output, MachineState state) {}

  /** One pass; its output decoded by {@code decoder}, or whole when it is null. */
  private Pass runPass(Program program, MachineState state, StateVector input, int pass,
      LayerObserver extra, StateCodec.Decoder decoder) {
    StateVector out = runNetwork(input, extra, () -> PaperStep.of(program, state), pass);
    DecodedState decoded = decoder == null ? codec.decode(out) : decoder.decode(out);
    if (decoded.program() != program && !decoded.program().equals(program)) {
      for (int q = 0; q < program.slots().size(); q++) {
        if (!decoded.program().at(q).equals(program.at(q))) {
          throw new IllegalStateException("pass " + pass + " changed the program at slot " + q
              + ": " + program.at(q) + " became " + decoded.program().at(q));
        }
      }
    }
    return new Pass(out, decoded.state());
  }


  @Override
  public String toString() {
    return describe("LoopedMlp", "");
  }
}
