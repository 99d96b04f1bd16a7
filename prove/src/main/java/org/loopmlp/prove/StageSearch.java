package org.loopmlp.prove;

import java.util.Arrays;
import java.util.List;

/**
 * The case split of one goal of one stage (SPEC §9.2, tier 4). A case ({@link Cube}) fixes some
 * input bits and ties some to others (x_v = x_u or 1 - x_u); the rest are free bits (the stage's
 * zero inputs are fixed to 0). In a case every neuron of the goal's cone has a pre-activation that
 * is an exact affine form of the free bits (the inputs' forms composed through the weights), so
 * its range over the box of free bits is exact: the neuron is OFF (high <= 0, output 0) or ON (low
 * >= 0, output = the form), or undecided. A case with an undecided neuron, or whose lemma value
 * is not yet determined, is split on one free bit: the undecided neuron's variable with the
 * largest |weight|, control bits first (pc for fetch, ra or rb for read and write, r for branch,
 * va and vb or pc for the carry chains), the later input among equals; for a pair va_j, vb_j of
 * opposite weights, by tying them. In a leaf (all decided) each output is an affine form,
 * compared with the lemma's required form exactly; equal forms are equal functions on the case.
 *
 * <p>The cases are visited depth first; each split and each leaf (with its ON neurons, layer by
 * layer) goes to a {@link CaseSink} as it is found, so nothing is held for all cases at once.
 */
final class StageSearch {
  /** Receives the case tree in depth-first order. */
  interface CaseSink {
    void split(int input);

    /** A split on whether input {@code v} equals input {@code u} (first) or differs. */
    void tie(int u, int v);

    /** Rows of the stage's first layer that are OFF in the whole current case (increasing). */
    void off(int[] rows);

    /**
     * A leaf; {@code on[l]} holds the ON rows of the stage's layer l, increasing, {@code
     * bounded[l]} the rows left undecided (only their range is used), increasing.
     */
    void leaf(int[][] on, int[][] bounded);

    /** A leaf outside the stage's precondition: it fixes every literal of a forbidden pattern. */
    default void excluded() {}

    CaseSink NONE = new CaseSink() {
      @Override
      public void split(int input) {}

      @Override
      public void tie(int u, int v) {}

      @Override
      public void off(int[] rows) {}

      @Override
      public void leaf(int[][] on, int[][] bounded) {}
    };
  }

  /** How a goal ended: leaves, neuron facts used, and the failing leaf if any. */
  record Outcome(long cases, long facts, Failure failure, boolean budgetExceeded) {}

  /**
   * A leaf whose output differs from the lemma: a full input assignment where they differ, the
   * output index, the value the network computes there and the value the lemma requires.
   */
  record Failure(byte[] input, int output, long got, long expected)
      implements java.io.Serializable {}

  /**
   * Told of each node of a goal's tree left to a task of its own ({@link #plan}): the branches
   * from the root to it, and the leaves and facts the search counted before it.
   */
  interface SubtreeSink {
    void subtree(int[] path, long casesBefore, long factsBefore);
  }

  private final List<IntegerLayer> layers;
  private final byte[] zeroInputs;
  private final long caseBudget;
  // work arrays shared by the goals of the stage (proved one after the other)
  private final Form[][] forms;
  // a BOUNDED row's output lies in [0, boundHigh] (its form is Form.ZERO, never read as a form)
  private final long[][] boundHigh;
  private final boolean[][] isBounded;
  private final long[] acc;
  private final boolean[] touched;
  private final int[] touchedList;
  private final int[] partner;
  private final int[][] active;
  private final int[] coneMark;
  private int coneStamp;

  StageSearch(List<IntegerLayer> layers, byte[] startAssign, long caseBudget) {
    this.layers = layers;
    this.zeroInputs = startAssign;
    this.caseBudget = caseBudget;
    this.forms = new Form[layers.size()][];
    this.boundHigh = new long[layers.size()][];
    this.isBounded = new boolean[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      forms[l] = new Form[layers.get(l).rows()];
      boundHigh[l] = new long[layers.get(l).rows()];
      isBounded[l] = new boolean[layers.get(l).rows()];
    }
    this.acc = new long[startAssign.length];
    this.touched = new boolean[startAssign.length];
    this.touchedList = new int[startAssign.length];
    this.partner = new int[startAssign.length];
    this.active = new int[startAssign.length + 1][];
    this.coneMark = new int[layers.stream().mapToInt(IntegerLayer::rows).max().orElse(0)];
  }

