package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * Every construction, of both machines, exports at two sizes each to exactly the bytes recorded
 * in {@code exported-network-sha256.txt} (the SHA-256 of the whole network file as {@code
 * NetworkFormat.write} leaves it, as {@code loopmlp export --out} writes it). The hashes were
 * recorded before the two machines' construction code was unified; a refactor that changes one
 * weight, bias, label, direction name or their order fails here.
 */
class ExportedBytesTest {
  private static final String FIXTURE = "exported-network-sha256.txt";

  @TempDir
  Path dir;

  /** {@code construction size -> sha256}, in the fixture's order. */
  private static Map<String, String> recorded() throws IOException {
    Map<String, String> hashes = new LinkedHashMap<>();
    try (InputStream in = ExportedBytesTest.class.getResourceAsStream(FIXTURE)) {
      assertNotNull(in, FIXTURE);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        assertEquals(3, f.length, line);
        hashes.put(f[0] + " " + f[1], f[2]);
      }
    }
    return hashes;
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    recorded().forEach((key, sha) -> {
      String[] f = key.split(" ");
      cases.add(Arguments.of(f[0], f[1], sha));
    });
    return cases.stream();
  }

  @Test
  void everyConstructionOfBothMachinesIsRecordedAtTwoSizes() throws IOException {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    recorded().keySet().forEach(k -> sizes.merge(k.split(" ")[0], 1, Integer::sum));
    List<String> expected = new ArrayList<>(Constructions.names());
    expected.addAll(ClassicConstruction.names());
    assertEquals(expected.stream().sorted().toList(), sizes.keySet().stream().sorted().toList());
    sizes.forEach((name, n) -> assertEquals(2, n, name));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void theExportedFileIsByteForByteTheRecordedOne(String name, String size, String sha)
      throws IOException, NoSuchAlgorithmException {
    Path file = dir.resolve(name + "-" + size + ".txt");
    NetworkFormat.write(network(name, size), file);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    assertEquals(sha, HexFormat.of().formatHex(digest), name + " " + size);
  }

  /** Size {@code N,A,C} for the paper machine's constructions, {@code N,A} for the classic's. */
  private static Network network(String name, String size) {
    int[] s = Stream.of(size.split(",")).mapToInt(Integer::parseInt).toArray();
    if (ClassicConstruction.names().contains(name)) {
      return ClassicConstruction.build(name, ClassicConfig.of(s[0], s[1])).network();
    }
    return Constructions.build(name, MachineConfig.of(s[0], s[1], s[2])).network();
  }
}
