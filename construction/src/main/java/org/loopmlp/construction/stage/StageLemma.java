package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.stream.Collectors;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;

/**
 * What one stage of a construction computes (SPEC §9): its name, the paper's stage (or stages,
 * for stages run side by side) and budget,
 * the layers {@code [firstLayer, firstLayer + layerCount)} of the network it occupies, a
 * precondition and a postcondition on the whole state space (each a register-by-register claim
 * stated with the reference machine's values), and a frame: the registers it must leave
 * unchanged.
 */
public record StageLemma(String name, ImmutableList<PaperStage> paperStages, int firstLayer,
    int layerCount,
    StateCondition precondition, StateCondition postcondition, ImmutableSet<Register> owned,
    ImmutableList<Register> frame) {
  public StageLemma {
    checkNotNull(name, "name");
    checkArgument(!paperStages.isEmpty(), "a lemma covers at least one paper stage");
    checkArgument(firstLayer >= 0 && layerCount >= 1, "layers [%s, +%s)", firstLayer, layerCount);
    checkNotNull(precondition, "precondition");
    checkNotNull(postcondition, "postcondition");
    checkNotNull(owned, "owned");
    checkNotNull(frame, "frame");
  }

  /** The (first) paper stage this lemma covers. */
  public PaperStage paperStage() {
    return paperStages.get(0);
  }

  /** The paper stages' labels joined by {@code " + "}, e.g. {@code fetch + next pc}. */
  public String paperLabel() {
    return paperStages.stream().map(PaperStage::label)
        .collect(Collectors.joining(" + "));
  }

  /** The paper's layer budget for this stage (the sum, for stages run side by side). */
  public int budget() {
    return paperStages.stream().mapToInt(PaperStage::budget).sum();
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

  @Override
  public String toString() {
    return name + " (" + paperLabel() + ", paper " + budget() + " layers, ours "
        + layerCount + ": layers " + firstLayer + ".." + lastLayer() + ")";
  }
}
