package org.loopmlp.cli;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.RegisterDecoder;
import org.loopmlp.construction.RegisterDecoder.Reading;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * The decoded state after every layer of one pass: for each layer, which state registers changed
 * (region by region) with their decoded values, and the hidden units it holds; plus the heat map
 * columns for {@code --png}.
 */
final class Tracer {
  /** One layer of the pass (index -1 is the pass input). */
  record LayerTrace(int index, String label, String stage, ImmutableList<Reading> readings,
      ImmutableList<Reading> changed, double[] stateValues, double[] hiddenValues,
      int hiddenNonZero) {}

  /**
   * A traced pass: the state it started from, each layer, and the decoded result; or, when the
   * pass's output is not the encoding of any machine state (a floating-point backend can get
   * there), why it does not decode. Exactly one of {@code after} and {@code decodeFailure} is
   * present.
   */
  record Trace(Construction construction, MachineState before, Optional<MachineState> after,
      Optional<String> decodeFailure, ImmutableList<LayerTrace> layers) {}

  private Tracer() {}

  /** Traces one pass of {@code construction} on {@code backend} from {@code state}. */
  static Trace trace(Construction construction, Backend backend, Program program,
      MachineState state) {
    LoopedMlp mlp = LoopedMlp.of(construction, backend);
    RegisterDecoder decoder = RegisterDecoder.of(construction);
    int stateDim = construction.layout().dimension();
    List<LayerTrace> layers = new ArrayList<>();
    StateVector input = mlp.codec().encode(program, state);
    ImmutableList<Reading> first = decoder.readInput(input);
    layers.add(new LayerTrace(-1, "input", "", first, ImmutableList.of(),
        values(input, 0, stateDim), new double[0], 0));
    List<ImmutableList<Reading>> previous = new ArrayList<>(List.of(first));
    LayerObserver observer = (index, layer, output) -> {
      LayerInfo info = construction.layer(index);
      ImmutableList<Reading> readings = decoder.readLayer(index, output);
      ImmutableList<Reading> changed =
          RegisterDecoder.changed(previous.get(previous.size() - 1), readings);
      previous.add(readings);
      double[] hidden = values(output, stateDim, output.dimension());
      int nonZero = 0;
      for (double h : hidden) {
        nonZero += h != 0 ? 1 : 0;
      }
      layers.add(new LayerTrace(index, info.label(), info.stageName(), readings, changed,
          values(output, 0, stateDim), hidden, nonZero));
    };
    try {
      MachineState after = mlp.tracePass(program, state, observer);
      return new Trace(construction, state, Optional.of(after), Optional.empty(),
          ImmutableList.copyOf(layers));
    } catch (DecodeException e) {
      // Every layer was observed before the output was decoded, so the trace is complete.
      return new Trace(construction, state, Optional.empty(), Optional.of(e.getMessage()),
          ImmutableList.copyOf(layers));
    }
  }

  private static double[] values(StateVector v, int from, int to) {
    double[] d = new double[to - from];
    for (int i = from; i < to; i++) {
      d[i - from] = v.get(i).doubleValue();
    }
    return d;
  }

  /** The region a state register belongs to: code, mem, pc, or the scratch register's name. */
  static String regionOf(Register r) {
    String n = r.name();
    if (n.startsWith("code[")) {
      return PaperRegisters.CODE;
    }
    if (n.startsWith("mem[")) {
      return PaperRegisters.MEM;
    }
    return n;
  }

  /** A reading as text: {@code ra = 3}, or the raw entries when not all bits. */
  static String show(Reading r) {
    if (r.isBits()) {
      return r.register().name() + " = " + r.value().getAsLong();
    }
    List<String> raw = new ArrayList<>();
    for (Rational x : r.raw()) {
      raw.add(x.toString());
    }
    return r.register().name() + " = [" + String.join(" ", raw) + "] (not bits)";
  }

  /** Registers grouped by the state space's regions: code, mem, pc, scratch. */
  static Map<String, List<Reading>> byRegionOfState(List<Reading> readings) {
    Map<String, List<Reading>> m = new LinkedHashMap<>();
    for (Reading r : readings) {
      String region = regionOf(r.register());
      if (!region.equals(PaperRegisters.CODE) && !region.equals(PaperRegisters.MEM)
          && !region.equals(PaperRegisters.PC)) {
        region = PaperRegisters.SCRATCH;
      }
      m.computeIfAbsent(region, k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  /** The changed registers of a layer grouped by heat-map region, in layout order. */
  static Map<String, List<Reading>> byRegion(List<Reading> readings) {
    Map<String, List<Reading>> m = new LinkedHashMap<>();
    for (Reading r : readings) {
      m.computeIfAbsent(regionOf(r.register()), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  /** The heat map of the pass: regions code, mem, pc, each scratch register, hidden units. */
  static HeatMap heatMap(Trace trace, String title) {
    Construction c = trace.construction();
    Map<String, List<Integer>> regionIndices = new LinkedHashMap<>();
    for (Register r : c.layout().registers()) {
      List<Integer> idx = regionIndices.computeIfAbsent(regionOf(r), k -> new ArrayList<>());
      for (Direction d : r.bits()) {
        idx.add(c.layout().indexOf(d));
      }
    }
    List<HeatMap.Column> columns = new ArrayList<>();
    for (LayerTrace l : trace.layers()) {
      List<HeatMap.Block> blocks = new ArrayList<>();
      for (Map.Entry<String, List<Integer>> e : regionIndices.entrySet()) {
        double[] v = new double[e.getValue().size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = l.stateValues()[e.getValue().get(i)];
        }
        blocks.add(new HeatMap.Block(e.getKey(), v));
      }
      if (l.hiddenValues().length > 0) {
        blocks.add(new HeatMap.Block("hidden units", l.hiddenValues()));
      }
      columns.add(new HeatMap.Column(l.index() < 0 ? "input" : l.index() + " " + l.label(),
          blocks));
    }
    return HeatMap.of(title, columns);
  }
}