  Outcome prove(Goal goal, CaseSink sink) {
    return new Run(goal).search(sink, new int[0], Integer.MAX_VALUE, null);
  }

  /**
   * The goal's tree down to depth {@code frontier}: every case above it as {@link #prove} would
   * report it, and each case at that depth that is not a leaf handed to {@code subtrees} in its
   * place (its whole subtree is left out of {@code sink} and of the counts). The subtrees are
   * then searched by {@link #proveSubtree}; their output spliced in at the place each was handed
   * over is {@link #prove}'s output, in the same order.
   */
  Outcome plan(Goal goal, CaseSink sink, int frontier, SubtreeSink subtrees) {
    return new Run(goal).search(sink, new int[0], frontier, subtrees);
  }

  /**
   * The subtree of the goal's case tree at {@code path} (the branch taken at each level from the
   * root, 0 for the first), as {@link #prove} reports it there: its cases in depth-first order.
   */
  Outcome proveSubtree(Goal goal, int[] path, CaseSink sink) {
    return new Run(goal).search(sink, path, Integer.MAX_VALUE, null);
  }

  private final class Run {
    private final Goal goal;
    private final int[][] cone;
    private final int[][] on;
    private final int[] onCount;
    private final int[][] bounded;
    private final int[] boundedCount;
    // the range of the bounded inputs' contribution to the last composed form
    private long slackLow;
    private long slackHigh;
    private final boolean[] neg = new boolean[1];
    private int nextSplit;
    private int nextTie;
    private int depth;
    private int[] offRows;
    private int offCount;
    private boolean excluded;
    private Failure failure;

    Run(Goal goal) {
      this.goal = goal;
      int depth = layers.size();
      this.cone = cone(goal.outputs());
      this.on = new int[depth][];
      this.onCount = new int[depth];
      this.bounded = new int[depth][];
      this.boundedCount = new int[depth];
      for (int l = 0; l < depth; l++) {
        on[l] = new int[cone[l].length];
        bounded[l] = new int[cone[l].length];
      }
    }

    /** Rows of each layer that the goal's outputs depend on (work proportional to the cone). */
    private int[][] cone(int[] outputs) {
      int depth = layers.size();
      int[][] c = new int[depth][];
      c[depth - 1] = Arrays.stream(outputs).sorted().distinct().toArray();
      for (int l = depth - 1; l > 0; l--) {
        IntegerLayer layer = layers.get(l);
        int stamp = ++coneStamp;
        int[] below = new int[16];
        int n = 0;
        for (int r : c[l]) {
          for (int k = layer.rowStart()[r]; k < layer.rowStart()[r + 1]; k++) {
            int col = layer.columns()[k];
            if (coneMark[col] != stamp) {
              coneMark[col] = stamp;
              below = n == below.length ? Arrays.copyOf(below, 2 * n) : below;
              below[n++] = col;
            }
          }
        }
        c[l - 1] = Arrays.copyOf(below, n);
        Arrays.sort(c[l - 1]);
      }
      return c;
    }

