package org.loopmlp.certcheck;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.NetworkFormatException;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * Checks a proof certificate (grammar and checks: {@code certcheck/README.md}, SPEC §11) against
 * a network and its input names, trusting neither the prover nor the construction: it reads only
 * the two files and uses exact rational arithmetic. Per stage, each goal's case split must be
 * complete; in each leaf every row of the goal's cone gets an affine form over the free input
 * bits, whose range over the box must agree with the row's ON / OFF claim (a BOUNDED row only
 * carries its range; no output may depend on one), and each output's form must be the value the
 * machine's {@link Lemmas} require. The stages must compose into one step of the machine.
 */
public final class CertificateChecker {
  /** The outcome: accepted, or the first reason for rejection; with what was checked. */
  public record Result(boolean accepted, String message, int stages, long cases, long facts,
      BigInteger largestBound) {

    /** The narrowest format every layer is exact in; null when none, or when rejected. */
    public FloatFormat narrowestExactFormat() {
      return accepted ? FloatFormat.narrowestFor(largestBound) : null;
    }
  }

  private final Network network;
  private final BufferedReader in;
  private int lineNumber;
  private final int dim;
  private final int[] partner;
  private final Rational[] acc;
  private final int[] touched;
  private final int[] stack;
  // per stage, shared by its goals (checked one after the other; each leaves offAt all -1)
  private List<SparseLayer> layers;
  private Value[] specs;
  private int[][] forbidden;
  private Form[][] forms;
  private int[] offAt;
  private int[] offList;
  private long cases;
  private long facts;
  private BigInteger largestBound = BigInteger.ZERO;

  private CertificateChecker(Network network, BufferedReader in) {
    this.network = network;
    this.in = in;
    this.dim = network.inputDimension();
    this.partner = new int[dim];
    this.acc = new Rational[dim];
    this.touched = new int[dim];
    this.stack = new int[dim];
  }

  /**
   * Checks {@code certificate} against the network file (with direction names). Any content that
   * is not a certificate for it (truncated, corrupt or malformed, in either file) is rejected;
   * only a file that cannot be opened throws. A truncated or corrupt certificate is rejected
   * before the network is read.
   */
  public static Result check(Path networkFile, Path certificate) throws IOException {
    String damage = damage(certificate);
    if (damage != null) {
      return rejected(damage, 0, 0);
    }
    Network network;
    try {
      network = NetworkFormat.read(networkFile);
    } catch (NetworkFormatException e) {
      return rejected("network " + e.getMessage(), 0, 0);
    }
    return check(network, certificate);
  }

  /** Checks {@code certificate} (gzip or plain text) against {@code network}. */
  public static Result check(Network network, Path certificate) throws IOException {
    String damage = damage(certificate);
    if (damage != null) {
      return rejected(damage, 0, 0);
    }
    try (BufferedReader r = open(certificate)) {
      CertificateChecker c = new CertificateChecker(network, r);
      try {
        int stages = c.run();
        return new Result(true, "accepted", stages, c.cases, c.facts, c.largestBound);
      } catch (RuntimeException e) {
        return rejected("line " + c.lineNumber + ": " + (e instanceof Rejected
            ? e.getMessage() : "malformed (" + e + ")"), c.cases, c.facts);
      }
    }
  }

