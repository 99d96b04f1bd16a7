package org.loopmlp.prove;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.loopmlp.isa.MachineConfig;

/**
 * Writes a proof certificate as it is found (streaming). Format, version 1, one item per line,
 * gzip-compressed when the file name ends in {@code .gz}:
 *
 * <pre>
 * loopmlp-certificate 1
 * config N A C                 (word, data address and code address bits)
 * state D                      (dimension of the state space: the network's input names)
 * stages S
 * stage ROLE FIRST COUNT G     (ROLE: FETCH READ SUBTRACT WRITE NEXT_PC BRANCH, or several
 *                               joined by '+' for roles run side by side, in effect order; layers
 *                               [FIRST, FIRST + COUNT) of the network; G goals follow)
 * bounds B0 ... B(COUNT-1)     (per layer of the stage: the largest magnitude of any partial
 *                               sum of a row's dot product, |bias| + sum |w| max x, and of any
 *                               |weight|, over the stage's input box; see PartialSumBounds)
 * goal NAME K o1 ... oK        (the goal proves output state directions o1..oK, by index)
 * s I                          (case split on input direction I: the subtree with I = 0
 * ...                           follows, then the subtree with I = 1)
 * t U V                        (case split on free inputs U, V: the subtree with V = U, then
 *                               the subtree with V = 1 - U)
 * o R1,R2,...                  (rows of the stage's first layer that are OFF in the whole
 *                               current case: OFF in every leaf below, listed before its split)
 * l R0 R1 ... R(COUNT-1)       (a leaf: for each layer of the stage, the rows that are ON in
 *                               this case, comma-separated increasing, "-" for none, then
 *                               optionally "/" and the rows that are BOUNDED (undecided: only
 *                               their range [0, high] is used; no output may depend on them);
 *                               every other row of the goal's cone is OFF)
 * end
 * </pre>
 *
 * Each goal's tree is a complete binary case split in depth-first order, so the leaves of a goal
 * cover every assignment of the stage's inputs (zero inputs fixed to 0, all others bits). Splits
 * are on free inputs only.
 */
final class CertificateWriter implements StageSearch.CaseSink, AutoCloseable {
  static final String MAGIC = "loopmlp-certificate";
  static final int VERSION = 1;
  static final int CLASSIC_VERSION = 2;

  private final Writer out;
  // the memory under a buffer(), else null
  private final ByteArrayOutputStream buffer;

  private CertificateWriter(Writer out) {
    this(out, null);
  }

  private CertificateWriter(Writer out, ByteArrayOutputStream buffer) {
    this.out = out;
    this.buffer = buffer;
  }

  /**
   * A writer into memory: the lines of one piece of a case split ({@link LemmaSearch}), taken
   * with {@link #take} and appended to the certificate in their place with {@link #append}.
   */
  static CertificateWriter buffer() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
    return new CertificateWriter(new BufferedWriter(
        new OutputStreamWriter(bytes, StandardCharsets.US_ASCII), 1 << 12), bytes);
  }

  /** The lines written to a {@link #buffer} since the last take, as ASCII. */
  byte[] take() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] b = buffer.toByteArray();
    buffer.reset();
    return b;
  }

  /** Appends lines taken from a {@link #buffer} (whole lines, ASCII). */
  void append(byte[] lines) {
    try {
      out.write(new String(lines, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CertificateWriter open(Path file, boolean gzip) throws IOException {
    var stream = Files.newOutputStream(file);
    var raw = gzip ? new GZIPOutputStream(stream, 1 << 16) : stream;
    return new CertificateWriter(
        new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.US_ASCII), 1 << 16));
  }

  void header(MachineConfig config, int stateDimension, int stages) {
    line(MAGIC + " " + VERSION);
    line("config " + config.wordBits() + " " + config.dataBits() + " " + config.codeBits());
    line("state " + stateDimension);
    line("stages " + stages);
  }

  /**
   * The header of a classic certificate (version 2): {@code machine classic} and {@code config N
   * A} instead of {@code config N A C}; the rest as version 1, plus leaves {@code x} (the case
   * fixes every literal of a forbidden pattern of the stage's precondition).
   */
  void classicHeader(int wordBits, int memoryBits, int stateDimension, int stages) {
    line(MAGIC + " " + CLASSIC_VERSION);
    line("machine classic");
    line("config " + wordBits + " " + memoryBits);
    line("state " + stateDimension);
    line("stages " + stages);
  }

  @Override
  public void excluded() {
    line("x");
  }

  void stage(String role, int firstLayer, int layerCount, int goals) {
    line("stage " + role + " " + firstLayer + " " + layerCount + " " + goals);
  }

  /** The largest partial-sum magnitude of each layer of the stage ({@link PartialSumBounds}). */
  void bounds(long[] bounds) {
    StringBuilder s = new StringBuilder("bounds");
    for (long b : bounds) {
      s.append(' ').append(b);
    }
    line(s.toString());
  }

  void goal(Goal goal) {
    StringBuilder s = new StringBuilder("goal ").append(goal.name().replace(' ', '_'))
        .append(' ').append(goal.outputs().length);
    for (int o : goal.outputs()) {
      s.append(' ').append(o);
    }
    line(s.toString());
  }

  @Override
  public void split(int input) {
    line("s " + input);
  }

  @Override
  public void tie(int u, int v) {
    line("t " + u + " " + v);
  }

  @Override
  public void off(int[] rows) {
    StringBuilder s = new StringBuilder("o ");
    for (int k = 0; k < rows.length; k++) {
      s.append(k == 0 ? "" : ",").append(rows[k]);
    }
    line(s.toString());
  }

  @Override
  public void leaf(int[][] on, int[][] bounded) {
    StringBuilder s = new StringBuilder("l");
    for (int l = 0; l < on.length; l++) {
      s.append(' ');
      list(s, on[l]);
      if (bounded[l].length > 0) {
        list(s.append('/'), bounded[l]);
      }
    }
    line(s.toString());
  }

  private static void list(StringBuilder s, int[] rows) {
    if (rows.length == 0) {
      s.append('-');
    }
    for (int k = 0; k < rows.length; k++) {
      s.append(k == 0 ? "" : ",").append(rows[k]);
    }
  }

  void end() {
    line("end");
  }

  private void line(String s) {
    try {
      out.write(s);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
