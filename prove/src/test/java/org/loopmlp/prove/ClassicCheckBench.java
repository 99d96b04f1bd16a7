package org.loopmlp.prove;

import java.nio.file.Path;
import org.loopmlp.certcheck.CertificateChecker;

/** Not a test: {@code ClassicCheckBench DIR} runs the independent checker on DIR. */
final class ClassicCheckBench {
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    CertificateChecker.Result r = CertificateChecker.check(
        Path.of(args[0], PaperProver.NETWORK_FILE),
        Path.of(args[0], PaperProver.CERTIFICATE_FILE));
    System.out.println(r + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }
}