    /**
     * Depth first from the node at {@code path} (replayed from the root, reporting nothing on the
     * way), handing the nodes at depth {@code frontier} that are not leaves to {@code subtrees}.
     */
    Outcome search(CaseSink sink, int[] path, int frontier, SubtreeSink subtrees) {
      byte[] assign = zeroInputs.clone();
      int[] stack = new int[assign.length];
      active[0] = cone[0];
      offRows = new int[cone[0].length];
      for (int branch : path) {
        if (evaluate(assign)) {
          throw new IllegalArgumentException("the path passes a leaf of goal " + goal.name());
        }
        descend(assign, stack, CaseSink.NONE);
        assign[stack[depth - 1]] += (byte) branch;
      }
      int root = depth;
      long cases = 0;
      long facts = 0;
      while (true) {
        boolean leaf = evaluate(assign);
        if (!leaf && depth < frontier) {
          facts += descend(assign, stack, sink);
          continue;
        }
        if (!leaf) {
          subtrees.subtree(branches(assign, stack), cases, facts);
        } else {
          cases++;
          if (excluded) {
            sink.excluded();
          } else {
            facts += active[depth].length;
            for (int l = 1; l < cone.length; l++) {
              facts += cone[l].length;
            }
            if (failure != null) {
              return new Outcome(cases, facts, failure, false);
            }
            emitLeaf(sink);
          }
          if (cases >= caseBudget) {
            return new Outcome(cases, facts, null, true);
          }
        }
        // a split's first branch is 0 (or EQUAL), its second 1 (or OPPOSITE): odd = done
        while (depth > root && (assign[stack[depth - 1]] & 1) == 1) {
          assign[stack[--depth]] = Cube.FREE;
        }
        if (depth == root) {
          return new Outcome(cases, facts, null, false);
        }
        assign[stack[depth - 1]]++;
      }
    }

    /** The branch taken at each level above the current case (0 first, 1 second). */
    private int[] branches(byte[] assign, int[] stack) {
      int[] b = new int[depth];
      for (int k = 0; k < depth; k++) {
        b[k] = assign[stack[k]] & 1;
      }
      return b;
    }

    /**
     * Goes one level down from a case that is not a leaf: first-layer rows OFF here stay OFF in
     * every sub-case, so they are dropped below this node (and reported as facts); then the
     * split (or tie) evaluate chose is taken, first branch first. Returns the facts reported.
     */
    private long descend(byte[] assign, int[] stack, CaseSink sink) {
      int[] rest = new int[active[depth].length - offCount];
      int n = 0;
      int o = 0;
      for (int r : active[depth]) {
        if (o < offCount && offRows[o] == r) {
          o++;
        } else {
          rest[n++] = r;
        }
      }
      if (offCount > 0) {
        sink.off(Arrays.copyOf(offRows, offCount));
      }
      active[depth + 1] = rest;
      if (nextTie >= 0) {
        sink.tie(nextTie, nextSplit);
        partner[nextSplit] = nextTie;
        assign[nextSplit] = Cube.EQUAL;
      } else {
        sink.split(nextSplit);
        assign[nextSplit] = 0;
      }
      stack[depth++] = nextSplit;
      return offCount;
    }

    /** Reports a leaf: the ON and BOUNDED rows of each layer. */
    private void emitLeaf(CaseSink sink) {
      int[][] leaf = new int[on.length][];
      int[][] leafBounded = new int[on.length][];
      for (int l = 0; l < on.length; l++) {
        leaf[l] = Arrays.copyOf(on[l], onCount[l]);
        leafBounded[l] = Arrays.copyOf(bounded[l], boundedCount[l]);
      }
      sink.leaf(leaf, leafBounded);
    }

    /**
     * Evaluates the cone on the case: true at a leaf, else sets the next split. The first layer
     * is scanned in full (its active rows), collecting the rows that are OFF here. A first-layer
     * row that is undecided is BOUNDED: only its range {@code [0, high]} is used, and so is any
     * later row that reads a bounded row and is not OFF; the case is a leaf only when every
     * output is an exact form (no bounded input reaches it), and is split on the first
     * undecided first-layer row otherwise (a carry-lookahead subtraction needs only the pairs
     * along the carry chain decided, the lower ones stay bounded).
     */
    private boolean evaluate(byte[] assign) {
      offCount = 0;
      onCount[0] = 0;
      excluded = false;
      if (preconditionDecides(assign)) {
        return excluded;
      }
      Form undecided = firstLayer(assign);
      return laterLayersDecided(undecided) && outputsChecked(assign, undecided);
    }

