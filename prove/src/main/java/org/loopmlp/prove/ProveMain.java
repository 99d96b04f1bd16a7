package org.loopmlp.prove;

import java.io.IOException;
import java.nio.file.Path;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;

/**
 * Proves a construction's stage lemmas for all inputs of one config and prints one line per
 * stage: {@code ProveMain N,A,C [--construction paper|compact] [--out DIR [--check]]}. With
 * {@code --out}, writes {@code network.txt.gz} and {@code certificate.txt.gz} into DIR (see {@link
 * PaperProver#certifyInto}); with {@code --check}, then runs the independent checker on those two
 * files. Exit status 0 when proved (and accepted), 1 when not, 2 on a usage error.
 */
public final class ProveMain {
  private static final String USAGE = "usage: ProveMain N,A,C [--construction paper|compact]"
      + " [--out DIR [--check]]   e.g. ProveMain 16,10,10 --construction compact";

  private ProveMain() {}

  public static void main(String[] args) throws IOException {
    String kind = PaperConstruction.NAME;
    String out = null;
    boolean check = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--construction") && i + 1 < args.length) {
        kind = args[++i];
      } else if (args[i].equals("--out") && i + 1 < args.length) {
        out = args[++i];
      } else if (args[i].equals("--check")) {
        check = true;
      } else {
        usage("unexpected argument " + args[i]);
      }
    }
    if (args.length == 0 || (check && out == null)
        || !(kind.equals(PaperConstruction.NAME) || kind.equals(CompactConstruction.NAME))) {
      usage(args.length == 0 ? "no config" : check && out == null ? "--check needs --out"
          : "unknown construction " + kind + " (expected paper or compact)");
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
    Construction construction = kind.equals(CompactConstruction.NAME)
        ? CompactConstruction.build(config) : PaperConstruction.build(config);
    System.out.printf("built %s in %d ms%n", construction, (System.nanoTime() - t0) / 1_000_000);
    ProgressListener progress = ProgressListener.onStage(s -> System.out.println(s.summary()));
    ProofReport<?, ?, ?> report;
    if (out != null) {
      report = PaperProver.certifyInto(construction, Path.of(out), progress);
    } else {
      report = PaperProver.prove(construction, progress);
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

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(USAGE);
    System.exit(2);
  }
}
