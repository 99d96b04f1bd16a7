package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.StateVector;

/**
 * What every machine's looped network shares (SPEC §6): one construction's network compiled once
 * for a backend, and one pass of it, checked in checked mode layer by layer and stage by stage
 * against the machine's reference step ({@link CheckedObserver}). The paper machine's {@link
 * LoopedMlp} and the classic machine's {@link
 * org.loopmlp.construction.classic.ClassicLoopedMlp} are its instances; each adds how its state
 * is encoded, decoded and carried from pass to pass.
 *
 * @param <S> the machine's step
 * @param <C> the machine's construction
 */
public abstract class MachineLoop<S extends MachineStep, C extends MachineConstruction<S, ?>> {
  /** Null for a loop that keeps only the network (never checked). */
  private final C construction;
  private final String name;
  private final Backend backend;
  private final Backend.Compiled compiled;
  private final boolean checked;

  /** The loop of {@code construction}'s network on {@code backend}. */
  protected MachineLoop(C construction, Backend backend, boolean checked) {
    this(checkNotNull(construction, "construction"), construction.name(),
        construction.network(), backend, checked);
  }

  /**
   * The loop of {@code network}, of a construction called {@code name}; {@code construction}
   * may be null only when {@code checked} is false.
   */
  protected MachineLoop(C construction, String name, Network network, Backend backend,
      boolean checked) {
    this.construction = construction;
    this.name = checkNotNull(name, "name");
    this.backend = checkNotNull(backend, "backend");
    this.checked = checked;
    this.compiled = backend.compile(checkNotNull(network, "network"));
  }

  /** The construction, or null for a loop that keeps only the network. */
  protected final C constructionOrNull() {
    return construction;
  }

  public final String name() {
    return name;
  }

  public final Backend backend() {
    return backend;
  }

  /** The network compiled for the backend, which every pass of this loop runs on. */
  public final Backend.Compiled compiled() {
    return compiled;
  }

  public final boolean isChecked() {
    return checked;
  }

  /**
   * One pass on {@code input}, every layer told to {@code extra}; in checked mode checked against
   * the reference {@code step} of pass {@code pass}.
   *
   * @throws LemmaViolation in checked mode, at the first failed check
   */
  protected final StateVector runNetwork(StateVector input, LayerObserver extra,
      Supplier<S> step, long pass) {
    return CheckedObserver.pass(compiled, input, extra, checked, construction, step, pass);
  }

  /** {@code Kind[name, detail..., backend(, checked)]}. */
  protected final String describe(String kind, String detail) {
    return kind + "[" + name + detail + ", " + backend.name() + (checked ? ", checked" : "")
        + "]";
  }
}
