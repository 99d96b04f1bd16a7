package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Invariant;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.construction.Register;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;

/**
 * Runtime checks of one classic pass: after every layer, every output direction satisfies its
 * invariant; at the end of every stage, the stage left its frame unchanged and its postcondition
 * (stated with the reference classic machine's step) holds. Call {@link #beforePass} with the
 * pass input first. Throws {@link ClassicLemmaViolation} at the first failure.
 */
public final class ClassicCheckedObserver implements LayerObserver {
  private final ClassicConstruction construction;
  private final ClassicStepContext step;
  private final long pass;
  private final int stateDim;
  private Rational[] stageInput;
  private int expectedLayer;

  private ClassicCheckedObserver(ClassicConstruction construction, ClassicStepContext step,
      long pass) {
    this.construction = construction;
    this.step = step;
    this.pass = pass;
    this.stateDim = construction.layout().dimension();
  }

  /** Checks pass {@code pass} of {@code construction} against the reference {@code step}. */
  public static ClassicCheckedObserver forPass(ClassicConstruction construction,
      ClassicStepContext step, long pass) {
    return new ClassicCheckedObserver(checkNotNull(construction), checkNotNull(step), pass);
  }

  /** Checks the pass input: invariants and the first stage's precondition. */
  public void beforePass(StateVector input) {
    checkArgument(input.dimension() == stateDim, "input dimension %s, state space %s",
        input.dimension(), stateDim);
    ClassicLemma first = construction.lemmas().get(0);
    for (int i = 0; i < stateDim; i++) {
      Invariant inv = construction.inputInvariants().get(i);
      if (!inv.admits(input.get(i))) {
        throw new ClassicLemmaViolation(step, Kind.INVARIANT, pass, first.name(), -1, "input",
            construction.layout().direction(i), inv.toString(), input.get(i));
      }
    }
    check(Kind.PRECONDITION, first, first.precondition(), -1, "input", input);
    stageInput = input.toRationals();
    expectedLayer = 0;
  }

  @Override
  public void afterLayer(int index, SparseLayer layer, StateVector output) {
    checkArgument(stageInput != null, "beforePass was not called");
    checkArgument(index == expectedLayer, "layer %s reported, expected %s", index,
        expectedLayer);
    expectedLayer++;
    LayerInfo info = construction.layer(index);
    ClassicLemma lemma = construction.lemmaOfLayer(index);
    for (int i = 0; i < output.dimension(); i++) {
      Invariant inv = info.invariants().get(i);
      Rational x = output.get(i);
      if (!inv.admits(x)) {
        throw new ClassicLemmaViolation(step, Kind.INVARIANT, pass, lemma.name(), index,
            info.label(), info.outputLayout().direction(i), inv.toString(), x);
      }
    }
    if (index == lemma.lastLayer()) {
      for (Register r : lemma.frame()) {
        for (Direction d : r.bits()) {
          int i = construction.layout().indexOf(d);
          if (!output.get(i).equals(stageInput[i])) {
            throw new ClassicLemmaViolation(step, Kind.FRAME, pass, lemma.name(), index,
                info.label(), d, "unchanged " + stageInput[i] + " (frame of " + lemma.name()
                    + ")", output.get(i));
          }
        }
      }
      check(Kind.POSTCONDITION, lemma, lemma.postcondition(), index, info.label(), output);
      Rational[] s = new Rational[stateDim];
      for (int i = 0; i < stateDim; i++) {
        s[i] = output.get(i);
      }
      stageInput = s;
    }
  }

  private void check(Kind kind, ClassicLemma lemma, ClassicCondition condition, int layer,
      String label, StateVector vector) {
    Optional<ClassicCondition.Mismatch> m =
        condition.firstMismatch(vector, construction.layout(), step);
    if (m.isPresent()) {
      ClassicCondition.Mismatch x = m.get();
      throw new ClassicLemmaViolation(step, kind, pass, lemma.name(), layer, label,
          x.direction(), x.expected() + " (" + x.claim().statement() + ", = "
              + x.expectedRegisterValue() + ")", x.got());
    }
  }
}
