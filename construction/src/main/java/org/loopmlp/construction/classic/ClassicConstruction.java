package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.loopmlp.construction.Invariant;
import org.loopmlp.construction.LayerAssembler;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The looped ReLU-MLP of the classic SUBLEQ machine for one config: one memory for code and data,
 * fetched from and written to in the same pass, with input and output through ports of the state
 * (see {@link ClassicRegisters}). Four stages of two layers each, 8 layers against the paper's
 * 23:
 *
 * <pre>
 *   fetch+next pc   layers 0..1  ({@link ClassicFetchStage})
 *   read+decode     layers 2..3  ({@link ClassicReadStage})
 *   subtract+io     layers 4..5  ({@link ClassicSubtractStage})
 *   write+branch    layers 6..7  ({@link ClassicWriteStage})
 * </pre>
 *
 * <p>{@code classic-split} ({@link #buildSplit}) decodes each address (pc, a, b) into one
 * selector unit per cell through its two halves ({@link
 * org.loopmlp.construction.stage.AddressDecoding#SPLIT}) and routes the result through the halves
 * of b, so that a changed address or result reaches about 2^(A/2) units instead of every cell:
 * fetch (4), read (4), subtract (2), write (4), 14 layers, for incremental evaluation of large
 * memories. Its stages have the same roles, so it has the same lemmas.
 *
 * <p>Assembly works as for the paper's machine, by the same {@link LayerAssembler}: each state
 * direction gets the row of the neuron that writes it, an empty row if cleared, or an identity
 * row; hidden neurons follow. A stage that reads or writes a register it does not declare, or
 * reads another stage's hidden neurons, is refused. Each stage's lemma starts from the previous
 * stage's postcondition (the first from {@link ClassicRole#passStart}) and applies its roles'
 * effects; its frame is every register the roles do not own. Immutable.
 */
public final class ClassicConstruction {
  public static final String NAME = "classic";
  public static final String SPLIT_NAME = "classic-split";

  private final String name;
  private final ClassicConfig config;
  private final ClassicRegisters registers;
  private final StateLayout layout;
  private final ImmutableList<ClassicStage> stages;
  private final ImmutableList<ClassicLemma> lemmas;
  private final ImmutableList<LayerInfo> layers;
  private final ImmutableList<Invariant> inputInvariants;
  private final Network network;

  private ClassicConstruction(String name, ClassicConfig config, ClassicRegisters registers,
      StateLayout layout, ImmutableList<ClassicStage> stages, ImmutableList<ClassicLemma> lemmas,
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

  /** The four stages, in order. */
  public static ImmutableList<ClassicStage> standardStages() {
    return ImmutableList.of(ClassicFetchStage.standard(), ClassicReadStage.standard(),
        ClassicSubtractStage.standard(), ClassicWriteStage.standard());
  }

  /** The four stages with every address decoded in halves, in order. */
  public static ImmutableList<ClassicStage> splitStages() {
    return ImmutableList.of(ClassicFetchStage.splitDecoding(), ClassicReadStage.splitDecoding(),
        ClassicSubtractStage.standard(), ClassicWriteStage.splitDecoding());
  }

  /** The 8-layer classic construction for {@code config}. */
  public static ClassicConstruction build(ClassicConfig config) {
    return assemble(NAME, config, standardStages());
  }

  /** The 14-layer {@code classic-split} construction for {@code config}. */
  public static ClassicConstruction buildSplit(ClassicConfig config) {
    return assemble(SPLIT_NAME, config, splitStages());
  }

  /** The construction called {@code name} ({@link #NAME} or {@link #SPLIT_NAME}). */
  public static ClassicConstruction build(String name, ClassicConfig config) {
    checkNotNull(name, "name");
    switch (name) {
      case NAME:
        return build(config);
      case SPLIT_NAME:
        return buildSplit(config);
      default:
        throw new IllegalArgumentException("unknown classic construction " + name
            + " (known: " + NAME + ", " + SPLIT_NAME + ")");
    }
  }

  /**
   * Assembles {@code stages}, in order, into one pass for {@code config}.
   *
   * @throws IllegalArgumentException if a stage reads or writes what it does not declare, or
   *     does not end in the state space
   */
  public static ClassicConstruction assemble(String name, ClassicConfig config,
      List<? extends ClassicStage> stages) {
    checkNotNull(name, "name");
    checkNotNull(config, "config");
    checkArgument(config.inputMode() == ClassicConfig.InputMode.STORE,
        "the classic construction implements store-mode input only, not %s",
        config.inputMode());
    checkArgument(!stages.isEmpty(), "a construction needs at least one stage");
    Assembler a = new Assembler(ClassicRegisters.of(config));
    for (int si = 0; si < stages.size(); si++) {
      a.addStage(si, checkNotNull(stages.get(si), "stage %s", si));
    }
    return new ClassicConstruction(name, config, a.regs, a.layout, ImmutableList.copyOf(stages),
        ImmutableList.copyOf(a.lemmas), ImmutableList.copyOf(a.infos), a.inputInvariants,
        Network.withInputNames(a.built, a.layout.names()));
  }

  private static final class Assembler {
    final ClassicRegisters regs;
    final StateLayout layout;
    final ImmutableList<Invariant> inputInvariants;
    final LayerAssembler layers;
    final List<SparseLayer> built;
    final List<LayerInfo> infos;
    final List<ClassicLemma> lemmas = new ArrayList<>();
    ClassicCondition condition;

    Assembler(ClassicRegisters regs) {
      this.regs = regs;
      this.layout = regs.layout();
      this.layers = new LayerAssembler(layout, regs.scratch());
      this.inputInvariants = layers.inputInvariants();
      this.built = layers.layers();
      this.infos = layers.layerInfos();
      this.condition = ClassicRole.passStart(regs);
    }

    void addStage(int si, ClassicStage stage) {
      ImmutableList<LayerPlan> plans = stage.layers(regs);
      int firstLayer = layers.addStage(si, stage.name(), plans, stage.reads(regs),
          stage.writes(regs));
      addLemma(stage, firstLayer, plans.size());
    }

    void addLemma(ClassicStage stage, int firstLayer, int layerCount) {
      ImmutableList<ClassicRole> roles = stage.roles();
      checkArgument(!roles.isEmpty(), "stage %s implements no role", stage.name());
      ClassicCondition post = condition;
      ImmutableSet.Builder<Register> ownedBuilder = ImmutableSet.builder();
      for (ClassicRole role : roles) {
        post = post.with(role.effect(regs));
        ownedBuilder.addAll(role.owned(regs));
      }
      ImmutableSet<Register> owned = ownedBuilder.build();
      ImmutableList<Register> frame = layers.frame(owned);
      lemmas.add(new ClassicLemma(stage.name(), roles, firstLayer, layerCount, condition, post,
          owned, frame));
      condition = post;
    }
  }

  /**
   * This construction with another network of the same shape (e.g. one weight perturbed, for
   * mutation testing): same layout, lemmas and invariants.
   */
  public ClassicConstruction withNetwork(Network replacement) {
    checkNotNull(replacement, "replacement");
    checkArgument(replacement.depth() == network.depth(), "depth %s, expected %s",
        replacement.depth(), network.depth());
    ImmutableList.Builder<LayerInfo> infos = ImmutableList.builder();
    for (int i = 0; i < layers.size(); i++) {
      LayerInfo old = layers.get(i);
      SparseLayer l = replacement.layer(i);
      checkArgument(l.inputDimension() == old.layer().inputDimension()
          && l.outputDimension() == old.layer().outputDimension(), "layer %s changes shape", i);
      infos.add(new LayerInfo(old.index(), old.label(), old.stageIndex(), old.stageName(),
          old.outputLayout(), old.invariants(), l));
    }
    return new ClassicConstruction(name, config, registers, layout, stages, lemmas,
        infos.build(), inputInvariants,
        Network.withInputNames(replacement.layers(), layout.names()));
  }

  public String name() {
    return name;
  }

  public ClassicConfig config() {
    return config;
  }

  public ClassicRegisters registers() {
    return registers;
  }

  /** The state space: input and output of one pass. */
  public StateLayout layout() {
    return layout;
  }

  /** One pass; loopable, with the layout's direction names as input names. */
  public Network network() {
    return network;
  }

  public ImmutableList<ClassicStage> stages() {
    return stages;
  }

  /** One lemma per stage, in order, with the layers it occupies. */
  public ImmutableList<ClassicLemma> lemmas() {
    return lemmas;
  }

  public ImmutableList<LayerInfo> layers() {
    return layers;
  }

  public LayerInfo layer(int index) {
    return layers.get(index);
  }

  public int depth() {
    return layers.size();
  }

  /** Invariants of the pass input: memory, pc and ports hold bits, scratch is 0. */
  public ImmutableList<Invariant> inputInvariants() {
    return inputInvariants;
  }

  /** The layers of stage {@code stageIndex} alone, from the state space to the state space. */
  public Network stageNetwork(int stageIndex) {
    ClassicLemma lemma = lemmas.get(stageIndex);
    return Network.withInputNames(
        network.layers().subList(lemma.firstLayer(), lemma.lastLayer() + 1), layout.names());
  }

  /** The lemma of the stage that owns {@code layer}. */
  public ClassicLemma lemmaOfLayer(int layer) {
    return lemmas.get(layers.get(layer).stageIndex());
  }

  @Override
  public String toString() {
    return "ClassicConstruction[" + name + ", " + config + ", depth " + depth() + ", dim "
        + layout.dimension() + ", nnz " + network.nonZeros() + "]";
  }
}
