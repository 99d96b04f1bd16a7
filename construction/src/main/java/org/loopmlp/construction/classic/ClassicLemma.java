package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.stream.Collectors;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.stage.PaperStage;

/**
 * What one stage of the classic construction computes: its name, its roles, the layers {@code
 * [firstLayer, firstLayer + layerCount)} it occupies, a precondition and a postcondition on the
 * whole state space (each a register-by-register claim stated with the reference classic
 * machine's step), and a frame: the registers it must leave unchanged.
 */
public record ClassicLemma(String name, ImmutableList<ClassicRole> roles, int firstLayer,
    int layerCount, ClassicCondition precondition, ClassicCondition postcondition,
    ImmutableSet<Register> owned, ImmutableList<Register> frame) {
  public ClassicLemma {
    checkNotNull(name, "name");
    checkArgument(!roles.isEmpty(), "a lemma covers at least one role");
    checkArgument(firstLayer >= 0 && layerCount >= 1, "layers [%s, +%s)", firstLayer, layerCount);
    checkNotNull(precondition, "precondition");
    checkNotNull(postcondition, "postcondition");
    checkNotNull(owned, "owned");
    checkNotNull(frame, "frame");
  }

  /** The roles' labels joined by {@code " + "}. */
  public String roleLabel() {
    return roles.stream().map(ClassicRole::label).collect(Collectors.joining(" + "));
  }

  /** The paper stages these roles realise, joined by {@code " + "} ("-" for none). */
  public String paperLabel() {
    String s = roles.stream().flatMap(r -> r.paperStage().stream()).map(PaperStage::label)
        .collect(Collectors.joining(" + "));
    return s.isEmpty() ? "-" : s;
  }

  /** The paper's layer budget for the roles that have a paper stage. */
  public int budget() {
    return roles.stream().mapToInt(ClassicRole::budget).sum();
  }

  /** Every direction of the frame: each must leave the stage unchanged. */
  public ImmutableList<Direction> frameDirections() {
    return frame.stream().flatMap(r -> r.bits().stream())
        .collect(ImmutableList.toImmutableList());
  }

  public int lastLayer() {
    return firstLayer + layerCount - 1;
  }

  public boolean contains(int layer) {
    return layer >= firstLayer && layer <= lastLayer();
  }

  @Override
  public String toString() {
    return name + " (" + roleLabel() + "; paper " + paperLabel() + ", budget " + budget()
        + ", ours " + layerCount + ": layers " + firstLayer + ".." + lastLayer() + ")";
  }
}
