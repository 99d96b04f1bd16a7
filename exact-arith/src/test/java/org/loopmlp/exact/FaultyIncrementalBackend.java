package org.loopmlp.exact;

import java.util.ArrayList;
import java.util.List;

/**
 * A test fixture: a small incremental evaluator (the method of {@link IncrementalBackend},
 * written plainly, for networks of small integers) with bugs that can be switched on, to show
 * that the differential properties catch a broken incremental update. With {@link Fault#NONE}
 * it is correct.
 */
final class FaultyIncrementalBackend implements Backend {
  /** The bug to put in. */
  enum Fault {
    NONE,
    /** The column-major copy of each layer leaves out the last input column (an off-by-one). */
    DROPPED_COLUMN,
    /**
     * Rows touched are deduplicated with a stamp that is never advanced, so a row touched in an
     * earlier pass is not re-evaluated again: its cached output goes stale.
     */
    STALE_ENTRY
  }

  private final Fault fault;

  FaultyIncrementalBackend(Fault fault) {
    this.fault = fault;
  }

  @Override
  public String name() {
    return "faulty-incremental-" + fault.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public Compiled compile(Network network) {
    return new Compiled() {
      final int[][] colStart = new int[network.depth()][];
      final int[][] colRow = new int[network.depth()][];
      final long[][] colWeight = new long[network.depth()][];
      final long[][] z = new long[network.depth()][];
      final long[][] y = new long[network.depth()][];
      final int[][] stamp = new int[network.depth()][];
      long[] x0;
      int passNumber;

      {
        for (int l = 0; l < network.depth(); l++) {
          SparseLayer layer = network.layer(l);
          int cols = fault == Fault.DROPPED_COLUMN ? layer.inputDimension() - 1
              : layer.inputDimension();
          List<int[]> entries = new ArrayList<>();
          for (int r = 0; r < layer.outputDimension(); r++) {
            for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
              if (layer.column(k) < cols) {
                entries.add(new int[] {layer.column(k), r, k});
              }
            }
          }
          entries.sort((a, b) -> a[0] - b[0]);
          colStart[l] = new int[layer.inputDimension() + 1];
          colRow[l] = new int[entries.size()];
          colWeight[l] = new long[entries.size()];
          for (int e = 0; e < entries.size(); e++) {
            int[] t = entries.get(e);
            colStart[l][t[0] + 1]++;
            colRow[l][e] = t[1];
            colWeight[l][e] = layer.weight(t[2]).longValueExact();
          }
          for (int c = 0; c < layer.inputDimension(); c++) {
            colStart[l][c + 1] += colStart[l][c];
          }
          z[l] = new long[layer.outputDimension()];
          y[l] = new long[layer.outputDimension()];
          stamp[l] = new int[layer.outputDimension()];
        }
      }

      @Override
      public Network network() {
        return network;
      }

      @Override
      public StateVector load(StateVector input) {
        return ScaledIntegerVector.copyOf(input);
      }

      @Override
      public StateVector apply(StateVector input, LayerObserver observer) {
        long[] x = new long[input.dimension()];
        for (int i = 0; i < x.length; i++) {
          x[i] = input.get(i).longValueExact();
        }
        if (x0 == null) {
          x0 = x;
          for (int l = 0; l < network.depth(); l++) {
            SparseLayer layer = network.layer(l);
            long[] in = l == 0 ? x0 : y[l - 1];
            for (int r = 0; r < layer.outputDimension(); r++) {
              long acc = layer.bias(r).longValueExact();
              for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
                acc += layer.weight(k).longValueExact() * in[layer.column(k)];
              }
              z[l][r] = acc;
              y[l][r] = Math.max(acc, 0);
            }
            observer.afterLayer(l, layer, ScaledIntegerVector.ofLongs(y[l]));
          }
          return ScaledIntegerVector.ofLongs(y[network.depth() - 1]);
        }
        List<long[]> changes = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
          if (x[i] != x0[i]) {
            changes.add(new long[] {i, x[i] - x0[i]});
          }
        }
        x0 = x;
        passNumber++;
        int s = fault == Fault.STALE_ENTRY ? 1 : passNumber;
        for (int l = 0; l < network.depth(); l++) {
          List<Integer> touched = new ArrayList<>();
          for (long[] ch : changes) {
            int c = (int) ch[0];
            for (int k = colStart[l][c]; k < colStart[l][c + 1]; k++) {
              int r = colRow[l][k];
              z[l][r] += colWeight[l][k] * ch[1];
              if (stamp[l][r] != s) {
                stamp[l][r] = s;
                touched.add(r);
              }
            }
          }
          List<long[]> next = new ArrayList<>();
          for (int r : touched) {
            long now = Math.max(z[l][r], 0);
            if (now != y[l][r]) {
              next.add(new long[] {r, now - y[l][r]});
              y[l][r] = now;
            }
          }
          changes = next;
          observer.afterLayer(l, network.layer(l), ScaledIntegerVector.ofLongs(y[l]));
        }
        return ScaledIntegerVector.ofLongs(y[network.depth() - 1]);
      }
    };
  }
}
