package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Register;

/**
 * What one stage of a construction computes (DESIGN §6): its name, the paper's stage and budget,
 * the layers {@code [firstLayer, firstLayer + layerCount)} of the network it occupies, a
 * precondition and a postcondition on the whole state space (each a register-by-register claim
 * stated with the reference machine's values), and a frame: the registers it must leave
 * unchanged.
 */
public record StageLemma(String name, PaperStage paperStage, int firstLayer, int layerCount,
    StateCondition precondition, StateCondition postcondition, ImmutableSet<Register> owned,
    ImmutableList<Register> frame) {
  public StageLemma {
    checkNotNull(name, "name");
    checkNotNull(paperStage, "paperStage");
    checkArgument(firstLayer >= 0 && layerCount >= 1, "layers [%s, +%s)", firstLayer, layerCount);
    checkNotNull(precondition, "precondition");
    checkNotNull(postcondition, "postcondition");
    checkNotNull(owned, "owned");
    checkNotNull(frame, "frame");
  }

  /** The paper's layer budget for this stage. */
  public int budget() {
    return paperStage.budget();
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
    return name + " (" + paperStage.label() + ", paper " + budget() + " layers, ours "
        + layerCount + ": layers " + firstLayer + ".." + lastLayer() + ")";
  }
}
