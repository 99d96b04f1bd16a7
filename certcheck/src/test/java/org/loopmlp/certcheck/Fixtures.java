package org.loopmlp.certcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;

/**
 * The checked-in networks and certificates the checker's tests read (the checker cannot depend on
 * the prover, which depends on it): written once by {@code prove}'s {@code CertcheckFixtures},
 * one directory per proof with {@code network.txt.gz} and {@code certificate.txt.gz}.
 */
final class Fixtures {
  private Fixtures() {}

  static final Path ROOT = Path.of("src/test/resources/fixtures");

  /** Proofs of every construction and both machines, for properties over "any certificate". */
  static final List<String> PROVED = List.of("paper-6-3-3", "compact-6-3-3", "narrow-8-3-3",
      "onehot-4-2-3", "onehot-split-3-2-1", "classic-6-4", "narrow-16-6-6-float16");
  static final int PROVED_COUNT = 7;

  private static final Map<Path, Network> NETWORKS = new ConcurrentHashMap<>();

  static Path dir(String name) {
    return ROOT.resolve(name);
  }

  static Path proved(int i) {
    return dir(PROVED.get(i));
  }

  /** The network of a fixture directory, read once. */
  static Network network(Path dir) {
    return NETWORKS.computeIfAbsent(dir, d -> {
      try {
        return NetworkFormat.read(d.resolve("network.txt.gz"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The certificate's lines (gunzipped). */
  static List<String> certificateLines(Path dir) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(dir.resolve("certificate.txt.gz"))), StandardCharsets.US_ASCII))) {
      return r.lines().toList();
    }
  }

  /** The first layer and the layer count of the stage whose line starts {@code stage ROLE }. */
  static int[] stageLayers(List<String> lines, String role) {
    for (String l : lines) {
      if (l.startsWith("stage " + role + " ")) {
        String[] t = l.split(" ");
        return new int[] {Integer.parseInt(t[2]), Integer.parseInt(t[3])};
      }
    }
    throw new AssertionError("no stage " + role);
  }
}
