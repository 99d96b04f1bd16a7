package org.loopmlp.construction.size;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.Locale;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.NarrowConstruction;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.MachineConfig;

/**
 * The size of a construction, measured on its built network: per stage the paper's budget and
 * the layers used, total depth against the paper's 23, the state dimension, the widest layer
 * (largest output dimension), non-zero weights, parameters (non-zero weights plus one bias per
 * neuron), the largest |weight| and the largest denominator of any weight or bias. {@link
 * #estimate} gives the closed form for the paper construction without building it.
 */
public final class SizeReport {
  /** One stage's line. */
  public record StageSize(String stage, String paperStage, int paperBudget, int layers,
      int firstLayer, long nonZeros, long parameters, int widestLayer) {
    public boolean withinBudget() {
      return layers <= paperBudget;
    }
  }

  private final String name;
  private final MachineConfig config;
  private final ImmutableList<StageSize> stages;
  private final int depth;
  private final int stateDimension;
  private final int widestLayer;
  private final long nonZeros;
  private final long parameters;
  private final Rational maxAbsWeight;
  private final BigInteger maxDenominator;

  private SizeReport(String name, MachineConfig config, ImmutableList<StageSize> stages,
      int depth, int stateDimension, int widestLayer, long nonZeros, long parameters,
      Rational maxAbsWeight, BigInteger maxDenominator) {
    this.name = name;
    this.config = config;
    this.stages = stages;
    this.depth = depth;
    this.stateDimension = stateDimension;
    this.widestLayer = widestLayer;
    this.nonZeros = nonZeros;
    this.parameters = parameters;
    this.maxAbsWeight = maxAbsWeight;
    this.maxDenominator = maxDenominator;
  }

  /** Measures {@code construction}. */
  public static SizeReport of(Construction construction) {
    checkNotNull(construction);
    ImmutableList.Builder<StageSize> stages = ImmutableList.builder();
    Rational maxAbs = Rational.ZERO;
    BigInteger maxDen = BigInteger.ONE;
    long totalNnz = 0;
    long totalParams = 0;
    int widest = 0;
    for (StageLemma lemma : construction.lemmas()) {
      long nnz = 0;
      long params = 0;
      int stageWidest = 0;
      for (int i = lemma.firstLayer(); i <= lemma.lastLayer(); i++) {
        LayerInfo info = construction.layer(i);
        SparseLayer l = info.layer();
        nnz += l.nonZeros();
        params += l.nonZeros() + l.outputDimension();
        stageWidest = Math.max(stageWidest, l.outputDimension());
        for (int k = 0; k < l.nonZeros(); k++) {
          Rational w = l.weight(k);
          maxAbs = maxAbs.max(w.abs());
          if (!w.isInteger()) {
            maxDen = maxDen.max(w.denominator());
          }
        }
        for (int r = 0; r < l.outputDimension(); r++) {
          Rational b = l.bias(r);
          if (!b.isInteger()) {
            maxDen = maxDen.max(b.denominator());
          }
        }
      }
      stages.add(new StageSize(lemma.name(), lemma.paperLabel(), lemma.budget(),
          lemma.layerCount(), lemma.firstLayer(), nnz, params, stageWidest));
      totalNnz += nnz;
      totalParams += params;
      widest = Math.max(widest, stageWidest);
    }
    return new SizeReport(construction.name(), construction.config(), stages.build(),
        construction.depth(), construction.layout().dimension(), widest, totalNnz, totalParams,
        maxAbs, maxDen);
  }

  /**
   * The closed-form size of {@link org.loopmlp.construction.PaperConstruction} for a config, also
   * an upper bound for {@code compact} (same neurons, fewer identity copies). {@code fused} and
   * {@code shallow} are guarded by their own {@code supports(config)}.
   */
  public static SizeEstimate<MachineConfig> estimate(MachineConfig config) {
    return PaperSizes.of(config);
  }

