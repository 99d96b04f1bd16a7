package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Saves and loads a {@link Network} as text with exact rational weights; the format is specified
 * in {@code exact-arith/NETWORK_FORMAT.md}. In short, version 1:
 *
 * <pre>
 * loopmlp-network 1
 * layers 2
 * names 3                      (or: names none)
 * name pc                      (one line per input direction)
 * ...
 * layer 0 inputs 3 outputs 2 nonzeros 3
 * label step
 * row 0 1/2 2 0:1 2:-3         (row index, bias, term count, column:weight ...)
 * row 1 0 1 1:5
 * ...
 * end 3f2a...                  (SHA-256 of all preceding lines, each ending in LF)
 * </pre>
 *
 * <p>A file whose name ends in {@code .gz} is gzip-compressed. Writing is atomic (a temporary
 * file in the same directory, then an atomic rename); reading either returns the whole network
 * or throws a {@link NetworkFormatException} naming the line and what was expected, so a
 * truncated or altered file never yields a network.
 */
public final class NetworkFormat {
  /** The longest weight or bias the reader accepts, in characters (SPEC §10.2). */
  public static final int MAX_NUMBER_CHARS = 4096;

  public static final String MAGIC = "loopmlp-network";
  public static final int VERSION = 1;

  private static final Pattern RATIONAL = Pattern.compile("-?[0-9]+(/[0-9]+)?");

  private NetworkFormat() {}

  /** Writes {@code network} to {@code file} atomically (gzip when the name ends in .gz). */
  public static void write(Network network, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: that creates the file owner-only (rw-------), and the move would
    // carry those permissions to the saved network. createFile honours the umask like any write.
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
        + "." + System.nanoTime() + ".tmp");
    Files.createFile(tmp);
    boolean moved = false;
    try {
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        OutputStream out = isGzip(file) ? new GZIPOutputStream(raw, 1 << 16) : raw;
        MessageDigest sha = sha256();
        DigestOutputStream digesting = new DigestOutputStream(out, sha);
        Writer w = new BufferedWriter(
            new OutputStreamWriter(digesting, StandardCharsets.UTF_8), 1 << 16);
        writeBody(network, w);
        w.flush();
        digesting.on(false);
        w.write("end " + HexFormat.of().formatHex(sha.digest()) + "\n");
        w.flush();
        if (out instanceof GZIPOutputStream) {
          ((GZIPOutputStream) out).finish();
        }
      }
      try (var channel = java.nio.channels.FileChannel.open(tmp,
          java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void writeBody(Network network, Writer w) throws IOException {
    w.write(MAGIC + " " + VERSION + "\n");
    w.write("layers " + network.depth() + "\n");
    if (network.inputNames().isPresent()) {
      List<String> names = network.inputNames().get();
      w.write("names " + names.size() + "\n");
      for (String n : names) {
        w.write(keyed("name", oneLine(n, "direction name")));
      }
    } else {
      w.write("names none\n");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < network.depth(); i++) {
      SparseLayer l = network.layer(i);
      w.write("layer " + i + " inputs " + l.inputDimension() + " outputs " + l.outputDimension()
          + " nonzeros " + l.nonZeros() + "\n");
      w.write(keyed("label", oneLine(l.label(), "layer label")));
      for (int r = 0; r < l.outputDimension(); r++) {
        sb.setLength(0);
        sb.append("row ").append(r).append(' ').append(l.bias(r)).append(' ')
            .append(l.rowEnd(r) - l.rowStart(r));
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          sb.append(' ').append(l.column(k)).append(':').append(l.weight(k));
        }
        sb.append('\n');
        w.append(sb);
      }
    }
  }

  /** {@code "key text\n"}, or {@code "key\n"} for the empty text. */
  private static String keyed(String key, String text) {
    return text.isEmpty() ? key + "\n" : key + " " + text + "\n";
  }

  private static String oneLine(String s, String what) {
    checkArgument(s.indexOf('\n') < 0 && s.indexOf('\r') < 0,
        "%s must not contain a line break: '%s'", what, s);
    return s;
  }

  /** Reads a network written by {@link #write}; never returns a partially read network. */
  public static Network read(Path file) throws IOException {
    // Deflate expands at most 1032-fold: a bound on the text a gzip file can hold.
    long size = Files.size(file);
    long textBound = !isGzip(file) ? size
        : size > Long.MAX_VALUE / 2048 ? Long.MAX_VALUE : size * 1032 + 1024;
    checkComplete(file);
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = isGzip(file) ? gunzip(file, raw) : raw;
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      return new Reader(file, reader, textBound).network();
    }
  }