  /**
   * The checker on its own ({@code java -jar certcheck.jar DIR}, README): DIR/network.txt.gz and
   * DIR/certificate.txt.gz, or the two files given. Exit 0 accepted, 1 rejected (any content that
   * is not a certificate for the network), 2 usage or a file that cannot be opened.
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
      exit(args.length == 1 && args[0].matches("-h|--help") ? 0 : 2, "usage: java -jar "
          + "certcheck.jar DIR | NETWORK CERTIFICATE (DIR holds network.txt.gz and "
          + "certificate.txt.gz, as written by 'loopmlp prove --out DIR')");
    }
    Path[] files = args.length == 2 ? new Path[] {Path.of(args[0]), Path.of(args[1])}
        : new Path[] {Path.of(args[0], "network.txt.gz"), Path.of(args[0], "certificate.txt.gz")};
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        exit(2, "certcheck: " + f + ": no such file (expected " + (args.length == 1
            ? "DIR written by 'loopmlp prove --out DIR', with " + f.getFileName()
            : "a network file, then a certificate") + ")");
      }
    }
    try {
      Result r = check(files[0], files[1]);
      exit(r.accepted() ? 0 : 1, r.accepted() ? String.format(java.util.Locale.ROOT,
          "ACCEPTED: %d stages, %,d cases, %,d neuron facts re-derived; largest partial sum %,d,"
          + " every layer exact in %s", r.stages(), r.cases(), r.facts(), r.largestBound(),
          r.narrowestExactFormat() == null ? "no format" : r.narrowestExactFormat().label())
          : "REJECTED: " + r.message());
    } catch (IOException e) {
      exit(2, "certcheck: cannot read " + e.getMessage());
    }
  }

  private static void exit(int code, String line) {
    (code == 2 ? System.err : System.out).println(line);
    System.exit(code);
  }

  /** The certificate's text, gunzipped when it starts with the gzip magic bytes. */
  private static BufferedReader open(Path certificate) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(certificate), 1 << 16);
    raw.mark(2);
    boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
    raw.reset();
    // ISO-8859-1 maps every byte to one char, so a rejection can quote stray bytes exactly.
    return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw, 1 << 16)
        : raw, StandardCharsets.ISO_8859_1), 1 << 16);
  }

  /**
   * Why the certificate cannot be complete, found by one cheap pass before any case is checked
   * (a truncated file would otherwise be found only at its end): compressed data that ends early
   * or is corrupt, or a last line other than {@code end}. Null when neither.
   */
  private static String damage(Path certificate) throws IOException {
    try (BufferedReader r = open(certificate)) {
      char[] buf = new char[1 << 16];
      String tail = "";
      for (int n; (n = r.read(buf)) > 0; ) {
        tail = tail + new String(buf, Math.max(0, n - 5), Math.min(n, 5));
        tail = tail.substring(Math.max(0, tail.length() - 5));
      }
      tail = tail.endsWith("\n") ? tail.substring(0, tail.length() - 1) : tail;
      return tail.endsWith("\nend") ? null
          : "the certificate's last line is not 'end': it is truncated, or not a certificate";
    } catch (EOFException | ZipException e) {
      return "the certificate is truncated or corrupt: its compressed data "
          + (e instanceof EOFException ? "ends early" : "is damaged (" + e.getMessage() + ")");
    }
  }

  /** A rejection whose message is printable ASCII of bounded length, whatever the files hold. */
  private static Result rejected(String message, long cases, long facts) {
    StringBuilder b = new StringBuilder();
    for (char ch : message.toCharArray()) {
      b.append(ch >= 0x20 && ch < 0x7f ? String.valueOf(ch) : ch < 0x100
          ? String.format("\\x%02x", (int) ch) : String.format("\\u%04x", (int) ch));
    }
    return new Result(false, b.length() <= 300 ? b.toString() : b.substring(0, 297) + "...", 0,
        cases, facts, BigInteger.ZERO);
  }

  private String[] nextLine(String expected) throws IOException {
    String line = in.readLine();
    lineNumber++;
    if (line == null) {
      throw new Rejected("the certificate ends early; expected " + expected);
    }
    return line.split(" ");
  }

  private String[] next(String keyword, int tokens) throws IOException {
    String[] t = nextLine(keyword);
    if (!t[0].equals(keyword) || (tokens >= 0 && t.length != tokens)) {
      throw new Rejected("expected '" + keyword + "' with " + tokens + " fields, found: "
          + String.join(" ", t).substring(0, Math.min(80, String.join(" ", t).length())));
    }
    return t;
  }

  /** The header, then every stage (SPEC §11): version 1 is the paper machine, 2 classic. */
  private int run() throws IOException {
    String version = next("loopmlp-certificate", 2)[1];
    Lemmas lemmas;
    if (version.equals("1")) {
      String[] cfg = next("config", 4);
      lemmas = new PaperLemmas(Integer.parseInt(cfg[1]), Integer.parseInt(cfg[2]),
          Integer.parseInt(cfg[3]));
    } else if (version.equals("2")) {
      if (!next("machine", 2)[1].equals("classic")) {
        throw new Rejected("version 2 certificates are for the classic machine");
      }
      String[] cfg = next("config", 3);
      lemmas = new ClassicLemmas(Integer.parseInt(cfg[1]), Integer.parseInt(cfg[2]));
    } else {
      throw new Rejected("unsupported certificate version");
    }
    lemmas.bind(network.inputNames()
        .orElseThrow(() -> new Rejected("the network carries no direction names")));
    if (Integer.parseInt(next("state", 2)[1]) != dim) {
      throw new Rejected("state dimension differs from the network's input dimension " + dim);
    }
    int stages = Integer.parseInt(next("stages", 2)[1]);
    if (stages < 1 || stages > network.depth()) {
      throw new Rejected(stages + " stages for a network of " + network.depth() + " layers");
    }
    List<Map<String, String>> cases = lemmas.passStarts();
    int layer = 0;
    for (int s = 0; s < stages; s++) {
      String[] st = next("stage", 5);
      String[] roles = st[1].split("\\+", -1);
      specs = lemmas.specs(roles, dim);
      int first = Integer.parseInt(st[2]);
      int count = Integer.parseInt(st[3]);
      if (first != layer || count < 1 || first + count > network.depth()
          || network.layer(first + count - 1).outputDimension() != dim) {
        throw new Rejected("stage " + st[1] + " must take layers " + layer
            + ".. of the network and end in the state space");
      }
      forbidden = lemmas.forbidden(roles);
      byte[] start = lemmas.stageStart(cases, forbidden);
      layers = network.layers().subList(first, first + count);
      checkBounds(st[1], first, start);
      checkStage(st[1], start, Integer.parseInt(st[4]));
      cases = lemmas.apply(roles, cases);
      layer = first + count;
    }
    if (layer != network.depth()) {
      throw new Rejected("the stages cover layers 0.." + (layer - 1) + " of " + network.depth());
    }
    lemmas.checkStep(cases);
    if (next("end", 1) != null && in.readLine() != null) {
      throw new Rejected("text after 'end'");
    }
    return stages;
  }

  /**
   * The certificate's {@code bounds} line must equal, layer by layer, the largest magnitude of any
   * partial sum of a row's dot product ({@code |b| + sum |w| max x}) and of any |weight|, over the
   * stage's inputs (bits, or 0 where {@code start} fixes them): every value is >= 0 (bits and ReLU
   * outputs), and {@code max ReLU(b + sum w x) = max(0, b + sum of w times max x where w > 0)}.
   * Integers within 2^p are exact with p significand bits, so a layer whose bound is within 2^p
   * is exact in that format in any summation order, if every weight and bias is an integer
   * (SPEC §11.2): else the certificate, whose bounds claim formats, is refused.
   */
  private void checkBounds(String role, int first, byte[] start) throws IOException {
    String[] t = next("bounds", 1 + layers.size());
    Rational[] high = new Rational[dim];
    for (int v = 0; v < dim; v++) {
      high[v] = start[v] == 0 ? Rational.ZERO : Rational.ONE;
    }
    for (int l = 0; l < layers.size(); l++) {
      SparseLayer layer = layers.get(l);
      Rational[] next = new Rational[layer.outputDimension()];
      Rational bound = Rational.ZERO;
      for (int r = 0; r < next.length; r++) {
        Rational partial = layer.bias(r).abs();
        Rational pre = layer.bias(r);
        boolean integers = pre.isInteger();
        for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
          Rational w = layer.weight(k);
          integers &= w.isInteger();
          bound = bound.max(w.abs());
          partial = partial.add(w.abs().multiply(high[layer.column(k)]));
          pre = w.signum() > 0 ? pre.add(w.multiply(high[layer.column(k)])) : pre;
        }
        if (!integers) {
          throw new Rejected("network layer " + (first + l) + ", row " + r + ": a weight or the"
              + " bias is not an integer; the checker refuses every format claim over a network"
              + " whose weights and biases are not all integers");
        }
        next[r] = pre.max(Rational.ZERO);
        bound = bound.max(partial);
      }
      if (!bound.isInteger() || !bound.equals(Rational.of(Long.parseLong(t[1 + l])))) {
        throw new Rejected("stage " + role + ", layer " + l + ": the largest partial sum is "
            + bound + ", the certificate says " + t[1 + l]);
      }
      largestBound = largestBound.max(bound.numerator());
      high = next;
    }
  }

  private void checkStage(String role, byte[] start, int goals) throws IOException {
    boolean[] covered = new boolean[dim];
    forms = layers.stream().map(l -> new Form[l.outputDimension()]).toArray(Form[][]::new);
    offAt = new int[forms[0].length];
    offList = new int[forms[0].length];
    Arrays.fill(offAt, -1);
    for (int g = 0; g < goals; g++) {
      String[] gl = next("goal", -1);
      int k = Integer.parseInt(gl[2]);
      if (gl.length != 3 + k) {
        throw new Rejected("goal " + gl[1] + " lists " + (gl.length - 3) + " outputs, not " + k);
      }
      int[] outputs = new int[k];
      for (int i = 0; i < k; i++) {
        outputs[i] = Integer.parseInt(gl[3 + i]);
        if (outputs[i] < 0 || outputs[i] >= dim || covered[outputs[i]]) {
          throw new Rejected("goal " + gl[1] + ": output " + outputs[i]
              + " is out of range or in two goals");
        }
        covered[outputs[i]] = true;
      }
      // a finished walk leaves start as it found it
      new Goal(role + " " + gl[1], outputs).walk(start);
    }
    for (int d = 0; d < dim; d++) {
      if (!covered[d]) {
        throw new Rejected("stage " + role + ": no goal proves output " + d + " ("
            + network.inputNames().get().get(d) + ")");
      }
    }
  }

  /**
   * An affine form {@code c + sum w[k] x_v[k]} over free input bits, v increasing, plus a value
   * somewhere in {@code [lo, hi]} (what BOUNDED rows contribute; both 0 for an exact form).
   */
  private record Form(Rational c, int[] v, Rational[] w, Rational lo, Rational hi) {
    static final Form ZERO = new Form(Rational.ZERO, new int[0], new Rational[0], Rational.ZERO,
        Rational.ZERO);

    /** The minimum (sign -1) or maximum (sign 1) over the box: c plus the weights of that sign. */
    Rational bound(int sign) {
      Rational s = sign > 0 ? c.add(hi) : c.add(lo);
      for (Rational x : w) {
        s = x.signum() == sign ? s.add(x) : s;
      }
      return s;
    }
  }

  /** One goal: its cone of rows in each layer, and the walk over its case tree. */
  private final class Goal {
    private final String name;
    private final int[] outputs;
    private final int[][] cone;
    private int offs;

    Goal(String name, int[] outputs) {
      this.name = name;
      this.outputs = outputs;
      int depth = layers.size();
      cone = new int[depth][];
      int[] rows = Arrays.stream(outputs).sorted().distinct().toArray();
      for (int l = depth - 1; l >= 0; l--) {
        SparseLayer layer = layers.get(l);
        cone[l] = rows;
        rows = Arrays.stream(rows).flatMap(r -> IntStream.range(layer.rowStart(r),
            layer.rowEnd(r)).map(layer::column)).sorted().distinct().toArray();
      }
    }

    /**
     * Reads the goal's case tree, depth first, and checks every leaf. A split fixes a free input
     * V to 0 then 1 ({@code s V}), or ties it to a free input U: V = U, then V = 1 - U ({@code t U
     * V}). Odd values of x (1, 3) mark a split's second branch. {@code o R,...}: first-layer rows
     * OFF over the whole current case, checked here and taken as OFF below (until the case is
     * left: offAt records the depth).
     */
    void walk(byte[] x) throws IOException {
      int sp = 0;
      while (true) {
        String[] t = nextLine("a split or a leaf");
        if (t[0].equals("s") || t[0].equals("t")) {
          boolean tie = t[0].equals("t");
          int v = Integer.parseInt(t[tie ? 2 : 1]);
          int u = Integer.parseInt(t[1]);
          if (t.length != (tie ? 3 : 2) || Math.min(u, v) < 0 || Math.max(u, v) >= dim
              || x[v] != -1 || x[u] != -1 || (tie && u == v)) {
            throw new Rejected(name + ": split on " + String.join(" ", t)
                + ", not on free input bits");
          }
          x[v] = (byte) (tie ? 2 : 0);
          partner[v] = u;
          stack[sp++] = v;
          continue;
        }
        if (t[0].equals("o") && t.length == 2) {
          for (int r : rows(t[1], 0)) {
            if (offAt[r] >= 0 || inputForm(layers.get(0), r, x).bound(1).signum() > 0) {
              throw new Rejected(name + ": row " + r + " is not OFF over the case");
            }
            offAt[r] = sp;
            offList[offs++] = r;
            facts++;
          }
          continue;
        }
        if (t[0].equals("x") && t.length == 1) {
          outside(x);
        } else if (t[0].equals("l")) {
          leaf(t, x);
        } else {
          throw new Rejected(name + ": the case tree is incomplete (a split or leaf expected)");
        }
        while (sp > 0 && (x[stack[sp - 1]] & 1) == 1) {
          x[stack[--sp]] = -1;
          undoOffs(sp);
        }
        if (sp == 0) {
          undoOffs(0);
          return;
        }
        x[stack[sp - 1]]++;
        undoOffs(sp);
      }
    }

    /** Forgets the OFF facts made in cases deeper than {@code depth} splits. */
    private void undoOffs(int depth) {
      while (offs > 0 && offAt[offList[offs - 1]] >= depth) {
        offAt[offList[--offs]] = -1;
      }
    }

    /** Increasing rows of the goal's cone in layer l ("-": none). */
    private int[] rows(String list, int l) {
      int[] on = list.equals("-") ? new int[0]
          : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
      for (int i = 0; i < on.length; i++) {
        if (Arrays.binarySearch(cone[l], on[i]) < 0
            || (i > 0 && on[i] <= on[i - 1])) {
          throw new Rejected(name + ": row " + on[i] + " of layer " + l
              + " is not an increasing row of the goal's cone");
        }
      }
      return on;
    }

    /** A leaf outside the precondition: the case fixes every literal of a forbidden pattern. */
    private void outside(byte[] x) {
      cases++;
      boolean[] neg = new boolean[1];
      for (int[] pattern : forbidden) {
        boolean all = true;
        for (int lit : pattern) {
          all &= Value.resolve(x, partner, lit >> 1, neg) == -1 - (lit & 1);
        }
        if (all) {
          return;
        }
      }
      throw new Rejected(name + ", case " + cases + ": claimed outside the precondition, but it"
          + " fixes no forbidden pattern");
    }

    private void leaf(String[] t, byte[] x) {
      cases++;
      if (t.length != 1 + layers.size()) {
        throw new Rejected(name + ": a leaf needs " + layers.size() + " lists of ON rows");
      }
      for (int l = 0; l < layers.size(); l++) {
        String[] lists = t[1 + l].split("/", -1);
        int[] on = rows(lists[0], l);
        int[] bounded = lists.length == 2 ? rows(lists[1], l) : new int[0];
        int p = 0;
        int b = 0;
        for (int r : cone[l]) {
          if (l == 0 && offAt[r] >= 0) {
            forms[0][r] = Form.ZERO;
            continue;
          }
          Form pre = l == 0 ? inputForm(layers.get(0), r, x) : composed(layers.get(l), r,
              forms[l - 1]);
          facts++;
          if (b < bounded.length && bounded[b] == r) {
            // ReLU of a value at most `high` lies in [0, max(0, high)]
            b++;
            Rational high = pre.bound(1).max(Rational.ZERO);
            forms[l][r] = new Form(Rational.ZERO, new int[0], new Rational[0], Rational.ZERO, high);
          } else if (p < on.length && on[p] == r) {
            p++;
            if (pre.bound(-1).signum() < 0) {
              throw new Rejected(name + ", case " + cases + ": row " + r + " of layer " + l
                  + " is claimed ON but its pre-activation can be " + pre.bound(-1));
            }
            forms[l][r] = pre;
          } else {
            if (pre.bound(1).signum() > 0) {
              throw new Rejected(name + ", case " + cases + ": row " + r + " of layer " + l
                  + " is claimed OFF but its pre-activation can be " + pre.bound(1));
            }
            forms[l][r] = Form.ZERO;
          }
        }
        if (p != on.length || b != bounded.length || lists.length > 2) {
          throw new Rejected(name + ": an ON or BOUNDED row of layer " + l
              + " is not in the cone or OFF over the case");
        }
      }
      Form[] out = forms[layers.size() - 1];
      for (int o : outputs) {
        int want = (specs[o] == null ? Value.same(o) : specs[o]).expect(x, partner);
        Form f = out[o];
        boolean ok = !f.lo().isZero() || !f.hi().isZero() ? false : want >= 0
            ? f.c().isZero() && f.v().length == 1 && f.v()[0] == want && f.w()[0].equals(Rational.ONE)
            : f.v().length == 0 && f.c().equals(Rational.of(-2 - want));
        if (!ok) {
          List<String> names = network.inputNames().get();
          throw new Rejected(name + ", case " + cases + ": output " + names.get(o) + " is "
              + f.c() + IntStream.range(0, f.v().length).mapToObj(k -> " + " + f.w()[k] + "*"
              + names.get(f.v()[k])).collect(Collectors.joining()) + ", the lemma requires "
              + (want >= 0 ? names.get(want) : -2 - want));
        }
      }
    }

    private Form inputForm(SparseLayer layer, int r, byte[] x) {
      Rational c = layer.bias(r);
      int n = 0;
      boolean[] neg = new boolean[1];
      for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
        int v = Value.resolve(x, partner, layer.column(k), neg);
        Rational w = layer.weight(k);
        if (v == -2 || (v >= 0 && neg[0])) {
          c = c.add(w);
        }
        n = v >= 0 ? term(v, neg[0] ? w.negate() : w, n) : n;
      }
      return finish(c, n, Rational.ZERO, Rational.ZERO);
    }

    private Form composed(SparseLayer layer, int r, Form[] below) {
      Rational c = layer.bias(r);
      Rational lo = Rational.ZERO;
      Rational hi = Rational.ZERO;
      int n = 0;
      for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
        Form f = below[layer.column(k)];
        Rational w = layer.weight(k);
        if (f == Form.ZERO) {
          continue;
        }
        Rational a = w.multiply(f.lo());
        Rational z = w.multiply(f.hi());
        lo = lo.add(a.compareTo(z) <= 0 ? a : z);
        hi = hi.add(a.max(z));
        c = c.add(w.multiply(f.c()));
        for (int j = 0; j < f.v().length; j++) {
          n = term(f.v()[j], w.multiply(f.w()[j]), n);
        }
      }
      return finish(c, n, lo, hi);
    }

    private int term(int v, Rational w, int n) {
      if (acc[v] == null) {
        acc[v] = Rational.ZERO;
        touched[n++] = v;
      }
      acc[v] = acc[v].add(w);
      return n;
    }

    /** The form c + the accumulated terms (sorted, zeros dropped); clears the accumulator. */
    private Form finish(Rational c, int n, Rational lo, Rational hi) {
      Arrays.sort(touched, 0, n);
      int m = 0;
      for (int j = 0; j < n; j++) {
        m += acc[touched[j]].isZero() ? 0 : 1;
      }
      int[] v = new int[m];
      Rational[] w = new Rational[m];
      m = 0;
      for (int j = 0; j < n; j++) {
        Rational s = acc[touched[j]];
        if (!s.isZero()) {
          v[m] = touched[j];
          w[m++] = s;
        }
        acc[touched[j]] = null;
      }
      return new Form(c, v, w, lo, hi);
    }
  }
}
