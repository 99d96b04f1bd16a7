package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import org.loopmlp.exact.Rational;

/**
 * A checked pass of any machine's network that broke a layer invariant, a stage's frame or a
 * stage's pre- or postcondition: names the pass, stage, layer, direction, what was expected and
 * what was found, and the reference step.
 */
public final class LemmaViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which kind of claim failed. */
  public enum Kind {
    /** The stage's input is not what its precondition says. */
    PRECONDITION,
    /** A layer output is outside the direction's invariant. */
    INVARIANT,
    /** The stage changed a direction outside the registers it owns. */
    FRAME,
    /** The stage's output is not what its postcondition says. */
    POSTCONDITION
  }

  private final transient MachineStep step;
  private final Kind kind;
  private final long pass;
  private final String stage;
  private final int layer;
  private final String layerLabel;
  private final Direction direction;
  private final String expected;
  private final transient Rational got;

  public LemmaViolation(MachineStep step, Kind kind, long pass, String stage, int layer,
      String layerLabel, Direction direction, String expected, Rational got) {
    super(kind.name().toLowerCase(Locale.ROOT) + " violated: pass " + pass
        + ", stage " + stage + ", layer " + layer + " (" + layerLabel + "), direction "
        + direction + ": expected " + expected + ", got " + got + "; " + step.describe());
    this.step = checkNotNull(step);
    this.kind = checkNotNull(kind);
    this.pass = pass;
    this.stage = checkNotNull(stage);
    this.layer = layer;
    this.layerLabel = checkNotNull(layerLabel);
    this.direction = checkNotNull(direction);
    this.expected = checkNotNull(expected);
    this.got = checkNotNull(got);
  }

  /** The reference step of the failing pass: state before, intermediate values. */
  public MachineStep step() {
    return step;
  }

  /** The reference step as the machine's own record, e.g. {@code PaperStep.class}. */
  public <S extends MachineStep> S step(Class<S> type) {
    return type.cast(step);
  }

  public Kind kind() {
    return kind;
  }

  /** The pass (0-based step number of the run). */
  public long pass() {
    return pass;
  }

  public String stage() {
    return stage;
  }

  /** The layer index in the network; -1 for the pass input. */
  public int layer() {
    return layer;
  }

  public String layerLabel() {
    return layerLabel;
  }

  public Direction direction() {
    return direction;
  }

  public String expected() {
    return expected;
  }

  public Rational got() {
    return got;
  }
}
