package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.MachineConfig;

/**
 * Translation validation of the Coq proof (coq/README.md): the network that the Coq construction
 * writes (extracted to OCaml, {@code coq/extraction/paper_net}) equals the {@code paper} network
 * this toolkit builds and writes (SPEC §10), byte for byte, so the weights proved in Coq are the
 * weights the toolkit runs. Without {@code coqc} it prints one line and passes; {@code
 * scripts/check-coq} runs the same comparison at 22 sizes through {@code loopmlp export}.
 */
class CoqExportTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path DRIVER = REPOSITORY.resolve("coq/extraction/paper_net");
  private static final List<int[]> SIZES = List.of(new int[] {2, 1, 1}, new int[] {3, 2, 2},
      new int[] {4, 2, 3}, new int[] {8, 4, 4}, new int[] {7, 4, 2}, new int[] {16, 6, 6},
      new int[] {32, 8, 8});

  @Test
  void theCoqConstructionWritesTheNetworkTheToolkitBuilds(@TempDir Path dir) throws Exception {
    if (!coqAvailable()) {
      return;
    }
    for (int[] s : SIZES) {
      byte[] java = javaFile(s, dir);
      byte[] coq = coqFile(s);
      String where = firstDifference(coq, java);
      assertNull(where, () -> "N=" + s[0] + ",A=" + s[1] + ",C=" + s[2]
          + ": the Coq construction and the toolkit differ at " + where);
    }
  }

  @Test
  void oneChangedWeightIsADifference(@TempDir Path dir) throws Exception {
    if (!coqAvailable()) {
      return;
    }
    int[] s = {4, 2, 2};
    String java = new String(javaFile(s, dir), StandardCharsets.UTF_8);
    // The first -2 of the file: pc bit 0 in the address match of slot 0 (fetch.select, SPEC
    // §7.4), made -3 in a copy whose footer is recomputed, as an altered gadget would write it.
    int at = java.indexOf(":-2");
    assertTrue(at > 0);
    String body = java.substring(0, java.lastIndexOf("end ")).replaceFirst(":-2", ":-3");
    byte[] mutated = withFooter(body.getBytes(StandardCharsets.UTF_8));
    String where = firstDifference(coqFile(s), mutated);
    assertNotNull(where, "a changed weight must be a difference");
    int line = (int) java.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    assertTrue(where.startsWith("line " + line + ":"), where);
  }

  private static boolean told;

  /** Whether the Coq check can run here; if not, says so in one line (once). */
  private static synchronized boolean coqAvailable() throws Exception {
    // The property lets a machine with Coq try the message: -Dloopmlp.coqc=no-such-tool.
    if (!onPath(System.getProperty("loopmlp.coqc", "coqc"))) {
      if (told) {
        return false;
      }
      told = true;
      System.out.println("CoqExportTest: the Coq check did not run (coqc not found); to run it: "
          + "apt-get install -y coq ocaml-nox && scripts/check-coq");
      return false;
    }
    if (!Files.isExecutable(DRIVER) || stale()) {
      Process p = new ProcessBuilder(REPOSITORY.resolve("scripts/check-coq").toString(),
          "--extract-only").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(20, TimeUnit.MINUTES), "scripts/check-coq --extract-only timed out");
      assertEquals(0, p.exitValue(), "scripts/check-coq --extract-only failed:\n" + out);
    }
    return true;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The driver is older than a Coq source. */
  private static boolean stale() throws IOException {
    long built = Files.getLastModifiedTime(DRIVER).toMillis();
    try (var files = Files.list(REPOSITORY.resolve("coq"))) {
      return files.filter(f -> f.toString().endsWith(".v"))
          .anyMatch(f -> f.toFile().lastModified() > built);
    }
  }

  private static byte[] javaFile(int[] s, Path dir) throws IOException {
    Path out = dir.resolve("java-" + s[0] + "-" + s[1] + "-" + s[2] + ".txt");
    NetworkFormat.write(PaperConstruction.build(MachineConfig.of(s[0], s[1], s[2])).network(),
        out);
    return Files.readAllBytes(out);
  }

  /** The Coq construction's file: the driver writes every line before the footer. */
  private static byte[] coqFile(int[] s) throws Exception {
    Process p = new ProcessBuilder(DRIVER.toString(), Integer.toString(s[0]),
        Integer.toString(s[1]), Integer.toString(s[2])).redirectErrorStream(true).start();
    byte[] body;
    try (InputStream in = p.getInputStream()) {
      body = in.readAllBytes();
    }
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "paper_net timed out");
    assertEquals(0, p.exitValue(), () -> "paper_net failed: " + new String(body,
        StandardCharsets.UTF_8));
    return withFooter(body);
  }

  /** SPEC §10.2: "end " and the SHA-256 of every line before it. */
  private static byte[] withFooter(byte[] body) throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 70);
    out.write(body);
    out.write(("end " + hex + "\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Null when equal, else "line n: coq ... / java ...". */
  private static String firstDifference(byte[] coq, byte[] java) {
    String[] a = new String(coq, StandardCharsets.UTF_8).split("\n", -1);
    String[] b = new String(java, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "(end of file)";
      String y = i < b.length ? b[i] : "(end of file)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": coq '" + abbreviate(x) + "', java '" + abbreviate(y) + "'";
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }
}
