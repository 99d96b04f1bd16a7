package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Gadget;
import org.loopmlp.construction.gadget.Neuron;

/**
 * One layer of a stage, by names (SPEC §8): the neurons it writes, and the state directions it
 * clears. Every other direction of the machine state space is copied ({@code ReLU(x) = x} since
 * x >= 0); hidden neurons of the previous layer that are not read disappear. Immutable.
 */
public final class LayerPlan {
  private final String label;
  private final ImmutableList<Neuron> neurons;
  private final ImmutableSet<Direction> cleared;

  private LayerPlan(String label, ImmutableList<Neuron> neurons, ImmutableSet<Direction> cleared) {
    this.label = label;
    this.neurons = neurons;
    this.cleared = cleared;
  }

  /** Starts a layer called {@code label} (e.g. {@code select}). */
  public static Builder named(String label) {
    return new Builder(label);
  }

  public String label() {
    return label;
  }

  public ImmutableList<Neuron> neurons() {
    return neurons;
  }

  /** State directions set to 0 by this layer (not copied). */
  public ImmutableSet<Direction> cleared() {
    return cleared;
  }

  @Override
  public String toString() {
    return "LayerPlan[" + label + ", " + neurons.size() + " neurons, " + cleared.size()
        + " cleared]";
  }

  /** Collects neurons and cleared directions. */
  public static final class Builder {
    private final String label;
    private final List<Neuron> neurons = new ArrayList<>();
    private final Set<Direction> outputs = new LinkedHashSet<>();
    private final Set<Direction> cleared = new LinkedHashSet<>();

    private Builder(String label) {
      this.label = checkNotNull(label);
    }

    public Builder add(Gadget gadget) {
      gadget.neurons().forEach(this::add);
      return this;
    }

    public Builder add(Neuron neuron) {
      checkArgument(outputs.add(neuron.output()), "layer %s writes %s twice", label,
          neuron.output());
      checkArgument(!cleared.contains(neuron.output()), "layer %s writes and clears %s", label,
          neuron.output());
      neurons.add(neuron);
      return this;
    }

    /** Sets every bit of {@code register} to 0 in this layer's output. */
    public Builder clear(Register register) {
      register.bits().forEach(this::clear);
      return this;
    }

    public Builder clear(Direction d) {
      checkArgument(!outputs.contains(d), "layer %s writes and clears %s", label, d);
      cleared.add(d);
      return this;
    }

    public LayerPlan build() {
      return new LayerPlan(label, ImmutableList.copyOf(neurons), ImmutableSet.copyOf(cleared));
    }
  }
}
