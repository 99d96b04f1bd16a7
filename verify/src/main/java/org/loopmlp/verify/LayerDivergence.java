package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.StateVector;
import org.loopmlp.exact.Rational;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * The first layer where a backend's evaluation of one pass leaves exact rational evaluation of
 * the same input: the layer, its label, the first direction (in index order) whose value differs,
 * the exact value and the backend's value (for a float backend: the exact value of the float it
 * holds; null when that float is infinite or NaN, which has no exact value).
 */
public record LayerDivergence(String backend, int layer, String layerLabel, String direction,
    Rational exact, Rational got) {

  /**
   * Evaluates one pass from {@code (program, state)} on {@code backend} and on the rational
   * backend, layer by layer; empty when every layer output is identical.
   */
  public static Optional<LayerDivergence> first(Construction construction, Backend backend,
      Program program, MachineState state) {
    StateVector input = StateCodec.forConstruction(construction).encode(program, state);
    List<Rational[]> exact = outputs(construction, RationalBackend.INSTANCE, input);
    List<Rational[]> other = outputs(construction, backend, input);
    checkArgument(exact.size() == other.size(), "backends report different depths");
    for (int layer = 0; layer < exact.size(); layer++) {
      Rational[] e = exact.get(layer);
      Rational[] g = other.get(layer);
      for (int i = 0; i < e.length; i++) {
        if (!e[i].equals(g[i])) { // g[i] is null for an infinite or NaN entry
          return Optional.of(new LayerDivergence(backend.name(), layer,
              construction.layer(layer).label(),
              construction.layer(layer).outputLayout().direction(i).name(), e[i], g[i]));
        }
      }
    }
    return Optional.empty();
  }

  private static List<Rational[]> outputs(Construction c, Backend backend, StateVector input) {
    Backend.Compiled compiled = backend.compile(c.network());
    List<Rational[]> out = new ArrayList<>();
    compiled.apply(compiled.load(input), (index, layer, output) -> out.add(exactValues(output)));
    return out;
  }

  /** The exact value of each entry; null for an entry that has none (infinite or NaN). */
  private static Rational[] exactValues(StateVector v) {
    Rational[] r = new Rational[v.dimension()];
    for (int i = 0; i < r.length; i++) {
      try {
        r[i] = v.get(i);
      } catch (ArithmeticException notFinite) {
        r[i] = null;
      }
    }
    return r;
  }

  @Override
  public String toString() {
    return backend + " leaves exact evaluation at layer " + layer + " (" + layerLabel + "), "
        + direction + ": exact " + exact + ", " + backend + " " + (got == null ? "not finite" : got);
  }
}
