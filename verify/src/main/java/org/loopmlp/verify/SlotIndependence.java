package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * A proof read off the weights that one pass depends on the program only through the slot at pc,
 * and copies every other slot unchanged. It justifies enumerating only (instruction at pc, memory,
 * pc) in {@link ExhaustiveCheck}.
 *
 * <p>For each pc value p, exact interval arithmetic over the whole input box (pc fixed to p, every
 * other live direction in [0, 1], scratch 0) and a taint on the directions {@code code[q]}, q !=
 * p: a row is untainted if it reads no tainted direction, or if its pre-activation is <= 0 on the
 * whole box (then it is 0 for every input); a tainted row is a copy of {@code code[q].f.bit[t]}
 * when it is the identity row {@code ReLU(x_i)} of that same direction ({@code = x_i}, since every
 * layer input is >= 0). The proof holds when, after the last layer, every tainted direction is
 * such a copy of itself. Then, by induction over the layers, every other output is a function of
 * (code[p], memory, pc) alone, and the other slots come out unchanged; the reference step
 * depends on the same inputs only. In the paper construction the only rows that read {@code
 * code[q]} besides the copies are fetch's selectors {@code ReLU(s_q(pc) + code[q].f.bit[t])},
 * whose pre-activation is at most -1 when pc != q (SPEC §7.4).
 */
public final class SlotIndependence {
  private SlotIndependence() {}

  /** Why the proof fails: the pc value and the output direction that depends on another slot. */
  public record Failure(int pc, int layer, String direction) {
    @Override
    public String toString() {
      return "with pc = " + pc + ", " + direction + " after layer " + layer
          + " depends on a slot other than pc";
    }
  }

  /** Empty when the proof holds for every pc; else the first failure. */
  public static Optional<Failure> check(Construction construction) {
    checkNotNull(construction, "construction");
    PaperRegisters regs = construction.registers();
    StateLayout layout = construction.layout();
    int dim = layout.dimension();
    int k = construction.config().codeSize();
    for (int p = 0; p < k; p++) {
      Rational[] lo = new Rational[dim];
      Rational[] hi = new Rational[dim];
      // copyOf[i] == -1: untainted; == i (>= 0): an unchanged copy of input direction i;
      // == -2: tainted and mixed.
      int[] copyOf = new int[dim];
      java.util.Arrays.fill(lo, Rational.ZERO);
      java.util.Arrays.fill(hi, Rational.ONE);
      java.util.Arrays.fill(copyOf, -1);
      for (Register r : regs.scratch()) {
        for (Direction d : r.bits()) {
          hi[layout.indexOf(d)] = Rational.ZERO;
        }
      }
      for (int t = 0; t < regs.pc().width(); t++) {
        Rational b = Rational.of((p >> t) & 1);
        lo[layout.indexOf(regs.pc().bit(t))] = b;
        hi[layout.indexOf(regs.pc().bit(t))] = b;
      }
      for (int q = 0; q < k; q++) {
        if (q == p) {
          continue;
        }
        for (PaperRegisters.Field f : PaperRegisters.Field.values()) {
          for (Direction d : regs.code(q, f).bits()) {
            int i = layout.indexOf(d);
            copyOf[i] = i;
          }
        }
      }
      for (int li = 0; li < construction.depth(); li++) {
        SparseLayer layer = construction.layer(li).layer();
        int rows = layer.outputDimension();
        Rational[] nlo = new Rational[rows];
        Rational[] nhi = new Rational[rows];
        int[] ncopy = new int[rows];
        for (int r = 0; r < rows; r++) {
          Rational pl = layer.bias(r);
          Rational ph = layer.bias(r);
          boolean tainted = false;
          for (int j = layer.rowStart(r); j < layer.rowEnd(r); j++) {
            Rational w = layer.weight(j);
            int c = layer.column(j);
            Rational a = w.multiply(lo[c]);
            Rational b = w.multiply(hi[c]);
            pl = pl.add(a.compareTo(b) <= 0 ? a : b);
            ph = ph.add(a.compareTo(b) >= 0 ? a : b);
            tainted |= copyOf[c] != -1;
          }
          nlo[r] = pl.relu();
          nhi[r] = ph.relu();
          if (ph.signum() <= 0) {
            ncopy[r] = -1;
          } else if (!tainted) {
            ncopy[r] = -1;
          } else if (layer.rowEnd(r) - layer.rowStart(r) == 1 && layer.bias(r).isZero()
              && layer.weight(layer.rowStart(r)).equals(Rational.ONE)
              && copyOf[layer.column(layer.rowStart(r))] == r) {
            ncopy[r] = r;
          } else {
            ncopy[r] = -2;
          }
        }
        lo = nlo;
        hi = nhi;
        copyOf = ncopy;
      }
      for (int i = 0; i < dim; i++) {
        if (copyOf[i] != -1 && copyOf[i] != i) {
          return Optional.of(new Failure(p, construction.depth() - 1,
              layout.direction(i).name()));
        }
      }
    }
    return Optional.empty();
  }
}
