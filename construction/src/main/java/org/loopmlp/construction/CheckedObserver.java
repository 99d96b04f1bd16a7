package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.function.Supplier;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StateCondition;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;

/**
 * Runtime checks of one pass of any machine's construction (SPEC §9.2): after every layer, every
 * output direction satisfies its invariant; at the end of every stage, the stage left its frame
 * unchanged and its postcondition (stated with the reference machine's step) holds. Call {@link
 * #beforePass} with the pass input first. Throws {@link LemmaViolation} at the first failure.
 *
 * @param <S> the machine's step
 */
public final class CheckedObserver<S extends MachineStep> implements LayerObserver {
  private final MachineConstruction<S, ?> construction;
  private final S step;
  private final long pass;
  private final int stateDim;
  private Rational[] stageInput;
  private int expectedLayer;

  private CheckedObserver(MachineConstruction<S, ?> construction, S step, long pass) {
    this.construction = construction;
    this.step = step;
    this.pass = pass;
    this.stateDim = construction.layout().dimension();
  }

  /** Checks pass {@code pass} of {@code construction} against the reference {@code step}. */
  public static <S extends MachineStep> CheckedObserver<S> forPass(
      MachineConstruction<S, ?> construction, S step, long pass) {
    return new CheckedObserver<>(checkNotNull(construction), checkNotNull(step), pass);
  }

  /**
   * One pass of {@code compiled} (the network of {@code construction}) on {@code input}, every
   * layer told to {@code extra}; in checked mode ({@code checked}) also checked against the
   * reference {@code step} of pass {@code pass} by a {@link CheckedObserver}, which throws {@link
   * LemmaViolation} at the first failure. Both machines' looped networks run their passes here.
   */
  public static <S extends MachineStep> StateVector pass(Backend.Compiled compiled,
      StateVector input, LayerObserver extra, boolean checked,
      MachineConstruction<S, ?> construction, Supplier<S> step, long pass) {
    if (!checked) {
      return compiled.apply(input, extra);
    }
    CheckedObserver<S> check = forPass(construction, step.get(), pass);
    check.beforePass(input);
    LayerObserver observer = extra == LayerObserver.NONE ? check
        : (int index, SparseLayer layer, StateVector output) -> {
          check.afterLayer(index, layer, output);
          extra.afterLayer(index, layer, output);
        };
    return compiled.apply(input, observer);
  }

  /** Checks the pass input: the first stage's precondition (equal to the state's encoding). */
  public void beforePass(StateVector input) {
    checkArgument(input.dimension() == stateDim, "input dimension %s, state space %s",
        input.dimension(), stateDim);
    StageLemma<S> first = construction.lemmas().get(0);
    for (int i = 0; i < stateDim; i++) {
      Invariant inv = construction.inputInvariants().get(i);
      if (!inv.admits(input.get(i))) {
        throw new LemmaViolation(step, Kind.INVARIANT, pass, first.name(), -1, "input",
            construction.layout().direction(i), inv.toString(), input.get(i));
      }
    }
    checkCondition(Kind.PRECONDITION, first, first.precondition(), -1, "input", input);
    stageInput = statePart(input);
    expectedLayer = 0;
  }

  @Override
  public void afterLayer(int index, SparseLayer layer, StateVector output) {
    checkArgument(stageInput != null, "beforePass was not called");
    checkArgument(index == expectedLayer, "layer %s reported, expected %s", index,
        expectedLayer);
    expectedLayer++;
    LayerInfo info = construction.layer(index);
    StageLemma<S> lemma = construction.lemmaOfLayer(index);
    for (int i = 0; i < output.dimension(); i++) {
      Invariant inv = info.invariants().get(i);
      Rational x = output.get(i);
      if (!inv.admits(x)) {
        throw new LemmaViolation(step, Kind.INVARIANT, pass, lemma.name(), index, info.label(),
            info.outputLayout().direction(i), inv.toString(), x);
      }
    }
    if (index == lemma.lastLayer()) {
      for (Register r : lemma.frame()) {
        for (Direction d : r.bits()) {
          int i = construction.layout().indexOf(d);
          if (!output.get(i).equals(stageInput[i])) {
            throw new LemmaViolation(step, Kind.FRAME, pass, lemma.name(), index, info.label(),
                d, "unchanged " + stageInput[i] + " (frame of " + lemma.name() + ")",
                output.get(i));
          }
        }
      }
      checkCondition(Kind.POSTCONDITION, lemma, lemma.postcondition(), index, info.label(),
          output);
      stageInput = statePart(output);
    }
  }

  private void checkCondition(Kind kind, StageLemma<S> lemma, StateCondition<S> condition,
      int layer, String label, StateVector vector) {
    Optional<StateCondition.Mismatch<S>> m =
        condition.firstMismatch(vector, construction.layout(), step);
    if (m.isPresent()) {
      StateCondition.Mismatch<S> x = m.get();
      throw new LemmaViolation(step, kind, pass, lemma.name(), layer, label, x.direction(),
          x.expected() + " (" + x.claim().statement() + ", = " + x.expectedRegisterValue() + ")",
          x.got());
    }
  }

  private Rational[] statePart(StateVector v) {
    Rational[] s = new Rational[stateDim];
    for (int i = 0; i < stateDim; i++) {
      s[i] = v.get(i);
    }
    return s;
  }
}
