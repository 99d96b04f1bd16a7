package org.loopmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.prove.PaperProver;

/** {@code prove --out DIR} on either machine: the directory checked first, the proof re-checked. */
final class ProofDirectory {
  private ProofDirectory() {}

  /**
   * Refuses, before any work is done, an --out that cannot hold the proof: a file, a directory
   * that cannot be written or created, or one that already holds files unless --force; with
   * --force, removes the network and certificate a previous run left there, so that a failed
   * proof never leaves an old certificate beside the new network.
   */
  static void prepare(Path out, boolean force) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw UserError.because("--out %s is a file, expected a directory", out);
    }
    if (!Files.isDirectory(out)) {
      requireCreatable(out);
      return;
    }
    if (!Files.isWritable(out)) {
      throw UserError.because("cannot write --out %s: permission denied", out);
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent() && !force) {
        throw UserError.because("--out %s is not empty; choose a new directory, or add --force"
            + " to replace the network and certificate in it", out);
      }
      for (String name : new String[] {PaperProver.NETWORK_FILE, PaperProver.CERTIFICATE_FILE}) {
        Files.deleteIfExists(out.resolve(name));
      }
    } catch (IOException e) {
      throw Inputs.cannotWrite(out, e);
    }
  }

  /** The nearest existing ancestor of a new directory must be a writable directory. */
  private static void requireCreatable(Path out) {
    Path p = out.toAbsolutePath().normalize().getParent();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null || !Files.isDirectory(p)) {
      throw UserError.because("cannot write --out %s: a parent of the path is not a directory",
          out);
    }
    if (!Files.isWritable(p)) {
      throw UserError.because("cannot write --out %s: permission denied", out);
    }
  }

  /**
   * Runs the independent checker on a written proof and prints its line; the result, or a
   * {@link UserError} when the files cannot be read.
   */
  static CertificateChecker.Result recheck(Path network, Path certificate,
      java.io.PrintWriter out) {
    long start = System.nanoTime();
    CertificateChecker.Result r;
    try {
      r = CertificateChecker.check(network, certificate);
    } catch (IOException e) {
      throw Inputs.cannotRead(certificate, e);
    }
    out.printf(Locale.ROOT, "independent checker: %s (%d stages, %,d cases, %,d neuron facts"
        + " re-derived in %d ms)%n", r.accepted() ? "ACCEPTED" : "REJECTED: " + r.message(),
        r.stages(), r.cases(), r.facts(), (System.nanoTime() - start) / 1_000_000);
    return r;
  }
}
