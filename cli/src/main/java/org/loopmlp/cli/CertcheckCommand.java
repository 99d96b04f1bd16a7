package org.loopmlp.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopmlp certcheck DIR}: runs the small independent checker on a network file and a
 * certificate written by {@code prove --out}, possibly on another machine. Nothing of the
 * construction or the prover is used: the checker reads only the two files.
 */
@Command(
    name = "certcheck",
    header = "Check a proof certificate against an exported network, without the prover.",
    description = {
        "Reads DIR/network.txt.gz and DIR/certificate.txt.gz (as written by 'loopmlp prove "
            + "--out DIR'), or the files given with --network and --certificate, and runs the "
            + "independent checker: it re-derives every on/off fact of the certificate in exact "
            + "rational arithmetic from the network's weights, checks that the facts imply the "
            + "stage lemmas (which it states itself, over direction names) and that the stages "
            + "compose into one SUBLEQ step. It imports nothing from the prover or the "
            + "construction."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 accepted; 1 rejected, the reason printed: a certificate that",
        "does not prove the lemmas, and any corrupt content of either file (truncated,",
        "damaged, malformed); 2 usage or input error (a file that cannot be opened).",
        "",
        "Without the toolkit: java -jar certcheck/target/certcheck.jar DIR runs the same",
        "checker from a jar of its own (certcheck/README.md).",
        "",
        "Examples:",
        "  loopmlp prove --config 8,6,6 --out proof && loopmlp certcheck proof",
        "  loopmlp certcheck --network net.txt.gz --certificate cert.txt.gz"
    })
final class CertcheckCommand extends Subcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "A directory written by 'prove --out'.")
  Path dir;

  @Option(names = "--network", paramLabel = "FILE",
      description = "The network file (default: DIR/network.txt.gz).")
  Path network;

  @Option(names = "--certificate", paramLabel = "FILE",
      description = "The certificate (default: DIR/certificate.txt.gz).")
  Path certificate;

  @Override
  public Integer call() {
    if (dir == null && (network == null || certificate == null)) {
      throw UserError.because("give DIR, or both --network FILE and --certificate FILE");
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw UserError.because("%s: %s", dir,
          Files.exists(dir) ? "is a file, expected a directory" : "no such directory");
    }
    Path net = network != null ? network : dir.resolve("network.txt.gz");
    Path cert = certificate != null ? certificate : dir.resolve("certificate.txt.gz");
    String[] what = {"the network file", "the certificate"};
    String[] option = {"--network", "--certificate"};
    Path[] given = {network, certificate};
    for (int i = 0; i < 2; i++) {
      Path f = i == 0 ? net : cert;
      if (given[i] != null && Files.isDirectory(f)) {
        throw UserError.because("%s %s: no such file (it is a directory), expected %s; a"
            + " directory written by 'prove --out' is checked with: loopmlp certcheck %s",
            option[i], f, what[i], f);
      }
      if (!Files.isRegularFile(f)) {
        throw UserError.because("%s: no such file, expected %s%s", f, what[i], given[i] != null
            ? " (" + option[i] + " FILE)"
            : " in DIR, as 'loopmlp prove --out DIR' writes it");
      }
    }
    long start = System.nanoTime();
    CertificateChecker.Result r;
    try {
      r = CertificateChecker.check(net, cert);
    } catch (IOException e) {
      // Only a file that cannot be opened gets here; corrupt content is a rejection.
      throw Inputs.cannotRead(e instanceof FileSystemException
          && ((FileSystemException) e).getFile() != null
          ? Path.of(((FileSystemException) e).getFile()) : cert, e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (r.accepted()) {
      out().printf(Locale.ROOT, "independent checker: ACCEPTED (%d stages, %,d cases, %,d neuron"
          + " facts re-derived in %d ms)%n", r.stages(), r.cases(), r.facts(), millis);
      out().printf(Locale.ROOT, "independent checker: largest partial sum %,d, every layer exact"
          + " in %s%n", r.largestBound(), r.narrowestExactFormat() == null ? "no format"
          : r.narrowestExactFormat().label());
      out().printf(Locale.ROOT, "verdict: ACCEPTED: %s proves every stage lemma for all inputs"
          + " of the network in %s%n", cert, net);
      out().flush();
      return ExitCodes.OK;
    }
    out().printf(Locale.ROOT, "independent checker: REJECTED: %s%n", r.message());
    out().println("verdict: REJECTED");
    out().flush();
    return ExitCodes.FOUND;
  }
}
