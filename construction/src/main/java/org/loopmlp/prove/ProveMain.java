package org.loopmlp.prove;

import java.io.IOException;
import java.nio.file.Path;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;

/**
 * Proves the paper construction's six stage lemmas for all inputs of one config and prints one
 * line per stage: {@code ProveMain N,A,C [--out DIR [--check]]}. With {@code --out}, writes {@code
 * network.txt.gz} and {@code certificate.txt.gz} into DIR (see {@link Prover#certifyInto}); with
 * {@code --check}, then runs the independent checker on those two files. Exit status 0 when
 * proved (and accepted), 1 when not, 2 on a usage error.
 */
public final class ProveMain {
  private ProveMain() {}

  public static void main(String[] args) throws IOException {
    boolean check = args.length == 4 && args[3].equals("--check");
    if (args.length != 1 && !((args.length == 3 || check) && args[1].equals("--out"))) {
      System.err.println("usage: ProveMain N,A,C [--out DIR [--check]]   e.g. ProveMain 16,10,10");
      System.exit(2);
    }
    String[] p = args[0].split(",");
    MachineConfig config;
    try {
      if (p.length != 3) {
        throw new IllegalArgumentException("expected three numbers N,A,C, got " + args[0]);
      }
      config = MachineConfig.of(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
          Integer.parseInt(p[2].trim()));
    } catch (IllegalArgumentException e) {
      System.err.println("config " + args[0] + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    long t0 = System.nanoTime();
    Construction construction = PaperConstruction.build(config);
    System.out.printf("built %s in %d ms%n", construction, (System.nanoTime() - t0) / 1_000_000);
    ProgressListener progress = new ProgressListener() {
      @Override
      public void stageFinished(StageProof proof) {
        System.out.println(proof.summary());
      }
    };
    ProofReport report;
    if (args.length >= 3) {
      report = Prover.certifyInto(construction, Path.of(args[2]), progress);
    } else {
      report = Prover.prove(construction, progress);
    }
    System.out.println(report.summary());
    if (check && report.proved()) {
      long t1 = System.nanoTime();
      CertificateChecker.Result r = CertificateChecker.check(report.network().orElseThrow(),
          report.certificate().orElseThrow());
      System.out.printf("checker: %s; %d stages, %d cases, %d neuron facts re-derived, %d ms%n",
          r.message(), r.stages(), r.cases(), r.facts(), (System.nanoTime() - t1) / 1_000_000);
      System.exit(r.accepted() ? 0 : 1);
    }
    System.exit(report.proved() ? 0 : 1);
  }
}
