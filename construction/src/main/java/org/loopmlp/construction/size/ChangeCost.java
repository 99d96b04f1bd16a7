package org.loopmlp.construction.size;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * What one changed input bit costs an evaluation that recomputes only what changes: both inputs
 * go through the pass, and in every layer the rows that read a coordinate whose value differs
 * (they must be recomputed) are counted, with the coordinates whose values then differ. The
 * measure of the one-hot decodings: a changed address bit reaches every cell when each cell
 * matches the address itself, and a few units when the address is decoded once.
 *
 * <p>Usage: {@code ChangeCost [N A C [construction...]]}; flips bit 0 of the a field of the
 * instruction at pc, so the read stage reads another cell.
 */
public final class ChangeCost {
  private ChangeCost() {}

  /** Rows touched and values changed per layer, and their totals. */
  public record Cost(long[] rowsTouched, long[] valuesChanged) {
    public long totalRowsTouched() {
      long s = 0;
      for (long r : rowsTouched) {
        s += r;
      }
      return s;
    }
  }

  /** The cost of going from input {@code before} to input {@code after} in every layer. */
  public static Cost of(Construction c, RationalVector before, RationalVector after) {
    List<SparseLayer> layers = c.network().layers();
    long[] x = values(before);
    long[] y = values(after);
    long[] touched = new long[layers.size()];
    long[] changed = new long[layers.size()];
    for (int li = 0; li < layers.size(); li++) {
      SparseLayer l = layers.get(li);
      boolean[] differs = new boolean[x.length];
      for (int i = 0; i < x.length; i++) {
        differs[i] = x[i] != y[i];
      }
      long[] nx = new long[l.outputDimension()];
      long[] ny = new long[l.outputDimension()];
      for (int r = 0; r < l.outputDimension(); r++) {
        long sx = l.bias(r).longValueExact();
        long sy = sx;
        boolean reads = false;
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          long w = l.weight(k).longValueExact();
          sx += w * x[l.column(k)];
          sy += w * y[l.column(k)];
          reads |= differs[l.column(k)];
        }
        nx[r] = Math.max(0, sx);
        ny[r] = Math.max(0, sy);
        touched[li] += reads ? 1 : 0;
        changed[li] += nx[r] != ny[r] ? 1 : 0;
      }
      x = nx;
      y = ny;
    }
    return new Cost(touched, changed);
  }

  private static long[] values(RationalVector v) {
    long[] out = new long[v.dimension()];
    for (int i = 0; i < out.length; i++) {
      Rational r = v.get(i);
      checkArgument(r.isLong(), "not an integer input: %s", r);
      out[i] = r.longValueExact();
    }
    return out;
  }

  public static void main(String[] args) {
    MachineConfig config = args.length >= 3
        ? MachineConfig.of(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
            Integer.parseInt(args[2]))
        : MachineConfig.of(16, 10, 10);
    List<String> names = args.length > 3 ? List.of(args).subList(3, args.length)
        : List.of("paper", "compact", "onehot", "onehot-split");
    int m = config.dataSize();
    Program before = Program.padded(config, List.of(Instruction.of(m / 2, 1, 0)), 0);
    Program after = Program.padded(config, List.of(Instruction.of(m / 2 + 1, 1, 0)), 0);
    MachineState state = MachineState.initial(config);
    System.out.printf(Locale.ROOT, "%s: bit 0 of the a field at pc flips (a = %d -> %d)%n",
        config, m / 2, m / 2 + 1);
    for (String name : names) {
      Construction c = Constructions.build(name, config);
      StateCodec codec = StateCodec.forConstruction(c);
      Cost cost = of(c, codec.encode(before, state), codec.encode(after, state));
      System.out.printf(Locale.ROOT, "%-13s depth %2d, nnz %,12d: rows touched %,10d (per layer"
          + " %s), values changed %s%n", name, c.depth(), c.network().nonZeros(),
          cost.totalRowsTouched(), java.util.Arrays.toString(cost.rowsTouched()),
          java.util.Arrays.toString(cost.valuesChanged()));
    }
  }
}
