package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;

/**
 * What one stage of a construction computes (SPEC §9): its name, its roles (the paper's stages,
 * or several for stages run side by side, or another machine's roles), the layers {@code
 * [firstLayer, firstLayer + layerCount)} of the network it occupies, a precondition and a
 * postcondition on the whole state space (each a register-by-register claim stated with the
 * reference machine's step {@code S}), and a frame: the registers it must leave unchanged.
 *
 * @param <S> the machine's step
 */
public record StageLemma<S>(String name, ImmutableList<? extends StageRole<S, ?>> roles,
    int firstLayer, int layerCount, StateCondition<S> precondition,
    StateCondition<S> postcondition, ImmutableSet<Register> owned,
    ImmutableList<Register> frame) {
  public StageLemma {
    checkNotNull(name, "name");
    checkArgument(!roles.isEmpty(), "a lemma covers at least one role");
    checkArgument(firstLayer >= 0 && layerCount >= 1, "layers [%s, +%s)", firstLayer, layerCount);
    checkNotNull(precondition, "precondition");
    checkNotNull(postcondition, "postcondition");
    checkNotNull(owned, "owned");
    checkNotNull(frame, "frame");
  }

  /** The paper stages the roles realise, in order (roles the paper does not have are left out). */
  public ImmutableList<PaperStage> paperStages() {
    return roles.stream().map(StageRole::paperStage).flatMap(Optional::stream)
        .collect(ImmutableList.toImmutableList());
  }

  /** The (first) paper stage this lemma covers. */
  public PaperStage paperStage() {
    return paperStages().get(0);
  }

  /** The roles' labels joined by {@code " + "}. */
  public String roleLabel() {
    return roles.stream().map(StageRole::label).collect(Collectors.joining(" + "));
  }

  /** The paper stages' labels joined by {@code " + "}, e.g. {@code fetch + next pc} ("-": none). */
  public String paperLabel() {
    String s = paperStages().stream().map(PaperStage::label).collect(Collectors.joining(" + "));
    return s.isEmpty() ? "-" : s;
  }

  /** The paper's layer budget for this stage (the sum over its roles). */
  public int budget() {
    return roles.stream().mapToInt(StageRole::budget).sum();
  }

  /** Every direction of the frame's registers: each must leave the stage unchanged. */
  public ImmutableList<Direction> frameDirections() {
    return frame.stream().flatMap(r -> r.bits().stream())
        .collect(ImmutableList.toImmutableList());
  }

  /** The index of the stage's last layer. */
  public int lastLayer() {
    return firstLayer + layerCount - 1;
  }

  /** True when {@code layer} belongs to this stage. */
  public boolean contains(int layer) {
    return layer >= firstLayer && layer <= lastLayer();
  }

  /** True when the stage uses no more layers than the paper allows. */
  public boolean withinBudget() {
    return layerCount <= budget();
  }

  /** True when every role is one of the paper's stages (the paper machine's lemmas). */
  private boolean rolesArePaperStages() {
    return roles.stream().allMatch(r -> r instanceof PaperStage);
  }

  @Override
  public String toString() {
    String layers = ", ours " + layerCount + ": layers " + firstLayer + ".." + lastLayer() + ")";
    return rolesArePaperStages()
        ? name + " (" + paperLabel() + ", paper " + budget() + " layers" + layers
        : name + " (" + roleLabel() + "; paper " + paperLabel() + ", budget " + budget() + layers;
  }
}
