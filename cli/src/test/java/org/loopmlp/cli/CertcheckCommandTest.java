package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertcheckCommandTest {
  private static Path prove(Path dir) {
    Path out = dir.resolve("proof");
    Cli.Result r = Cli.run("prove", "--config", "3,2,2", "--out", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    return out;
  }

  @Test
  void acceptsWhatProveWrote(@TempDir Path dir) {
    Path out = prove(dir);
    Cli.Result r = Cli.run("certcheck", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("verdict: ACCEPTED"), r.out());
  }

  @Test
  void rejectsACertificateWithOneLeafFactDropped(@TempDir Path dir) throws IOException {
    Path out = prove(dir);
    Path cert = out.resolve("certificate.txt.gz");
    List<String> lines = new ArrayList<>(List.of(gunzip(cert).split("\n")));
    int leaf = -1;
    for (int i = 0; i < lines.size() && leaf < 0; i++) {
      // A leaf lists the rows that are ON, per layer; drop the first ON row of the first leaf
      // that has one, so the certificate claims that neuron is OFF.
      String[] parts = lines.get(i).split(" ");
      if (parts[0].equals("l") && parts.length > 1 && !parts[1].equals("-")) {
        String[] rows = parts[1].split(",");
        parts[1] = rows.length > 1 ? String.join(",", List.of(rows).subList(1, rows.length)) : "-";
        lines.set(i, String.join(" ", parts));
        leaf = i;
      }
    }
    assertTrue(leaf >= 0, "the certificate has a leaf with an ON row");
    Path bad = dir.resolve("bad.txt.gz");
    gzip(bad, String.join("\n", lines) + "\n");
    Cli.Result r = Cli.run("certcheck", "--network", out.resolve("network.txt.gz").toString(),
        "--certificate", bad.toString());
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("REJECTED"), r.out());
  }

  @Test
  void missingDirectoryIsAUsageError(@TempDir Path dir) {
    BadInputTest.assertUsageError("no such directory", "certcheck",
        dir.resolve("nope").toString());
  }

  @Test
  void aDirectoryGivenAsTheNetworkSaysWhatWasExpected(@TempDir Path dir) {
    Path out = prove(dir);
    BadInputTest.assertUsageError("--network " + out + ": no such file (it is a directory),"
        + " expected the network file; a directory written by 'prove --out' is checked with:"
        + " loopmlp certcheck " + out, "certcheck", "--network", out.toString(), "--certificate",
        out.resolve("certificate.txt.gz").toString());
    BadInputTest.assertUsageError("no such file, expected the certificate (--certificate FILE)",
        "certcheck", "--network", out.resolve("network.txt.gz").toString(), "--certificate",
        dir.resolve("nope.txt.gz").toString());
    BadInputTest.assertUsageError("no such file, expected the network file in DIR, as 'loopmlp"
        + " prove --out DIR' writes it", "certcheck", dir.toString());
  }

  @Test
  void helpLinesAreNotBroken() {
    Cli.Result r = Cli.run("certcheck", "--help");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    for (String line : r.out().split("\n")) {
      // picocli wraps at 80 columns: a line of 80 or more left its last word on a line alone
      assertTrue(line.isEmpty() || line.trim().contains(" ") || line.endsWith(":"),
          "a broken line: '" + line + "' in\n" + r.out());
    }
    assertTrue(r.out().contains("does not prove the lemmas"), r.out());
  }

  @Test
  void needsADirectoryOrBothFiles() {
    BadInputTest.assertUsageError("give DIR", "certcheck");
  }

  private static String gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    }
  }

  private static void gzip(Path p, String text) throws IOException {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
