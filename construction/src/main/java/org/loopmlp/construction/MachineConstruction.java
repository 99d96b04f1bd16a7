package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StageRole;
import org.loopmlp.construction.stage.StateCondition;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.SparseLayer;

/**
 * A looped ReLU-MLP for one config of some machine, assembled from stages: the state layout, one
 * network pass (loopable: its input and output are the state space) and one lemma per stage, in
 * order, with the layers it occupies. The paper machine's {@link Construction} and the classic
 * machine's {@link org.loopmlp.construction.classic.ClassicConstruction} are its instances; each
 * adds its config. Immutable.
 *
 * <p>Assembly places every stage's {@link LayerPlan}s against the layout by one {@link
 * LayerAssembler}: each state direction gets the row of the neuron that writes it, an empty row
 * if cleared, or an identity row (SPEC §8: "every state direction a layer does not mention is
 * copied"); hidden neurons follow. It refuses a stage that reads or writes a state register it
 * does not declare, or reads another stage's hidden neurons. Each stage's lemma starts from the
 * previous stage's postcondition (the first from the machine's pass start) and applies its roles'
 * effects; its frame is every register the roles do not own.
 *
 * @param <S> the machine's step
 * @param <R> the machine's registers
 */
public abstract class MachineConstruction<S extends MachineStep, R extends StateRegisters> {
  /** What an assembly makes: everything but the machine's config. */
  protected record Parts<S, R>(String name, R registers, StateLayout layout,
      ImmutableList<StageLemma<S>> lemmas, ImmutableList<LayerInfo> layers,
      ImmutableList<Invariant> inputInvariants, Network network) {}

  private final Parts<S, R> parts;

  protected MachineConstruction(Parts<S, R> parts) {
    this.parts = checkNotNull(parts, "parts");
  }

  /**
   * Assembles {@code stages}, in order, into one pass over {@code regs}' layout; the first lemma
   * starts from {@code passStart}.
   *
   * @throws IllegalArgumentException if a stage reads or writes what it does not declare, or
   *     does not end in the state space
   */
  protected static <S, R extends StateRegisters> Parts<S, R> assemble(String name, R regs,
      StateCondition<S> passStart, List<? extends MachineStage<S, R>> stages) {
    checkNotNull(name, "name");
    checkArgument(!stages.isEmpty(), "a construction needs at least one stage");
    StateLayout layout = regs.layout();
    LayerAssembler layers = new LayerAssembler(layout, regs.scratch());
    List<StageLemma<S>> lemmas = new ArrayList<>();
    StateCondition<S> condition = passStart;
    for (int si = 0; si < stages.size(); si++) {
      MachineStage<S, R> stage = checkNotNull(stages.get(si), "stage %s", si);
      ImmutableList<LayerPlan> plans = stage.layers(regs);
      int firstLayer = layers.addStage(si, stage.name(), plans, stage.reads(regs),
          stage.writes(regs));
      StageLemma<S> lemma = lemma(stage, regs, layers, condition, firstLayer, plans.size());
      lemmas.add(lemma);
      condition = lemma.postcondition();
    }
    return new Parts<>(name, regs, layout, ImmutableList.copyOf(lemmas),
        ImmutableList.copyOf(layers.layerInfos()), layers.inputInvariants(),
        Network.withInputNames(layers.layers(), layout.names()));
  }

  /** The stage's lemma: {@code pre}, then its roles' effects; frame = the rest. */
  private static <S, R> StageLemma<S> lemma(MachineStage<S, R> stage, R regs,
      LayerAssembler layers, StateCondition<S> pre, int firstLayer, int layerCount) {
    ImmutableList<? extends StageRole<S, R>> roles = stage.roles();
    checkArgument(!roles.isEmpty(), "stage %s implements no role", stage.name());
    StateCondition<S> post = pre;
    ImmutableSet.Builder<Register> ownedBuilder = ImmutableSet.builder();
    for (StageRole<S, R> role : roles) {
      post = post.with(role.effect(regs));
      ownedBuilder.addAll(role.owned(regs));
    }
    ImmutableSet<Register> owned = ownedBuilder.build();
    return new StageLemma<>(stage.name(), roles, firstLayer, layerCount, pre, post, owned,
        layers.frame(owned));
  }

  /**
   * These parts with another network of the same shape (e.g. one weight perturbed, for mutation
   * testing): same layout, lemmas and invariants, so a checked run judges the new weights against
   * the same claims.
   */
  protected final Parts<S, R> partsWithNetwork(Network replacement) {
    checkNotNull(replacement, "replacement");
    Network network = parts.network();
    ImmutableList<LayerInfo> layers = parts.layers();
    checkArgument(replacement.depth() == network.depth(), "depth %s, expected %s",
        replacement.depth(), network.depth());
    ImmutableList.Builder<LayerInfo> infos = ImmutableList.builder();
    for (int i = 0; i < layers.size(); i++) {
      LayerInfo old = layers.get(i);
      SparseLayer l = replacement.layer(i);
      checkArgument(l.inputDimension() == old.layer().inputDimension()
          && l.outputDimension() == old.layer().outputDimension(),
          "layer %s changes shape", i);
      infos.add(new LayerInfo(old.index(), old.label(), old.stageIndex(), old.stageName(),
          old.outputLayout(), old.invariants(), l));
    }
    Network named = Network.withInputNames(replacement.layers(), parts.layout().names());
    return new Parts<>(parts.name(), parts.registers(), parts.layout(), parts.lemmas(),
        infos.build(), parts.inputInvariants(), named);
  }

  /** This construction with another network of the same shape (see {@link #partsWithNetwork}). */
  public abstract MachineConstruction<S, R> withNetwork(Network replacement);

  public final String name() {
    return parts.name();
  }

  /** The named registers of the state space. */
  public final R registers() {
    return parts.registers();
  }

  /** The state space: input and output of one pass. */
  public final StateLayout layout() {
    return parts.layout();
  }

  /** One pass; loopable, with the layout's direction names as input names. */
  public final Network network() {
    return parts.network();
  }

  /** One lemma per stage, in order, with the layers it occupies. */
  public final ImmutableList<StageLemma<S>> lemmas() {
    return parts.lemmas();
  }

  /** Every layer with its output space and invariants. */
  public final ImmutableList<LayerInfo> layers() {
    return parts.layers();
  }

  public final LayerInfo layer(int index) {
    return parts.layers().get(index);
  }

  public final int depth() {
    return parts.layers().size();
  }

  /** The invariants of the pass input: scratch is 0, every other direction a bit. */
  public final ImmutableList<Invariant> inputInvariants() {
    return parts.inputInvariants();
  }

  /**
   * The layers of stage {@code stageIndex} alone, as a network from the state space to the state
   * space (every stage begins and ends in the state space): for proving one lemma in isolation.
   */
  public final Network stageNetwork(int stageIndex) {
    StageLemma<S> lemma = lemmas().get(stageIndex);
    return Network.withInputNames(
        network().layers().subList(lemma.firstLayer(), lemma.lastLayer() + 1),
        layout().names());
  }

  /** The lemma of the stage that owns {@code layer}. */
  public final StageLemma<S> lemmaOfLayer(int layer) {
    return lemmas().get(layers().get(layer).stageIndex());
  }

  /** The machine's config (word bits and memory sizes). */
  public abstract Object config();

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name() + ", " + config() + ", depth " + depth()
        + ", dim " + layout().dimension() + ", nnz " + network().nonZeros() + "]";
  }
}