    /**
     * The precondition first: a case fixing a whole forbidden pattern is a leaf (excluded), one
     * that leaves a pattern open (no literal false) is split on the pattern's first free input.
     * True when either happened.
     */
    private boolean preconditionDecides(byte[] assign) {
      for (int[] pattern : goal.forbidden()) {
        int free = -1;
        boolean falsified = false;
        for (int lit : pattern) {
          int r = Cube.resolve(assign, partner, lit >> 1, neg);
          if (r < 0 && -1 - r != (lit & 1)) {
            falsified = true;
            break;
          }
          free = r >= 0 && free < 0 ? r : free;
        }
        if (!falsified && free < 0) {
          excluded = true;
          return true;
        }
        if (!falsified) {
          nextSplit = free;
          nextTie = -1;
          return true;
        }
      }
      return false;
    }

    /**
     * Sorts the active first-layer rows into OFF, ON and BOUNDED; returns the form of the first
     * undecided one, or null.
     */
    private Form firstLayer(byte[] assign) {
      boundedCount[0] = 0;
      Form undecided = null;
      for (int r : active[depth]) {
        Form pre = firstLayerForm(layers.get(0), r, assign);
        isBounded[0][r] = false;
        if (pre.high() <= 0) {
          forms[0][r] = Form.ZERO;
          offRows[offCount++] = r;
        } else if (pre.low() >= 0) {
          forms[0][r] = pre;
          on[0][onCount[0]++] = r;
        } else {
          undecided = undecided == null ? pre : undecided;
          forms[0][r] = Form.ZERO;
          isBounded[0][r] = true;
          boundHigh[0][r] = pre.high();
          bounded[0][boundedCount[0]++] = r;
        }
      }
      return undecided;
    }

    /**
     * The later layers' rows of the cone, OFF, BOUNDED (when an input is bounded) or ON; false
     * after choosing a split when a row is undecided.
     */
    private boolean laterLayersDecided(Form undecided) {
      for (int l = 1; l < layers.size(); l++) {
        IntegerLayer layer = layers.get(l);
        onCount[l] = 0;
        boundedCount[l] = 0;
        for (int r : cone[l]) {
          Form pre = composedForm(layer, r, l - 1);
          isBounded[l][r] = false;
          if (Math.addExact(pre.high(), slackHigh) <= 0) {
            forms[l][r] = Form.ZERO;
          } else if (slackLow != 0 || slackHigh != 0) {
            forms[l][r] = Form.ZERO;
            isBounded[l][r] = true;
            boundHigh[l][r] = Math.addExact(pre.high(), slackHigh);
            bounded[l][boundedCount[l]++] = r;
          } else if (pre.low() >= 0) {
            forms[l][r] = pre;
            on[l][onCount[l]++] = r;
          } else {
            chooseSplit(undecided != null ? undecided : pre);
            return false;
          }
        }
      }
      return true;
    }

    /**
     * At a case whose every output is an exact form: compares each output with the goal's spec
     * (recording the first failure); false after choosing a split when the spec or a bounded
     * output needs one.
     */
    private boolean outputsChecked(byte[] assign, Form undecided) {
      Form[] out = forms[layers.size() - 1];
      for (int o : goal.outputs()) {
        if (isBounded[layers.size() - 1][o]) {
          chooseSplit(undecided);
          return false;
        }
      }
      for (int k = 0; k < goal.outputs().length; k++) {
        OutputSpec.Expect e = goal.specs().get(k).expect(assign, partner);
        if (e.isSplit()) {
          if (undecided != null) {
            chooseSplit(undecided);
          } else {
            nextSplit = e.split();
            nextTie = -1;
          }
          return false;
        }
        Form want = e.input() >= 0 ? Form.variable(e.input()) : Form.constant(e.constant());
        Form got = out[goal.outputs()[k]];
        if (!got.sameAs(want) && failure == null) {
          failure = witness(assign, partner, goal.outputs()[k], got, want);
        }
      }
      return true;
    }

