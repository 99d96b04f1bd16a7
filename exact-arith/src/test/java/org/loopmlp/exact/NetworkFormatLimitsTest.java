package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts in a header are checked against what the file can hold before anything is allocated,
 * and what the reader quotes from a file is printable whatever bytes it holds.
 */
class NetworkFormatLimitsTest {
  @TempDir Path dir;

  /** Six lines and a footer (whose checksum is only checked at the end). */
  private static final String SIX_LINES = String.join("\n",
      "loopmlp-network 1",
      "layers 1",
      "names none",
      "layer 0 inputs 2 outputs 2000000000 nonzeros 2000000000",
      "label",
      "row 0 0 0",
      "end 0000",
      "");

  private static void assertPrintable(String message) {
    assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
    assertTrue(message.length() < 400, message);
  }

  @Test
  void aHugeDeclaredLayerIsRefusedBeforeItIsAllocated() throws IOException {
    Path f = Files.writeString(dir.resolve("huge.net"), SIX_LINES);
    NetworkFormatException e = assertThrows(NetworkFormatException.class,
        () -> NetworkFormat.read(f));
    assertTrue(e.getMessage().contains("2000000000"), e.getMessage());
    assertTrue(e.getMessage().contains("huge.net:4:"), e.getMessage());
  }

  @Test
  void aHugeDeclaredLayerInAGzipFileIsRefusedToo() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(SIX_LINES.getBytes(StandardCharsets.US_ASCII));
    }
    Path f = Files.write(dir.resolve("huge.net.gz"), b.toByteArray());
    assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f));
  }

  @Test
  void aTruncatedFileIsRefusedBeforeItIsParsed() throws IOException {
    Path f = Files.writeString(dir.resolve("cut.net"), SIX_LINES.replace("end 0000\n", ""));
    NetworkFormatException e = assertThrows(NetworkFormatException.class,
        () -> NetworkFormat.read(f));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(SIX_LINES.repeat(1000).getBytes(StandardCharsets.US_ASCII));
    }
    byte[] gz = b.toByteArray();
    Path cut = Files.write(dir.resolve("cut.net.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
    NetworkFormatException z = assertThrows(NetworkFormatException.class,
        () -> NetworkFormat.read(cut));
    assertTrue(z.getMessage().contains("truncated"), z.getMessage());
  }

  @Test
  void rawBytesAreNeverQuoted() throws IOException {
    Path f = Files.write(dir.resolve("junk.net"),
        new byte[] {0x1b, '[', '2', 'J', (byte) 0xc3, (byte) 0x28, 7, '\n', 'x'});
    NetworkFormatException e = assertThrows(NetworkFormatException.class,
        () -> NetworkFormat.read(f));
    assertPrintable(e.getMessage());
    assertTrue(e.getMessage().contains("\\x1b"), e.getMessage());
    Path label = Files.writeString(dir.resolve("label.net"), "loopmlp-network 1\nlayers 1\n"
        + "names none\nlayer 0 inputs 1 outputs 1 nonzeros 0\nlabel\nrow 0 0 \u0007"
        + "x".repeat(5000) + "\n");
    NetworkFormatException l = assertThrows(NetworkFormatException.class,
        () -> NetworkFormat.read(label));
    assertPrintable(l.getMessage());
  }
}
