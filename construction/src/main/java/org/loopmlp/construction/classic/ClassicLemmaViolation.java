package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.exact.Rational;

/**
 * A checked pass of the classic network that broke a layer invariant, a stage's frame or a
 * stage's pre- or postcondition: names the pass, stage, layer, direction, what was expected and
 * what was found, and the reference step.
 */
public final class ClassicLemmaViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ClassicStepContext step;
  private final Kind kind;
  private final long pass;
  private final String stage;
  private final int layer;
  private final String layerLabel;
  private final Direction direction;
  private final String expected;
  private final transient Rational got;

  public ClassicLemmaViolation(ClassicStepContext step, Kind kind, long pass, String stage,
      int layer, String layerLabel, Direction direction, String expected, Rational got) {
    super(kind.name().toLowerCase(Locale.ROOT) + " violated: pass " + pass + ", stage " + stage
        + ", layer " + layer + " (" + layerLabel + "), direction " + direction + ": expected "
        + expected + ", got " + got + "; " + step.config() + ", " + step.detail().op()
        + " at pc " + step.detail().pc() + " (a=" + step.detail().a() + ", b="
        + step.detail().b() + ", c=" + step.detail().c() + "), input " + step.nextInput()
        + ", from " + step.before());
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

  public ClassicStepContext step() {
    return step;
  }

  public Kind kind() {
    return kind;
  }

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