    /**
     * The free variable of {@code pre} with the largest |weight|, control bits first; when the
     * goal pairs it with a free variable of opposite weight (va_j and vb_j), a tie split instead.
     */
    private void chooseSplit(Form pre) {
      int best = -1;
      boolean bestControl = false;
      long bestAbs = -1;
      for (int k = 0; k < pre.vars().length; k++) {
        int v = pre.vars()[k];
        boolean c = goal.control()[v];
        long a = Math.abs(pre.coefs()[k]);
        if ((c && !bestControl) || (c == bestControl && a >= bestAbs)) {
          best = v;
          bestControl = c;
          bestAbs = a;
        }
      }
      nextSplit = best;
      nextTie = -1;
      int p = goal.pair()[best];
      if (p >= 0) {
        int k = Arrays.binarySearch(pre.vars(), p);
        long w = pre.coefs()[Arrays.binarySearch(pre.vars(), best)];
        if (k >= 0 && pre.coefs()[k] == -w) {
          nextTie = Math.min(p, best);
          nextSplit = Math.max(p, best);
        }
      }
    }

    private Form firstLayerForm(IntegerLayer layer, int r, byte[] assign) {
      long c = layer.biases()[r];
      int n = 0;
      for (int k = layer.rowStart()[r]; k < layer.rowStart()[r + 1]; k++) {
        long w = layer.weights()[k];
        int v = Cube.resolve(assign, partner, layer.columns()[k], neg);
        if (v < 0) {
          c = Math.addExact(c, Math.multiplyExact(w, -1 - v));
        } else {
          if (neg[0]) {
            c = Math.addExact(c, w);
            w = -w;
          }
          n = add(v, w, n);
        }
      }
      return finish(c, n);
    }

    private int add(int v, long w, int n) {
      if (!touched[v]) {
        touched[v] = true;
        touchedList[n++] = v;
      }
      acc[v] = Math.addExact(acc[v], w);
      return n;
    }

    /** The pre-activation's form over the exact inputs; the bounded inputs' range in slack. */
    private Form composedForm(IntegerLayer layer, int r, int below) {
      Form[] in = forms[below];
      long c = layer.biases()[r];
      int n = 0;
      slackLow = 0;
      slackHigh = 0;
      for (int k = layer.rowStart()[r]; k < layer.rowStart()[r + 1]; k++) {
        long w = layer.weights()[k];
        int col = layer.columns()[k];
        if (isBounded[below][col]) {
          long reach = Math.multiplyExact(w, boundHigh[below][col]);
          slackLow = Math.addExact(slackLow, Math.min(0, reach));
          slackHigh = Math.addExact(slackHigh, Math.max(0, reach));
          continue;
        }
        Form f = in[col];
        if (f == Form.ZERO) {
          continue;
        }
        c = Math.addExact(c, Math.multiplyExact(w, f.constant()));
        for (int j = 0; j < f.vars().length; j++) {
          n = add(f.vars()[j], Math.multiplyExact(w, f.coefs()[j]), n);
        }
      }
      return finish(c, n);
    }

    /** The form {@code c} plus the accumulated terms; clears the accumulator. */
    private Form finish(long c, int n) {
      Arrays.sort(touchedList, 0, n);
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (acc[touchedList[j]] != 0) {
          m++;
        }
      }
      int[] vars = new int[m];
      long[] coefs = new long[m];
      m = 0;
      for (int j = 0; j < n; j++) {
        int v = touchedList[j];
        if (acc[v] != 0) {
          vars[m] = v;
          coefs[m++] = acc[v];
        }
        acc[v] = 0;
        touched[v] = false;
      }
      return m == 0 ? Form.constant(c) : new Form(c, vars, coefs);
    }
  }

  /**
   * A full assignment on which {@code got} and {@code want} differ: the free bits 0, except one
   * bit set to 1 when the two forms differ only in that variable's coefficient.
   */
  private static Failure witness(byte[] assign, int[] partner, int output, Form got, Form want) {
    byte[] free = new byte[assign.length];
    if (got.valueAt(free) == want.valueAt(free)) {
      for (int v : union(got.vars(), want.vars())) {
        free[v] = 1;
        if (got.valueAt(free) != want.valueAt(free)) {
          break;
        }
        free[v] = 0;
      }
    }
    return new Failure(Cube.concrete(assign, partner, free), output, got.valueAt(free),
        want.valueAt(free));
  }

  private static int[] union(int[] a, int[] b) {
    return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct()
        .toArray();
  }
}
