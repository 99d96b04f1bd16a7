package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * Structural proof of every stage's frame (SPEC §9.2, tier 3), read off the weights: in every
 * layer of a stage, every direction the stage does not own is computed by an identity row (one
 * weight 1 on the same direction, bias 0). Since every layer input is >= 0 (bits, or outputs of
 * a ReLU), such a row gives {@code ReLU(x_i) = x_i}, so the stage leaves its frame unchanged for
 * all inputs, not just tested ones. State directions keep their index in every layer's space.
 */
public final class FrameProof {
  private FrameProof() {}

  /** One frame direction in one layer whose row is not the identity. */
  public record Violation(String stage, int layer, String layerLabel, String direction,
      String row) {
    @Override
    public String toString() {
      return "stage " + stage + ", layer " + layer + " (" + layerLabel + "): " + direction
          + " is not copied; its row is " + row;
    }
  }

  /**
   * The outcome: how many (layer, direction) obligations were checked, per stage and in all,
   * and the violations.
   */
  public record Result(String construction, String config, int stages, long obligations,
      ImmutableList<Violation> violations) {
    public boolean holds() {
      return violations.isEmpty();
    }

    @Override
    public String toString() {
      return construction + " " + config + ": frame of " + stages + " stages, " + obligations
          + " identity rows checked: " + (holds() ? "proved" : violations.size()
              + " violations, first " + violations.get(0));
    }
  }

  public static Result prove(Construction construction) {
    checkNotNull(construction, "construction");
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    long obligations = 0;
    for (StageLemma<PaperStep> lemma : construction.lemmas()) {
      for (int li = lemma.firstLayer(); li <= lemma.lastLayer(); li++) {
        SparseLayer layer = construction.layer(li).layer();
        for (Register r : lemma.frame()) {
          for (Direction d : r.bits()) {
            obligations++;
            int i = construction.layout().indexOf(d);
            if (!isIdentityRow(layer, i)) {
              violations.add(new Violation(lemma.name(), li, construction.layer(li).label(),
                  d.name(), describe(layer, i)));
            }
          }
        }
      }
    }
    return new Result(construction.name(), construction.config().toString(),
        construction.lemmas().size(), obligations, violations.build());
  }

  private static boolean isIdentityRow(SparseLayer layer, int row) {
    return layer.bias(row).isZero() && layer.rowEnd(row) - layer.rowStart(row) == 1
        && layer.column(layer.rowStart(row)) == row
        && layer.weight(layer.rowStart(row)).equals(Rational.ONE);
  }

  private static String describe(SparseLayer layer, int row) {
    StringBuilder sb = new StringBuilder("ReLU(");
    for (int k = layer.rowStart(row); k < layer.rowEnd(row); k++) {
      sb.append(layer.weight(k)).append("*x").append(layer.column(k)).append(" + ");
    }
    return sb.append(layer.bias(row)).append(')').toString();
  }
}
