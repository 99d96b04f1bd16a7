package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StateCondition;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.MachineConfig;

/**
 * A looped ReLU-MLP for one machine config, assembled from stages: the machine state layout, one
 * network pass (loopable: its input and output are the state space) and one lemma per stage, in
 * order, with the layers it occupies. Immutable.
 *
 * <p>Assembly places every stage's {@link LayerPlan}s against the layout: each state direction
 * gets the row of the neuron that writes it, an empty row if cleared, or an identity row (SPEC
 * §8: "every state direction a layer does not mention is copied"); hidden neurons follow. It refuses a
 * stage that reads or writes a state register it does not declare, or reads another stage's
 * hidden neurons.
 */
public final class Construction {
  private final String name;
  private final MachineConfig config;
  private final MachineRegisters registers;
  private final StateLayout layout;
  private final ImmutableList<Stage> stages;
  private final ImmutableList<StageLemma> lemmas;
  private final ImmutableList<LayerInfo> layers;
  private final ImmutableList<Invariant> inputInvariants;
  private final Network network;

  private Construction(String name, MachineConfig config, MachineRegisters registers,
      StateLayout layout, ImmutableList<Stage> stages, ImmutableList<StageLemma> lemmas,
      ImmutableList<LayerInfo> layers, ImmutableList<Invariant> inputInvariants,
      Network network) {
    this.name = name;
    this.config = config;
    this.registers = registers;
    this.layout = layout;
    this.stages = stages;
    this.lemmas = lemmas;
    this.layers = layers;
    this.inputInvariants = inputInvariants;
    this.network = network;
  }

  /**
   * Assembles {@code stages}, in order, into one pass for {@code config}. Each stage's lemma
   * starts from the previous stage's postcondition (the first from {@code encode(program,
   * state)}) and applies its roles' effects.
   */
  public static Construction assemble(String name, MachineConfig config, List<Stage> stages) {
    checkNotNull(name, "name");
    checkNotNull(config, "config");
    checkArgument(!stages.isEmpty(), "a construction needs at least one stage");
    Assembler a = new Assembler(MachineRegisters.of(config));
    for (int si = 0; si < stages.size(); si++) {
      a.addStage(si, checkNotNull(stages.get(si), "stage %s", si));
    }
    return new Construction(name, config, a.regs, a.layout, ImmutableList.copyOf(stages),
        ImmutableList.copyOf(a.lemmas), ImmutableList.copyOf(a.infos), a.inputInvariants,
        Network.withInputNames(a.built, a.layout.names()));
  }

  /** Places stages layer by layer against the state layout, keeping each layer's invariants. */
  private static final class Assembler {
    final MachineRegisters regs;
    final StateLayout layout;
    final ImmutableList<Invariant> inputInvariants;
    final LayerAssembler layers;
    final List<SparseLayer> built;
    final List<LayerInfo> infos;
    final List<StageLemma> lemmas = new ArrayList<>();
    StateCondition condition;

    Assembler(MachineRegisters regs) {
      this.regs = regs;
      this.layout = regs.layout();
      this.layers = new LayerAssembler(layout, regs.scratch());
      this.inputInvariants = layers.inputInvariants();
      this.built = layers.layers();
      this.infos = layers.layerInfos();
      this.condition = PaperStage.passStart(regs);
    }

    void addStage(int si, Stage stage) {
      ImmutableList<LayerPlan> plans = stage.layers(regs);
      int firstLayer = layers.addStage(si, stage.name(), plans, stage.reads(regs),
          stage.writes(regs));
      addLemma(stage, firstLayer, plans.size());
    }

    /** The stage's lemma: the current condition, then its roles' effects; frame = the rest. */
    void addLemma(Stage stage, int firstLayer, int layerCount) {
      ImmutableList<PaperStage> roles = stage.roles();
      checkArgument(!roles.isEmpty(), "stage %s implements no paper stage", stage.name());
      StateCondition post = condition;
      ImmutableSet.Builder<Register> ownedBuilder = ImmutableSet.builder();
      for (PaperStage role : roles) {
        post = post.with(role.effect(regs));
        ownedBuilder.addAll(role.owned(regs));
      }
      ImmutableSet<Register> owned = ownedBuilder.build();
      ImmutableList<Register> frame = layers.frame(owned);
      lemmas.add(new StageLemma(stage.name(), roles, firstLayer, layerCount, condition, post,
          owned, frame));
      condition = post;
    }
  }

  /**
   * This construction with another network of the same shape (e.g. one weight perturbed, for
   * mutation testing): same layout, lemmas and invariants, so a checked run judges the new weights
   * against the same claims.
   */
  public Construction withNetwork(Network replacement) {
    checkNotNull(replacement, "replacement");
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
    Network named = Network.withInputNames(replacement.layers(), layout.names());
    return new Construction(name, config, registers, layout, stages, lemmas, infos.build(),
        inputInvariants, named);
  }

  public String name() {
    return name;
  }

  public MachineConfig config() {
    return config;
  }

  /** The named registers of the machine state space. */
  public MachineRegisters registers() {
    return registers;
  }

  /** The machine state space: input and output of one pass. */
  public StateLayout layout() {
    return layout;
  }

  /** One pass; loopable, with the layout's direction names as input names. */
  public Network network() {
    return network;
  }

  public ImmutableList<Stage> stages() {
    return stages;
  }

  /** One lemma per stage, in order, with the layers it occupies. */
  public ImmutableList<StageLemma> lemmas() {
    return lemmas;
  }

  /** Every layer with its output space and invariants. */
  public ImmutableList<LayerInfo> layers() {
    return layers;
  }

  public LayerInfo layer(int index) {
    return layers.get(index);
  }

  public int depth() {
    return layers.size();
  }

  /** The invariants of the pass input: program, memory and pc hold bits, scratch is 0. */
  public ImmutableList<Invariant> inputInvariants() {
    return inputInvariants;
  }

  /**
   * The layers of stage {@code stageIndex} alone, as a network from the state space to the state
   * space (every stage begins and ends in the state space): for proving one lemma in isolation.
   */
  public Network stageNetwork(int stageIndex) {
    StageLemma lemma = lemmas.get(stageIndex);
    return Network.withInputNames(
        network.layers().subList(lemma.firstLayer(), lemma.lastLayer() + 1), layout.names());
  }

  /** The lemma of the stage that owns {@code layer}. */
  public StageLemma lemmaOfLayer(int layer) {
    return lemmas.get(layers.get(layer).stageIndex());
  }

  @Override
  public String toString() {
    return "Construction[" + name + ", " + config + ", depth " + depth() + ", dim "
        + layout.dimension() + ", nnz " + network.nonZeros() + "]";
  }
}