  /**
   * The closed-form size of construction {@code name}: exact for {@code paper}, {@code onehot},
   * {@code onehot-split} and {@code narrow}, the paper's bound for {@code compact}; empty for constructions
   * without a closed form ({@code fused}, {@code shallow}).
   */
  public static java.util.Optional<SizeEstimate<MachineConfig>> estimate(String name,
      MachineConfig config) {
    switch (name) {
      case PaperConstruction.NAME:
      case CompactConstruction.NAME:
        return java.util.Optional.of(PaperSizes.of(config));
      case OneHotConstruction.NAME:
        return java.util.Optional.of(PaperSizes.ofOneHot(config, false));
      case OneHotConstruction.SPLIT_NAME:
        return java.util.Optional.of(PaperSizes.ofOneHot(config, true));
      case NarrowConstruction.NAME:
        return java.util.Optional.of(PaperSizes.ofNarrow(config));
      default:
        return java.util.Optional.empty();
    }
  }

  public String name() {
    return name;
  }

  public MachineConfig config() {
    return config;
  }

  public ImmutableList<StageSize> stages() {
    return stages;
  }

  public int depth() {
    return depth;
  }

  /** The paper's depth for the same stages (23 for the six paper stages). */
  public int paperDepth() {
    return stages.stream().mapToInt(StageSize::paperBudget).sum();
  }

  public int stateDimension() {
    return stateDimension;
  }

  /** The largest output dimension of any layer. */
  public int widestLayer() {
    return widestLayer;
  }

  public long nonZeros() {
    return nonZeros;
  }

  /** Non-zero weights plus one bias per neuron (row) of every layer. */
  public long parameters() {
    return parameters;
  }

  public Rational maxAbsWeight() {
    return maxAbsWeight;
  }

  /** The largest denominator of any weight or bias (1 when all are integers). */
  public BigInteger maxDenominator() {
    return maxDenominator;
  }

  /** A plain-text table: one line per stage, then the totals. */
  public String toTable() {
    int w1 = 12;
    int w2 = 10;
    for (StageSize st : stages) {
      w1 = Math.max(w1, st.stage().length() + 1);
      w2 = Math.max(w2, st.paperStage().length() + 1);
    }
    String head = "%-" + w1 + "s %-" + w2 + "s %6s %6s %8s %12s %12s %10s%n";
    String line = "%-" + w1 + "s %-" + w2 + "s %6d %6d %8s %12d %12d %10d%s%n";
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "construction %s, %s (m = %d words, k = %d slots)%n",
        name, config, config.dataSize(), config.codeSize()));
    s.append(String.format(Locale.ROOT, head, "stage", "paper", "budget", "ours", "layers", "nnz",
        "parameters", "widest"));
    for (StageSize st : stages) {
      s.append(String.format(Locale.ROOT, line, st.stage(), st.paperStage(), st.paperBudget(),
          st.layers(), st.firstLayer() + ".." + (st.firstLayer() + st.layers() - 1),
          st.nonZeros(), st.parameters(), st.widestLayer(),
          st.withinBudget() ? "" : "  OVER BUDGET"));
    }
    s.append(String.format(Locale.ROOT, line, "total", "", paperDepth(), depth, "", nonZeros,
        parameters, widestLayer, ""));
    s.append(String.format(Locale.ROOT, "state dimension %d, largest |weight| %s, largest"
        + " denominator %s%n", stateDimension, maxAbsWeight, maxDenominator));
    return s.toString();
  }

  /** CSV with a header; one row per stage and a final {@code total} row. */
  public String toCsv() {
    StringBuilder s = new StringBuilder();
    s.append("construction,N,A,C,stage,paper_stage,paper_budget,layers,first_layer,nnz,"
        + "parameters,widest_layer,state_dimension,max_abs_weight,max_denominator\n");
    String prefix = name + "," + config.wordBits() + "," + config.dataBits() + ","
        + config.codeBits() + ",";
    for (StageSize st : stages) {
      s.append(prefix).append(st.stage()).append(',').append(st.paperStage())
          .append(',').append(st.paperBudget()).append(',').append(st.layers()).append(',')
          .append(st.firstLayer()).append(',').append(st.nonZeros()).append(',')
          .append(st.parameters()).append(',').append(st.widestLayer()).append(",,,\n");
    }
    s.append(prefix).append("total,,").append(paperDepth()).append(',').append(depth)
        .append(",0,").append(nonZeros).append(',').append(parameters).append(',')
        .append(widestLayer).append(',').append(stateDimension).append(',')
        .append(maxAbsWeight).append(',').append(maxDenominator).append('\n');
    return s.toString();
  }

  @Override
  public String toString() {
    return toTable();
  }
}
