package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFormatTest {
  @TempDir Path dir;

  @Provide
  Arbitrary<Network> networks() {
    return BackendProperties.networks(BackendProperties.rationals());
  }

  @Property(tries = 60)
  void roundTripIsIdentical(@ForAll("networks") Network n) throws IOException {
    Path tmp = Files.createTempDirectory("netfmt");
    try {
      for (String name : List.of("n.net", "n.net.gz")) {
        Path f = tmp.resolve(name);
        NetworkFormat.write(n, f);
        assertEquals(n, NetworkFormat.read(f));
      }
    } finally {
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }

  static Network named() {
    SparseLayer.Builder a = SparseLayer.builder(3).label("first layer");
    a.addRow(SparseLayer.Row.withBias(Rational.of(1, 2)).plus(0, 1).plus(2, Rational.of(-7, 3)));
    a.addRow(SparseLayer.Row.withBias(0).plus(1, Rational.of(1L << 62)));
    SparseLayer.Builder b = SparseLayer.builder(2).label("");
    b.addRow(SparseLayer.Row.withBias(-4).plus(0, 12).plus(1, 3));
    b.addRow(SparseLayer.Row.withBias(0));
    b.addRow(SparseLayer.Row.withBias(1).plus(1, 1));
    return Network.withInputNames(List.of(a.build(), b.build()), List.of("pc", "mem[0] bit", " x"));
  }

  @Test
  void namesLabelsAndHugeWeightsSurvive() throws IOException {
    Path f = dir.resolve("a.net");
    NetworkFormat.write(named(), f);
    assertEquals(named(), NetworkFormat.read(f));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(f), s.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void everyTruncationIsRejected() throws IOException {
    Path f = dir.resolve("a.net");
    NetworkFormat.write(named(), f);
    byte[] all = Files.readAllBytes(f);
    Path cut = dir.resolve("cut.net");
    // every prefix except the whole file and the whole file minus its final newline
    for (int len = 0; len < all.length - 1; len++) {
      Files.write(cut, Arrays.copyOf(all, len));
      assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(cut), "prefix " + len);
    }
  }

  @Test
  void truncatedGzipIsRejected() throws IOException {
    Path f = dir.resolve("a.net.gz");
    NetworkFormat.write(named(), f);
    byte[] all = Files.readAllBytes(f);
    Path cut = dir.resolve("cut.net.gz");
    for (int len = all.length / 2; len < all.length; len++) {
      Files.write(cut, Arrays.copyOf(all, len));
      assertThrows(IOException.class, () -> NetworkFormat.read(cut), "prefix " + len);
    }
  }

  @Test
  void aNumberLongerThanTheLimitIsRefusedAtItsLine() throws IOException {
    // found by fuzzing: a 31,600-digit weight took a second to parse
    Path f = dir.resolve("long.net");
    NetworkFormat.write(named(), f);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
    int row = 0;
    while (!lines.get(row).startsWith("row ")) {
      row++;
    }
    String[] fields = lines.get(row).split(" ");
    fields[2] = "7".repeat(NetworkFormat.MAX_NUMBER_CHARS + 1);
    lines.set(row, String.join(" ", fields));
    Files.write(f, lines);
    NetworkFormatException e = assertThrows(NetworkFormatException.class,
        () -> NetworkFormat.read(f));
    assertTrue(e.getMessage().contains("long.net:" + (row + 1) + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("at most 4096 characters"), e.getMessage());
  }

  @Test
  void aGzNameOverDataThatIsNotGzipIsAFormatError() throws IOException {
    // found by fuzzing: the gzip header is read when the stream is opened, before any line
    Path plain = dir.resolve("plain.net.gz");
    NetworkFormat.write(named(), dir.resolve("plain.net"));
    Files.copy(dir.resolve("plain.net"), plain);
    Path empty = Files.write(dir.resolve("empty.net.gz"), new byte[0]);
    for (Path f : List.of(plain, empty)) {
      NetworkFormatException e = assertThrows(NetworkFormatException.class,
          () -> NetworkFormat.read(f));
      assertTrue(e.getMessage().contains(":1: not gzip data")
          || e.getMessage().contains(":1: the compressed data "), e.getMessage());
    }
  }

  @Test
  void hugeDeclaredCountsInAShortFileAreRejectedWithoutExhaustingTheHeap() throws IOException {
    // found by fuzzing: "nonzeros 2147483647" made the reader allocate the declared arrays first
    Path f = dir.resolve("a.net");
    NetworkFormat.write(named(), f);
    String text = Files.readString(f);
    for (String huge : List.of("nonzeros 2147483647", "outputs 2147483646 nonzeros 2147483647")) {
      String bad = text.replaceFirst("outputs \\d+ nonzeros \\d+",
          huge.contains("outputs") ? huge : "outputs 2 nonzeros 2147483647");
      Files.writeString(f, bad);
      NetworkFormatException e = assertThrows(NetworkFormatException.class,
          () -> NetworkFormat.read(f), huge);
      assertTrue(e.getMessage().contains("non-zeros") || e.getMessage().contains("row"),
          e.getMessage());
    }
  }

  @Test
  void aLayerWiderThanTheFirstAllocationRoundTrips() throws IOException {
    // more rows and terms than the reader allocates before it has read them (2^16)
    SparseLayer.Builder wide = SparseLayer.builder(3).label("wide");
    for (int r = 0; r < 70_000; r++) {
      wide.addRow(SparseLayer.Row.withBias(r % 3).plus(r % 3, 1 + r % 5));
    }
    Network n = Network.of(List.of(wide.build()));
    Path f = dir.resolve("wide.net");
    NetworkFormat.write(n, f);
    assertEquals(n, NetworkFormat.read(f));
  }

  @Test
  void everyFlippedDigitIsRejected() throws IOException {
    Path f = dir.resolve("a.net");
    NetworkFormat.write(named(), f);
    String text = Files.readString(f);
    int footer = text.lastIndexOf("end ");
    int flipped = 0;
    for (int i = 0; i < footer; i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        char d = (char) ('0' + (c - '0' + 1) % 10);
        Files.writeString(f, text.substring(0, i) + d + text.substring(i + 1));
        assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f), "digit " + i);
        flipped++;
      }
    }
    assertTrue(flipped > 20);
  }

  @Test
  void missingRowNamesItsLine() throws IOException {
    Path f = dir.resolve("a.net");
    NetworkFormat.write(named(), f);
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    int row1 = lines.indexOf(lines.stream().filter(l -> l.startsWith("row 1 ")).findFirst()
        .orElseThrow());
    lines.remove(row1);
    Files.write(f, lines);
    NetworkFormatException e =
        assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f));
    assertEquals(row1 + 1, e.line());
    assertTrue(e.getMessage().contains("expected 'row 1 "), e.getMessage());
  }

  @Test
  void badHeaderAndVersionAreRejected() throws IOException {
    Path f = dir.resolve("a.net");
    NetworkFormat.write(named(), f);
    String text = Files.readString(f);
    Files.writeString(f, text.replaceFirst("loopmlp-network 1", "loopmlp-netwerk 1"));
    NetworkFormatException e =
        assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("expected header"), e.getMessage());
    Files.writeString(f, text.replaceFirst("loopmlp-network 1", "loopmlp-network 2"));
    e = assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f));
    assertTrue(e.getMessage().contains("unsupported version"), e.getMessage());
    Files.write(f, new byte[0]);
    e = assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f));
    assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    Files.write(f, "loopmlp-network 1\nlayers 1\nnames none\nlayer 0 inputs 1 outputs 1 nonzeros 1\n"
        .getBytes(StandardCharsets.UTF_8));
    e = assertThrows(NetworkFormatException.class, () -> NetworkFormat.read(f));
    assertEquals(5, e.line());
  }
}
