package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;

/**
 * The checker's own {@code main} (what {@code java -jar certcheck.jar} runs), in a JVM of its
 * own: one line, exit 0 accepted, 1 rejected, 2 usage or a missing file.
 */
class CheckerMainTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run main(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), CertificateChecker.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, err);
  }

  @Test
  void acceptsAProofDirectoryAndRejectsItsRescaledNetwork() throws Exception {
    Path proof = Fixtures.dir("narrow-8-3-3");
    Run ok = main(proof.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().matches("ACCEPTED: 4 stages, [0-9,]+ cases, [0-9,]+ neuron facts"
        + " re-derived; largest partial sum 29, every layer exact in bfloat16\n"), ok.out());

    // the first hidden row of the subtract stage's first layer divided by 11 (issue 17)
    int layer = Fixtures.stageLayers(Fixtures.certificateLines(proof), "SUBTRACT")[0];
    int row = Fixtures.network(proof).inputDimension();
    Path bad = dir.resolve("network.txt.gz");
    NetworkFormat.write(IntegerWeightsTest.rescaled(Fixtures.network(proof), layer, row, row,
        Rational.of(1, 11)), bad);
    Run no = main(bad.toString(), proof.resolve("certificate.txt.gz").toString());
    assertEquals(1, no.code(), no.out() + no.err());
    assertTrue(no.out().startsWith("REJECTED: line "), no.out());
    assertTrue(no.out().contains(": network layer " + layer + ", row " + row + ": a weight or"
        + " the bias is not an integer"), no.out());
    assertEquals(1, no.out().lines().count(), no.out());
  }

  @Test
  void usageAndMissingFilesAreOneLineWithExit2() throws Exception {
    Run none = main();
    assertEquals(2, none.code());
    assertTrue(none.err().startsWith("usage: java -jar certcheck.jar DIR"), none.err());
    Run missing = main(dir.resolve("nope").toString());
    assertEquals(2, missing.code());
    assertEquals(List.of("certcheck: " + dir.resolve("nope").resolve("network.txt.gz")
        + ": no such file (expected DIR written by 'loopmlp prove --out DIR', with"
        + " network.txt.gz)"), missing.err().lines().toList());
  }
}
