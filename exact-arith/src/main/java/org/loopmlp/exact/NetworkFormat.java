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
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = isGzip(file) ? gunzip(file, raw) : raw;
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      return new Reader(file, reader).network();
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
    private final Path file;
    private final BufferedReader in;
    private final MessageDigest sha = sha256();
    private long lineNumber;
    private String line;

    Reader(Path file, BufferedReader in) {
      this.file = file;
      this.in = in;
    }

    Network network() throws IOException {
      String[] header = fields(next("header '" + MAGIC + " " + VERSION + "'"));
      if (header.length != 2 || !header[0].equals(MAGIC)) {
        throw error("expected header '" + MAGIC + " " + VERSION + "', found '" + line + "'");
      }
      if (!header[1].equals(Integer.toString(VERSION))) {
        throw error("unsupported version '" + header[1] + "', this reader knows version "
            + VERSION);
      }
      int depth = keyedInt("layers", 1, Integer.MAX_VALUE);
      String[] namesLine = fields(next("'names <count>' or 'names none'"));
      List<String> names = null;
      if (namesLine.length != 2 || !namesLine[0].equals("names")) {
        throw error("expected 'names <count>' or 'names none', found '" + line + "'");
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
            + line + "'");
      }
      if (!end[1].equals(expectedHash)) {
        throw error("checksum mismatch: the file was altered (footer says " + end[1]
            + ", content hashes to " + expectedHash + ")");
      }
      String extra = nextOrNull("end of file after the footer");
      if (extra != null) {
        lineNumber++;
        throw error("expected end of file after the footer, found '" + extra + "'");
      }
      return names == null ? Network.of(layers) : Network.withInputNames(layers, names);
    }

    private SparseLayer layer(int index, int expectedInputs) throws IOException {
      String what = "'layer " + index + " inputs <n> outputs <m> nonzeros <k>'";
      String[] f = fields(next(what));
      if (f.length != 8 || !f[0].equals("layer") || !f[2].equals("inputs")
          || !f[4].equals("outputs") || !f[6].equals("nonzeros")) {
        throw error("expected " + what + ", found '" + line + "'");
      }
      if (parseInt(f[1], "layer index", 0, Integer.MAX_VALUE) != index) {
        throw error("expected layer " + index + ", found layer " + f[1]);
      }
      int inputs = parseInt(f[3], "an input dimension", 0, Integer.MAX_VALUE);
      int outputs = parseInt(f[5], "an output dimension", 0, Integer.MAX_VALUE - 1);
      int nnz = parseInt(f[7], "a non-zero count", 0, Integer.MAX_VALUE);
      if (expectedInputs >= 0 && inputs != expectedInputs) {
        throw error("layer " + index + " reads " + inputs + " entries but the previous layer writes "
            + expectedInputs);
      }
      String label = rest("label", "the label of layer " + index);
      // Arrays grow with the rows and terms actually read, never to the declared counts alone,
      // so a corrupt count cannot exhaust the heap before the file is shown to be short.
      int[] rowStart = new int[Math.min(outputs, 1 << 16) + 1];
      int[] columns = new int[Math.min(nnz, 1 << 16)];
      Rational[] weights = new Rational[columns.length];
      Rational[] biases = new Rational[rowStart.length - 1];
      int k = 0;
      for (int r = 0; r < outputs; r++) {
        if (r == biases.length) {
          biases = Arrays.copyOf(biases, (int) Math.min(outputs, 2L * r));
          rowStart = Arrays.copyOf(rowStart, biases.length + 1);
        }
        String expect = "'row " + r + " <bias> <count> <column>:<weight> ...' of layer " + index;
        String[] rf = fields(next(expect));
        if (rf.length < 4 || !rf[0].equals("row")) {
          throw error("expected " + expect + ", found '" + abbreviate(line) + "'");
        }
        if (parseInt(rf[1], "a row index", 0, Integer.MAX_VALUE) != r) {
          throw error("expected row " + r + " of layer " + index + ", found row " + rf[1]);
        }
        biases[r] = rational(rf[2], "the bias of row " + r);
        int count = parseInt(rf[3], "a term count", 0, Integer.MAX_VALUE);
        if (rf.length != 4 + count) {
          throw error("row " + r + " of layer " + index + " announces " + count
              + " terms but has " + (rf.length - 4));
        }
        if ((long) k + count > nnz) {
          throw error("layer " + index + " announces " + nnz + " non-zeros but row " + r
              + " goes beyond them");
        }
        int previous = -1;
        for (int t = 0; t < count; t++) {
          String term = rf[4 + t];
          int colon = term.indexOf(':');
          if (colon < 0) {
            throw error("expected '<column>:<weight>' in row " + r + ", found '" + term + "'");
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
          if (k == columns.length) {
            columns = Arrays.copyOf(columns, (int) Math.min(nnz, 2L * k));
            weights = Arrays.copyOf(weights, columns.length);
          }
          columns[k] = c;
          weights[k] = w;
          k++;
          previous = c;
        }
        rowStart[r + 1] = k;
      }
      if (k != nnz) {
        throw error("layer " + index + " announces " + nnz + " non-zeros but its rows hold " + k);
      }
      return SparseLayer.ofCsr(label, inputs, rowStart, columns, weights, biases);
    }

    private int keyedInt(String key, int min, int max) throws IOException {
      String[] f = fields(next("'" + key + " <count>'"));
      if (f.length != 2 || !f[0].equals(key)) {
        throw error("expected '" + key + " <count>', found '" + line + "'");
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
          throw error("expected " + what + " in [" + min + ", " + max + "], found " + s);
        }
        return v;
      } catch (NumberFormatException e) {
        throw error("expected " + what + " (a decimal integer), found '" + s + "'");
      }
    }

    private Rational rational(String s, String what) throws NetworkFormatException {
      if (!RATIONAL.matcher(s).matches()) {
        throw error("expected " + what + " as 'p' or 'p/q', found '" + s + "'");
      }
      try {
        return Rational.parse(s);
      } catch (IllegalArgumentException e) {
        throw error("expected " + what + " as 'p' or 'p/q' with q > 0, found '" + s + "'");
      }
    }

    private NetworkFormatException error(String message) {
      return new NetworkFormatException(file, lineNumber, message);
    }

    private static String abbreviate(String s) {
      return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
  }
}
