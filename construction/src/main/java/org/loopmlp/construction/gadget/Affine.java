package org.loopmlp.construction.gadget;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.exact.Rational;

/**
 * An affine form {@code bias + sum_d w_d * d} over named directions: the pre-activation of a
 * neuron. Terms with equal directions add up; zero terms are dropped. Immutable; build with
 * {@link #builder()} or the small factories.
 */
public final class Affine {
  private final Rational bias;
  private final ImmutableMap<Direction, Rational> terms;

  private Affine(Rational bias, ImmutableMap<Direction, Rational> terms) {
    this.bias = bias;
    this.terms = terms;
  }

  /** The constant {@code c}. */
  public static Affine constant(long c) {
    return new Affine(Rational.of(c), ImmutableMap.of());
  }

  /** The direction {@code d} itself. */
  public static Affine of(Direction d) {
    return builder().plus(d, 1).build();
  }

  /** {@code sum_t 2^t x_t}: the unsigned value of the low {@code width} bits of {@code x}. */
  public static Affine unsignedValue(Register x, int width) {
    Builder b = builder();
    for (int t = 0; t < width; t++) {
      b.plus(x.bit(t), 1L << t);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this form, to add more. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bias = bias;
    b.terms.putAll(terms);
    return b;
  }

  public Rational bias() {
    return bias;
  }

  /** The non-zero terms, in the order first added. */
  public ImmutableMap<Direction, Rational> terms() {
    return terms;
  }

  /**
   * This form with every direction that has a definition replaced by it: folds a linear layer
   * into the next one (valid when the folded neurons' pre-activations are never negative, so
   * their ReLU is the identity).
   */
  public Affine substitute(Map<Direction, Affine> definitions) {
    Builder b = builder().plusConstant(bias);
    terms.forEach((d, w) -> {
      Affine def = definitions.get(d);
      if (def == null) {
        b.plus(d, w);
      } else {
        b.plusConstant(def.bias.multiply(w));
        def.terms.forEach((e, v) -> b.plus(e, v.multiply(w)));
      }
    });
    return b.build();
  }

  /** {@code this + other}. */
  public Affine plus(Affine other) {
    return toBuilder().plus(other).build();
  }

  /** {@code this + c}. */
  public Affine plus(long c) {
    return toBuilder().plusConstant(c).build();
  }

  /** {@code -this}. */
  public Affine negate() {
    Builder b = builder().plusConstant(bias.negate());
    terms.forEach((d, w) -> b.plus(d, w.negate()));
    return b.build();
  }

  /** {@code this - other}. */
  public Affine minus(Affine other) {
    return plus(other.negate());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Affine && bias.equals(((Affine) o).bias)
        && terms.equals(((Affine) o).terms);
  }

  @Override
  public int hashCode() {
    return bias.hashCode() * 31 + terms.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    terms.forEach((d, w) -> s.append(s.length() == 0 ? "" : " + ").append(w).append("*").append(d));
    if (!bias.isZero() || s.length() == 0) {
      s.append(s.length() == 0 ? "" : " + ").append(bias);
    }
    return s.toString();
  }

  /** Accumulates terms. */
  public static final class Builder {
    private Rational bias = Rational.ZERO;
    private final Map<Direction, Rational> terms = new LinkedHashMap<>();

    private Builder() {}

    public Builder plus(Direction d, long w) {
      return plus(d, Rational.of(w));
    }

    public Builder plus(Direction d, Rational w) {
      checkNotNull(d, "direction");
      checkNotNull(w, "weight");
      Rational sum = terms.merge(d, w, Rational::add);
      if (sum.isZero()) {
        terms.remove(d);
      }
      return this;
    }

    public Builder plus(Affine a) {
      bias = bias.add(a.bias);
      a.terms.forEach(this::plus);
      return this;
    }

    /** Adds {@code factor * a}. */
    public Builder plus(Affine a, long factor) {
      Rational f = Rational.of(factor);
      bias = bias.add(a.bias.multiply(f));
      a.terms.forEach((d, w) -> plus(d, w.multiply(f)));
      return this;
    }

    public Builder plusConstant(long c) {
      return plusConstant(Rational.of(c));
    }

    public Builder plusConstant(Rational c) {
      bias = bias.add(checkNotNull(c));
      return this;
    }

    public Affine build() {
      return new Affine(bias, ImmutableMap.copyOf(terms));
    }
  }
}
