package org.loopmlp.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} format, version 1.0, for one-dimensional little-endian arrays, and the
 * {@code .npz} archive (a zip of {@code .npy} entries) that {@code numpy.load} opens.
 *
 * <p>Layout of a {@code .npy} file: the magic {@code \x93NUMPY}, version bytes 1 and 0, a
 * little-endian uint16 header length, then an ASCII Python dict literal padded with spaces and a
 * final newline so that the data starts at a multiple of 64 bytes, then the raw data.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

  private Npy() {}

  /** A {@code .npy} of dtype {@code <i8}. */
  public static byte[] int64(long[] values) {
    ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      data.putLong(v);
    }
    return withHeader("<i8", values.length, data.array());
  }

  /** A {@code .npy} of dtype {@code <i8} from ints. */
  public static byte[] int64(int[] values) {
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = values[i];
    }
    return int64(l);
  }

  /** A {@code .npy} of dtype {@code <f8}. */
  public static byte[] float64(double[] values) {
    ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      data.putDouble(v);
    }
    return withHeader("<f8", values.length, data.array());
  }

  private static byte[] withHeader(String descr, int length, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + length
        + ",), }";
    int unpadded = MAGIC.length + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 2 + header.length()
        + data.length);
    out.writeBytes(MAGIC);
    out.write(header.length() & 0xff);
    out.write(header.length() >>> 8);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** Writes entries into an {@code .npz} archive. */
  public static final class Archive implements AutoCloseable {
    private final ZipOutputStream zip;

    public Archive(OutputStream out) {
      this.zip = new ZipOutputStream(out);
    }

    /** Adds {@code name.npy}. */
    public Archive add(String name, byte[] npy) throws IOException {
      zip.putNextEntry(new ZipEntry(name + ".npy"));
      zip.write(npy);
      zip.closeEntry();
      return this;
    }

    /** Adds a non-array entry (e.g. a JSON or text file) under its full name. */
    public Archive addFile(String fileName, byte[] content) throws IOException {
      zip.putNextEntry(new ZipEntry(fileName));
      zip.write(content);
      zip.closeEntry();
      return this;
    }

    /** Writes the archive's directory without closing the underlying stream. */
    public void finish() throws IOException {
      zip.finish();
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }
}
