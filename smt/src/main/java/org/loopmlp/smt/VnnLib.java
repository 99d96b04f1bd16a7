package org.loopmlp.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the VNN-LIB 1.0 files {@link VnnComp} writes: the declared inputs and outputs, the
 * box ({@code (assert (>= X_i lo))}, {@code (assert (<= X_i hi))}) and the disjunction of output
 * bounds; any other form is refused naming the line.
 */
final class VnnLib {
  private static final Pattern DECLARE = Pattern.compile("\\(declare-const ([XY])_(\\d+) Real\\)");
  private static final Pattern BOUND =
      Pattern.compile("\\(assert \\((>=|<=) X_(\\d+) ([0-9.]+)\\)\\)");
  private static final Pattern OUT =
      Pattern.compile("\\(and \\((>=|<=) Y_(\\d+) (\\(- [0-9.]+\\)|[0-9.]+)\\)\\)");

  private VnnLib() {}

  /** One {@code Y_i <= v} or {@code Y_i >= v} of the unsafe disjunction. */
  record Bound(int output, boolean atMost, double value) {}

  record Parsed(int inputs, int outputs, double[] lower, double[] upper, List<Bound> unsafe) {
    /** Fails unless this is exactly the instance's box and violation. */
    void requireSame(VnnComp.Instance x) {
      check(inputs == x.lower().length, "inputs");
      check(outputs == x.network().outputDimension(), "outputs");
      for (int i = 0; i < inputs; i++) {
        check(lower[i] == x.lower()[i].doubleValue() && upper[i] == x.upper()[i].doubleValue(),
            "the box at X_" + i);
      }
      check(unsafe.size() == 2 * x.outputs().length, "the number of output bounds");
      for (int k = 0; k < x.outputs().length; k++) {
        Bound lo = unsafe.get(2 * k);
        Bound hi = unsafe.get(2 * k + 1);
        check(lo.output() == x.outputs()[k] && lo.atMost()
            && lo.value() == x.expected()[k] - 0.5, "the bound below Y_" + x.outputs()[k]);
        check(hi.output() == x.outputs()[k] && !hi.atMost()
            && hi.value() == x.expected()[k] + 0.5, "the bound above Y_" + x.outputs()[k]);
      }
    }

    private void check(boolean ok, String what) {
      if (!ok) {
        throw new IllegalStateException("the VNN-LIB file read back differs in " + what);
      }
    }
  }

  static Parsed parse(String text) {
    int inputs = 0;
    int outputs = 0;
    List<double[]> bounds = new ArrayList<>();
    List<Bound> unsafe = new ArrayList<>();
    boolean inOr = false;
    String[] lines = text.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith(";")) {
        continue;
      }
      Matcher m;
      if ((m = DECLARE.matcher(line)).matches()) {
        int i = Integer.parseInt(m.group(2));
        if (m.group(1).equals("X")) {
          require(i == inputs++, n, "inputs declared out of order");
        } else {
          require(i == outputs++, n, "outputs declared out of order");
        }
      } else if ((m = BOUND.matcher(line)).matches()) {
        bounds.add(new double[] {m.group(1).equals(">=") ? 0 : 1, Integer.parseInt(m.group(2)),
            Double.parseDouble(m.group(3))});
      } else if (line.equals("(assert (or")) {
        inOr = true;
      } else if (inOr && (m = OUT.matcher(line)).matches()) {
        String v = m.group(3);
        double value = v.startsWith("(- ") ? -Double.parseDouble(v.substring(3, v.length() - 1))
            : Double.parseDouble(v);
        unsafe.add(new Bound(Integer.parseInt(m.group(2)), m.group(1).equals("<="), value));
      } else if (inOr && line.equals("))")) {
        inOr = false;
      } else {
        throw new IllegalStateException("line " + (n + 1) + ": not VNN-LIB of this benchmark: "
            + (line.length() > 60 ? line.substring(0, 60) : line));
      }
    }
    double[] lower = new double[inputs];
    double[] upper = new double[inputs];
    java.util.Arrays.fill(lower, Double.NaN);
    java.util.Arrays.fill(upper, Double.NaN);
    for (double[] b : bounds) {
      (b[0] == 0 ? lower : upper)[(int) b[1]] = b[2];
    }
    return new Parsed(inputs, outputs, lower, upper, unsafe);
  }

  private static void require(boolean ok, int line, String what) {
    if (!ok) {
      throw new IllegalStateException("line " + (line + 1) + ": " + what);
    }
  }
}
