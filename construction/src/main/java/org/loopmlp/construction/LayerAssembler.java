package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * Places layers one after another against a machine state space (SPEC §8), for both machines'
 * assemblers ({@code Construction.assemble}, {@code ClassicConstruction.assemble}): checks each
 * layer's reads and writes against its stage's declaration, turns its plan into a {@link
 * SparseLayer} (state rows first, in state order, with an identity copy of every direction the
 * layer neither writes nor clears; hidden rows after them, in plan order) and keeps every layer's
 * output layout and invariants. Not thread-safe; large plans are prepared in parallel ({@link
 * LayerPlan#forEachPrepared}).
 */
public final class LayerAssembler {
  private final StateLayout layout;
  private final int stateDim;
  private final ImmutableList<Invariant> inputInvariants;
  private final Set<String> stageNames = new HashSet<>();
  private final List<SparseLayer> built = new ArrayList<>();
  private final List<LayerInfo> infos = new ArrayList<>();
  private StateLayout previous;
  private List<Invariant> previousInv;

  /**
   * An assembler over the machine state space {@code layout}: a pass's input holds 0 in the
   * directions of the {@code scratch} registers and a bit in every other direction.
   */
  public LayerAssembler(StateLayout layout, Collection<Register> scratch) {
    this.layout = layout;
    this.stateDim = layout.dimension();
    Set<Direction> zero = directionsOf(scratch);
    this.inputInvariants = layout.directions().stream()
        .map(d -> zero.contains(d) ? Invariant.ZERO : Invariant.BIT)
        .collect(ImmutableList.toImmutableList());
    this.previous = layout;
    this.previousInv = inputInvariants;
  }

  /** The invariants of a pass's input: scratch 0, every other direction a bit. */
  public ImmutableList<Invariant> inputInvariants() {
    return inputInvariants;
  }

  /**
   * Adds the layers of stage {@code si}, which declares that it reads {@code reads} and writes
   * {@code writes} (state registers) and must end in the state space; returns the index of its
   * first layer.
   *
   * @throws IllegalArgumentException if two stages share a name, a declared register is not in
   *     the state space, or a layer reads or writes what the stage does not declare
   */
  public int addStage(int si, String stageName, List<LayerPlan> plans,
      Collection<Register> reads, Collection<Register> writes) {
    checkArgument(stageNames.add(stageName), "two stages are called %s", stageName);
    for (Register r : writes) {
      checkArgument(layout.findRegister(r.name()).isPresent(),
          "stage %s declares %s, which is not a state register", stageName, r.name());
    }
    Set<Direction> writable = directionsOf(writes);
    Set<Direction> readable = directionsOf(reads);
    readable.addAll(writable);
    checkArgument(!plans.isEmpty(), "stage %s has no layers", stageName);
    int first = built.size();
    for (int li = 0; li < plans.size(); li++) {
      addLayer(si, stageName, plans.get(li), li > 0, writable, readable);
    }
    checkArgument(previous.dimension() == stateDim,
        "stage %s ends with %s hidden neurons; a stage must end in the state space", stageName,
        previous.dimension() - stateDim);
    return first;
  }

  /** The state registers a stage that owns {@code owned} leaves as they are: its frame. */
  public ImmutableList<Register> frame(Set<Register> owned) {
    return layout.registers().stream().filter(r -> !owned.contains(r))
        .collect(ImmutableList.toImmutableList());
  }

  private static Set<Direction> directionsOf(Collection<Register> registers) {
    Set<Direction> s = new HashSet<>();
    registers.forEach(r -> s.addAll(r.bits()));
    return s;
  }

  /** The layers so far (a live view). */
  public List<SparseLayer> layers() {
    return built;
  }

  /** The layers so far with their labels, output layouts and invariants (a live view). */
  public List<LayerInfo> layerInfos() {
    return infos;
  }

  /**
   * Checks one layer's reads and writes against the stage's declaration, then builds it. Each
   * neuron is turned into a row of primitive CSR arrays as the plan yields it, with its
   * invariant, so the plan's neurons are never held all at once. State rows come first (in
   * state order, identity copies for what the layer does not write or clear), hidden rows follow
   * in the order the plan gives them.
   */
  private void addLayer(int si, String stageName, LayerPlan plan, boolean sameStage,
      Set<Direction> writes, Set<Direction> readable) {
    String label = stageName + "." + plan.label();
    StateLayout.Builder out = layout.extend();
    int inputDim = previous.dimension();
    SparseLayer.Builder stateRows = SparseLayer.builder(inputDim);
    // Held in a box so that it can be let go before the layer is copied out of it.
    SparseLayer.Builder[] hiddenBox = {SparseLayer.builder(inputDim)};
    int[] stateRowOf = new int[stateDim];
    Arrays.fill(stateRowOf, -1);
    List<Invariant> stateInv = new ArrayList<>();
    List<Invariant> hiddenInv = new ArrayList<>();
    plan.forEachPrepared(n -> prepare(n, stageName, label, sameStage, readable), row -> {
      Neuron n = row.neuron();
      boolean stateRow = row.outIndex() >= 0;
      if (stateRow) {
        checkStateWrite(stageName, label, plan, writes, stateRowOf[row.outIndex()] >= 0,
            n.output());
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
          "stage %s, layer %s clears %s, which the stage does not declare", stageName,
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
    addStateRows(lb, inv, plan.cleared(), stateRows, stateRowOf, stateInv);
    SparseLayer.Builder hiddenRows = hiddenBox[0];
    hiddenBox[0] = null;
    for (int r = 0; r < hiddenRows.rows(); r++) {
      lb.addRowOf(hiddenRows, r);
    }
    hiddenRows = null;
    inv.addAll(hiddenInv);
    SparseLayer layer = lb.build();
    ImmutableList<Invariant> invariants = ImmutableList.copyOf(inv);
    infos.add(new LayerInfo(built.size(), label, si, stageName, outLayout, invariants,
        layer));
    built.add(layer);
    previous = outLayout;
    previousInv = invariants;
  }

  /** A state write must be declared by the stage, once per layer, and not also cleared. */
  private static void checkStateWrite(String stageName, String label, LayerPlan plan,
      Set<Direction> writes, boolean writtenBefore, Direction output) {
    checkArgument(writes.contains(output),
        "stage %s, layer %s writes %s, which the stage does not declare", stageName,
        label, output);
    checkArgument(!writtenBefore, "layer %s writes %s twice", label, output);
    checkArgument(!plan.cleared().contains(output), "layer %s writes and clears %s",
        label, output);
  }

  /**
   * The state rows of a layer in state order: the row the plan wrote, a zero row for a cleared
   * direction, or an identity copy of the previous layer's direction.
   */
  private void addStateRows(SparseLayer.Builder lb, List<Invariant> inv,
      Collection<Direction> clearedDirections, SparseLayer.Builder stateRows, int[] stateRowOf,
      List<Invariant> stateInv) {
    boolean[] cleared = new boolean[stateDim];
    clearedDirections.forEach(d -> cleared[layout.indexOf(d)] = true);
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
  }

  /**
   * One neuron as a row: its index in the state space (-1 for a hidden neuron), its terms as
   * (column, weight) arrays against the previous layer, checked against the stage's declaration,
   * and its invariant (declared, or the interval of ReLU(pre) over the inputs' invariants).
   * Reads only what the layer before has fixed, so it runs on several threads at once.
   */
  private PreparedRow prepare(Neuron n, String stageName, String label, boolean sameStage,
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
            "stage %s, layer %s reads %s, which the stage does not declare", stageName,
            label, d);
      } else {
        checkArgument(sameStage && column >= 0,
            "stage %s, layer %s reads %s, which is not a hidden neuron of the stage's"
                + " previous layer", stageName, label, d);
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

  /** A neuron made into a row by {@link #prepare}. */
  private record PreparedRow(Neuron neuron, int outIndex, int[] columns, Rational[] weights,
      Invariant invariant) {}
}