  /**
   * One cheap pass over the bytes before any parsing, so that a truncated or damaged file is
   * refused at once rather than after its whole content is parsed: the compressed data must be
   * complete and intact, and a file that starts with this version's header must end with the
   * footer {@code end <sha256>} (any other start is left to the parser, which says what it found).
   */
  private static void checkComplete(Path file) throws IOException {
    long lines = 0;
    byte[] head = null;
    byte[] tail = new byte[0];
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        head = head != null ? head : Arrays.copyOf(buf, Math.min(n, MAGIC.length() + 4));
        for (int i = 0; i < n; i++) {
          lines += buf[i] == '\n' ? 1 : 0;
        }
        byte[] joined = Arrays.copyOf(tail, tail.length + Math.min(n, 128));
        System.arraycopy(buf, n - Math.min(n, 128), joined, tail.length, Math.min(n, 128));
        tail = Arrays.copyOfRange(joined, Math.max(0, joined.length - 128), joined.length);
      }
    } catch (EOFException | java.util.zip.ZipException e) {
      throw new NetworkFormatException(file, lines + 1, "the compressed data "
          + (e instanceof EOFException ? "ends early: the file is truncated"
              : "is damaged (" + e.getMessage() + ")"));
    }
    String start = head == null ? "" : new String(head, StandardCharsets.ISO_8859_1);
    String end = new String(tail, StandardCharsets.ISO_8859_1).stripTrailing();
    if (start.matches(MAGIC + " " + VERSION + "\\r?\\n.*")
        && !end.substring(end.lastIndexOf('\n') + 1).startsWith("end ")) {
      throw new NetworkFormatException(file, lines + 1, "the file ends early, without the"
          + " footer 'end <sha256>': it is truncated");
    }
  }

  /** The gzip stream of a {@code .gz} file; a header that is not gzip is a format error. */
  private static InputStream gunzip(Path file, InputStream raw) throws IOException {
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (EOFException | java.util.zip.ZipException e) {
      throw new NetworkFormatException(file, 1, "not gzip data (" + (e.getMessage() == null
          ? "empty file" : e.getMessage()) + "); expected a gzip-compressed network, since the "
          + "name ends in .gz");
    }
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }

  /** A line-by-line parser that hashes every line it consumes. */
  private static final class Reader {
    /** The shortest row line ({@code "row 0 0 0\n"}) and the shortest term ({@code " 0:1"}). */
    private static final int MIN_ROW_CHARS = 10;
    private static final int MIN_TERM_CHARS = 4;

    private final Path file;
    private final BufferedReader in;
    private final long textBound;
    private final MessageDigest sha = sha256();
    private long lineNumber;
    private String line;

    Reader(Path file, BufferedReader in, long textBound) {
      this.file = file;
      this.in = in;
      this.textBound = textBound;
    }

    Network network() throws IOException {
      String[] header = fields(next("header '" + MAGIC + " " + VERSION + "'"));
      if (header.length != 2 || !header[0].equals(MAGIC)) {
        throw error("expected header '" + MAGIC + " " + VERSION + "', found '" + abbreviate(line)
            + "'");
      }
      if (!header[1].equals(Integer.toString(VERSION))) {
        throw error("unsupported version '" + abbreviate(header[1]) + "', this reader knows version "
            + VERSION);
      }
      int depth = keyedInt("layers", 1, Integer.MAX_VALUE);
      String[] namesLine = fields(next("'names <count>' or 'names none'"));
      List<String> names = null;
      if (namesLine.length != 2 || !namesLine[0].equals("names")) {
        throw error("expected 'names <count>' or 'names none', found '" + abbreviate(line) + "'");
      }
      if (!namesLine[1].equals("none")) {
        int n = parseInt(namesLine[1], "a name count", 0, Integer.MAX_VALUE);
        names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          names.add(rest("name", "direction name " + i + " of " + n));
        }
      }
      List<SparseLayer> layers = new ArrayList<>();
      int expectedInputs = -1;
      for (int i = 0; i < depth; i++) {
        layers.add(layer(i, expectedInputs));
        expectedInputs = layers.get(i).outputDimension();
      }
      if (names != null && names.size() != layers.get(0).inputDimension()) {
        throw error(names.size() + " direction names for an input of dimension "
            + layers.get(0).inputDimension());
      }
      String expectedHash = HexFormat.of().formatHex(sha.digest());
      String[] end = fields(nextUnhashed("footer 'end <sha256>'"));
      if (end.length != 2 || !end[0].equals("end")) {
        throw error("expected footer 'end <sha256>' after layer " + (depth - 1) + ", found '"
            + abbreviate(line) + "'");
      }
      if (!end[1].equals(expectedHash)) {
        throw error("checksum mismatch: the file was altered (footer says " + abbreviate(end[1])
            + ", content hashes to " + expectedHash + ")");
      }
      String extra = nextOrNull("end of file after the footer");
      if (extra != null) {
        lineNumber++;
        throw error("expected end of file after the footer, found '" + abbreviate(extra) + "'");
      }
      return names == null ? Network.of(layers) : Network.withInputNames(layers, names);
    }

    private SparseLayer layer(int index, int expectedInputs) throws IOException {
      String what = "'layer " + index + " inputs <n> outputs <m> nonzeros <k>'";
      String[] f = fields(next(what));
      if (f.length != 8 || !f[0].equals("layer") || !f[2].equals("inputs")
          || !f[4].equals("outputs") || !f[6].equals("nonzeros")) {
        throw error("expected " + what + ", found '" + abbreviate(line) + "'");
      }
      if (parseInt(f[1], "layer index", 0, Integer.MAX_VALUE) != index) {
        throw error("expected layer " + index + ", found layer " + abbreviate(f[1]));
      }
      int inputs = parseInt(f[3], "an input dimension", 0, Integer.MAX_VALUE);
      int outputs = parseInt(f[5], "an output dimension", 0, Integer.MAX_VALUE - 1);
      int nnz = parseInt(f[7], "a non-zero count", 0, Integer.MAX_VALUE);
      if (expectedInputs >= 0 && inputs != expectedInputs) {
        throw error("layer " + index + " reads " + inputs + " entries but the previous layer writes "
            + expectedInputs);
      }
      if ((long) outputs * MIN_ROW_CHARS + (long) nnz * MIN_TERM_CHARS > textBound) {
        throw error("layer " + index + " declares " + outputs + " outputs and " + nnz
            + " non-zeros, more than a file of this size can hold");
      }
      String label = rest("label", "the label of layer " + index);
      Csr csr = new Csr(outputs, nnz);
      for (int r = 0; r < outputs; r++) {
        row(index, r, inputs, csr);
      }
      if (csr.k != nnz) {
        throw error("layer " + index + " announces " + nnz + " non-zeros but its rows hold "
            + csr.k);
      }
      return SparseLayer.ofCsr(label, inputs, csr.rowStart, csr.columns, csr.weights,
          csr.biases);
    }

    /** Reads line {@code row r <bias> <count> <column>:<weight> ...} of layer index into csr. */
    private void row(int index, int r, int inputs, Csr csr) throws IOException {
      csr.reserveRow(r);
      String expect = "'row " + r + " <bias> <count> <column>:<weight> ...' of layer " + index;
      String[] rf = fields(next(expect));
      if (rf.length < 4 || !rf[0].equals("row")) {
        throw error("expected " + expect + ", found '" + abbreviate(line) + "'");
      }
      if (parseInt(rf[1], "a row index", 0, Integer.MAX_VALUE) != r) {
        throw error("expected row " + r + " of layer " + index + ", found row "
            + abbreviate(rf[1]));
      }
      csr.biases[r] = rational(rf[2], "the bias of row " + r);
      int count = parseInt(rf[3], "a term count", 0, Integer.MAX_VALUE);
      if (rf.length != 4 + count) {
        throw error("row " + r + " of layer " + index + " announces " + count
            + " terms but has " + (rf.length - 4));
      }
      if ((long) csr.k + count > csr.nnz) {
        throw error("layer " + index + " announces " + csr.nnz + " non-zeros but row " + r
            + " goes beyond them");
      }
      csr.reserveTerms(count);
      int previous = -1;
      for (int t = 0; t < count; t++) {
        String term = rf[4 + t];
        int colon = term.indexOf(':');
        if (colon < 0) {
          throw error("expected '<column>:<weight>' in row " + r + ", found '"
              + abbreviate(term) + "'");
        }
        int c = parseInt(term.substring(0, colon), "a column", 0, inputs - 1);
        if (c <= previous) {
          throw error("columns of row " + r + " must increase, found " + c + " after "
              + previous);
        }
        Rational w = rational(term.substring(colon + 1), "a weight");
        if (w.isZero()) {
          throw error("row " + r + " stores a zero weight at column " + c);
        }
        csr.add(c, w);
        previous = c;
      }
      csr.rowStart[r + 1] = csr.k;
    }

    private int keyedInt(String key, int min, int max) throws IOException {
      String[] f = fields(next("'" + key + " <count>'"));
      if (f.length != 2 || !f[0].equals(key)) {
        throw error("expected '" + key + " <count>', found '" + abbreviate(line) + "'");
      }
      return parseInt(f[1], "a " + key + " count", min, max);
    }

    /** A line {@code "key text"}: returns the text (possibly empty, spaces kept). */
    private String rest(String key, String what) throws IOException {
      String l = next("'" + key + " <text>' (" + what + ")");
      if (l.equals(key)) {
        return "";
      }
      if (!l.startsWith(key + " ")) {
        throw error("expected '" + key + " <text>' (" + what + "), found '" + abbreviate(l) + "'");
      }
      return l.substring(key.length() + 1);
    }

    private String next(String expected) throws IOException {
      String l = nextUnhashed(expected);
      sha.update(l.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      return l;
    }

    private String nextUnhashed(String expected) throws IOException {
      line = nextOrNull(expected);
      lineNumber++;
      if (line == null) {
        throw error("file ends early; expected " + expected);
      }
      return line;
    }

    /** The next line, or null at the end; a corrupt or truncated gzip stream is an error. */
    private String nextOrNull(String expected) throws IOException {
      try {
        return in.readLine();
      } catch (EOFException e) {
        throw error("file is truncated (compressed data ends early); expected " + expected);
      } catch (java.util.zip.ZipException e) {
        throw error("compressed data is corrupt (" + e.getMessage() + "); expected " + expected);
      }
    }

    private String[] fields(String l) {
      return l.isEmpty() ? new String[0] : l.split(" ", -1);
    }

    private int parseInt(String s, String what, int min, int max) throws NetworkFormatException {
      try {
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
          throw error("expected " + what + " in [" + min + ", " + max + "], found " + abbreviate(s));
        }
        return v;
      } catch (NumberFormatException e) {
        throw error("expected " + what + " (a decimal integer), found '" + abbreviate(s) + "'");
      }
    }

    private Rational rational(String s, String what) throws NetworkFormatException {
      // A bound on the work one number may cost (decimal parsing is superlinear in its length):
      // 4,096 characters are 13,600 bits, far beyond any weight a construction uses.
      if (s.length() > MAX_NUMBER_CHARS) {
        throw error("expected " + what + " of at most " + MAX_NUMBER_CHARS + " characters, found "
            + s.length());
      }
      if (!RATIONAL.matcher(s).matches()) {
        throw error("expected " + what + " as 'p' or 'p/q', found '" + abbreviate(s) + "'");
      }
      try {
        return Rational.parse(s);
      } catch (IllegalArgumentException e) {
        throw error("expected " + what + " as 'p' or 'p/q' with q > 0, found '" + abbreviate(s)
            + "'");
      }
    }

    private NetworkFormatException error(String message) {
      return new NetworkFormatException(file, lineNumber, message);
    }

    /**
     * Text of the file as it may be quoted in a message: at most 80 characters, and printable
     * ASCII only (others as {@code \xNN} or a Unicode escape), so a corrupt file never sends raw
     * bytes to a terminal.
     */
    private static String abbreviate(String s) {
      String cut = s.length() <= 80 ? s : s.substring(0, 77) + "...";
      StringBuilder b = new StringBuilder();
      for (char ch : cut.toCharArray()) {
        b.append(ch >= 0x20 && ch < 0x7f ? String.valueOf(ch) : ch < 0x100
            ? String.format("\\x%02x", (int) ch) : String.format("\\u%04x", (int) ch));
      }
      return b.toString();
    }
  }

  /**
   * The arrays of a layer being read (compressed rows), grown as rows arrive up to the declared
   * sizes, so memory follows the file's content.
   */
  private static final class Csr {
    final int outputs;
    final int nnz;
    int[] rowStart;
    int[] columns;
    Rational[] weights;
    Rational[] biases;
    /** Terms stored so far. */
    int k;

    Csr(int outputs, int nnz) {
      this.outputs = outputs;
      this.nnz = nnz;
      rowStart = new int[Math.min(outputs, 1 << 16) + 1];
      columns = new int[Math.min(nnz, 1 << 16)];
      weights = new Rational[columns.length];
      biases = new Rational[rowStart.length - 1];
    }

    /** Room for the bias and end of row r. */
    void reserveRow(int r) {
      if (r == biases.length) {
        int grown = (int) Math.min(outputs, 2L * biases.length);
        biases = Arrays.copyOf(biases, grown);
        rowStart = Arrays.copyOf(rowStart, grown + 1);
      }
    }

    /** Room for count more terms (at most nnz in all, checked by the caller). */
    void reserveTerms(int count) {
      if (k + count > columns.length) {
        int grown = (int) Math.min(nnz, Math.max(2L * columns.length, (long) k + count));
        columns = Arrays.copyOf(columns, grown);
        weights = Arrays.copyOf(weights, grown);
      }
    }

    /** Stores the next term. */
    void add(int column, Rational weight) {
      if (k == columns.length) {
        columns = Arrays.copyOf(columns, (int) Math.min(nnz, 2L * k));
        weights = Arrays.copyOf(weights, columns.length);
      }
      columns[k] = column;
      weights[k] = weight;
      k++;
    }
  }
}
