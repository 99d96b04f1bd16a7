package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StateCondition;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
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
    final int stateDim;
    final ImmutableList<Invariant> inputInvariants;
    final List<SparseLayer> built = new ArrayList<>();
    final List<LayerInfo> infos = new ArrayList<>();
    final List<StageLemma> lemmas = new ArrayList<>();
    final Set<String> stageNames = new HashSet<>();
    StateLayout previous;
    List<Invariant> previousInv;
    StateCondition condition;

    Assembler(MachineRegisters regs) {
      this.regs = regs;
      this.layout = regs.layout();
      this.stateDim = layout.dimension();
      Set<Direction> scratch = directionsOf(ImmutableSet.copyOf(regs.scratch()));
      this.inputInvariants = layout.directions().stream()
          .map(d -> scratch.contains(d) ? Invariant.ZERO : Invariant.BIT)
          .collect(ImmutableList.toImmutableList());
      this.previous = layout;
      this.previousInv = inputInvariants;
      this.condition = PaperStage.passStart(regs);
    }

    void addStage(int si, Stage stage) {
      checkArgument(stageNames.add(stage.name()), "two stages are called %s", stage.name());
      Set<Direction> writes = directionsOf(stage.writes(regs));
      Set<Direction> readable = directionsOf(stage.reads(regs));
      readable.addAll(writes);
      for (Register r : stage.writes(regs)) {
        checkArgument(layout.findRegister(r.name()).isPresent(),
            "stage %s declares %s, which is not a state register", stage.name(), r.name());
      }
      ImmutableList<LayerPlan> plans = stage.layers(regs);
      checkArgument(!plans.isEmpty(), "stage %s has no layers", stage.name());
      int firstLayer = built.size();
      for (int li = 0; li < plans.size(); li++) {
        addLayer(si, stage, plans.get(li), li > 0, writes, readable);
      }
      checkArgument(previous.dimension() == stateDim,
          "stage %s ends with %s hidden neurons; a stage must end in the state space",
          stage.name(), previous.dimension() - stateDim);
      addLemma(stage, firstLayer, plans.size());
    }

    /**
     * Checks one layer's reads and writes against the stage's declaration, then builds it. Each
     * neuron is turned into a row of primitive CSR arrays as the plan yields it, with its
     * invariant, so the plan's neurons are never held all at once. State rows come first (in
     * state order, identity copies for what the layer does not write or clear), hidden rows follow
     * in the order the plan gives them.
     */
    void addLayer(int si, Stage stage, LayerPlan plan, boolean sameStage, Set<Direction> writes,
        Set<Direction> readable) {
      String label = stage.name() + "." + plan.label();
      StateLayout.Builder out = layout.extend();
      int inputDim = previous.dimension();
      SparseLayer.Builder stateRows = SparseLayer.builder(inputDim);
      // Held in a box so that it can be let go before the layer is copied out of it.
      SparseLayer.Builder[] hiddenBox = {SparseLayer.builder(inputDim)};
      int[] stateRowOf = new int[stateDim];
      Arrays.fill(stateRowOf, -1);
      List<Invariant> stateInv = new ArrayList<>();
      List<Invariant> hiddenInv = new ArrayList<>();
      plan.forEachPrepared(n -> prepare(n, stage, label, sameStage, readable), row -> {
        Neuron n = row.neuron();
        boolean stateRow = row.outIndex() >= 0;
        if (stateRow) {
          checkArgument(writes.contains(n.output()),
              "stage %s, layer %s writes %s, which the stage does not declare", stage.name(),
              label, n.output());
          checkArgument(stateRowOf[row.outIndex()] < 0, "layer %s writes %s twice", label,
              n.output());
          checkArgument(!plan.cleared().contains(n.output()), "layer %s writes and clears %s",
              label, n.output());
          stateRowOf[row.outIndex()] = stateRows.addRow(n.preActivation().bias(), row.columns(),
              row.weights(), row.columns().length);
          stateInv.add(row.invariant());
        } else {
          out.add(label, n.output());
          hiddenBox[0].addRow(n.preActivation().bias(), row.columns(), row.weights(),
              row.columns().length);
          hiddenInv.add(row.invariant());
        }
      });
      for (Direction d : plan.cleared()) {
        checkArgument(layout.contains(d) && writes.contains(d),
            "stage %s, layer %s clears %s, which the stage does not declare", stage.name(),
            label, d);
      }
      StateLayout outLayout = out.build();
      // Sized exactly: state rows (an identity weight for each copied direction), then the hidden
      // rows, so the widest layers are copied once and never grown.
      long copied = 0;
      for (int i = 0; i < stateDim; i++) {
        copied += stateRowOf[i] < 0 ? 1 : 0;
      }
      SparseLayer.Builder lb = SparseLayer.builder(inputDim).label(label).reserve(
          outLayout.dimension(), copied + stateRows.nonZeros() + hiddenBox[0].nonZeros());
      List<Invariant> inv = new ArrayList<>(outLayout.dimension());
      boolean[] cleared = new boolean[stateDim];
      plan.cleared().forEach(d -> cleared[layout.indexOf(d)] = true);
      int[] column = new int[1];
      Rational[] one = new Rational[1];
      for (int i = 0; i < stateDim; i++) {
        if (stateRowOf[i] >= 0) {
          lb.addRowOf(stateRows, stateRowOf[i]);
          inv.add(stateInv.get(stateRowOf[i]));
        } else if (cleared[i]) {
          lb.addRow(Rational.ZERO, column, one, 0);
          inv.add(Invariant.ZERO);
        } else {
          // SPEC §8: every direction that is not mentioned is copied, ReLU(x) = x for x >= 0.
          column[0] = i;
          one[0] = Rational.ONE;
          lb.addRow(Rational.ZERO, column, one, 1);
          inv.add(previousInv.get(i));
        }
      }
      SparseLayer.Builder hiddenRows = hiddenBox[0];
      hiddenBox[0] = null;
      for (int r = 0; r < hiddenRows.rows(); r++) {
        lb.addRowOf(hiddenRows, r);
      }
      hiddenRows = null;
      inv.addAll(hiddenInv);
      SparseLayer layer = lb.build();
      ImmutableList<Invariant> invariants = ImmutableList.copyOf(inv);
      infos.add(new LayerInfo(built.size(), label, si, stage.name(), outLayout, invariants,
          layer));
      built.add(layer);
      previous = outLayout;
      previousInv = invariants;
    }

    /**
     * One neuron as a row: its index in the state space (-1 for a hidden neuron), its terms as
     * (column, weight) arrays against the previous layer, checked against the stage's declaration,
     * and its invariant (declared, or the interval of ReLU(pre) over the inputs' invariants).
     * Reads only what the layer before has fixed, so it runs on several threads at once.
     */
    private PreparedRow prepare(Neuron n, Stage stage, String label, boolean sameStage,
        Set<Direction> readable) {
      Map<Direction, Rational> terms = n.preActivation().terms();
      int[] columns = new int[terms.size()];
      Rational[] weights = new Rational[terms.size()];
      int size = 0;
      boolean bounded = n.declared().isEmpty();
      Rational bias = n.preActivation().bias();
      long lo = 0;
      long hi = 0;
      if (bounded) {
        checkArgument(bias.isLong(), "neuron %s: bias %s is not an integer", n.output(), bias);
        lo = bias.longValueExact();
        hi = lo;
      }
      for (Map.Entry<Direction, Rational> e : terms.entrySet()) {
        Direction d = e.getKey();
        int column = previous.find(d);
        if (column >= 0 && column < stateDim) {
          checkArgument(readable.contains(d),
              "stage %s, layer %s reads %s, which the stage does not declare", stage.name(),
              label, d);
        } else {
          checkArgument(sameStage && column >= 0,
              "stage %s, layer %s reads %s, which is not a hidden neuron of the stage's"
                  + " previous layer", stage.name(), label, d);
        }
        columns[size] = column;
        weights[size] = e.getValue();
        size++;
        if (bounded) {
          checkArgument(e.getValue().isLong(), "neuron %s: weight %s is not an integer",
              n.output(), e.getValue());
          long w = e.getValue().longValueExact();
          Invariant x = previousInv.get(column);
          long a = Math.multiplyExact(w, x.low());
          long b = Math.multiplyExact(w, x.high());
          lo = Math.addExact(lo, Math.min(a, b));
          hi = Math.addExact(hi, Math.max(a, b));
        }
      }
      Invariant inv = bounded ? Invariant.range(Math.max(0, lo), Math.max(0, hi))
          : n.declared().get();
      return new PreparedRow(n, layout.find(n.output()), columns, weights, inv);
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
      ImmutableList<Register> frame = layout.registers().stream()
          .filter(r -> !owned.contains(r)).collect(ImmutableList.toImmutableList());
      lemmas.add(new StageLemma(stage.name(), roles, firstLayer, layerCount, condition, post,
          owned, frame));
      condition = post;
    }
  }

  /** A neuron made into a row by {@code Assembler.prepare}. */
  private record PreparedRow(Neuron neuron, int outIndex, int[] columns, Rational[] weights,
      Invariant invariant) {}

  private static Set<Direction> directionsOf(Set<Register> registers) {
    Set<Direction> s = new HashSet<>();
    registers.forEach(r -> s.addAll(r.bits()));
    return s;
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
