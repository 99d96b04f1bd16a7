package org.loopmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.Construction;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;
import org.loopmlp.prove.StageProof;
import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopmlp prove}: every stage lemma for all inputs of one size, with a certificate. */
@Command(
    name = "prove",
    header = "Prove every stage lemma for all inputs of one size; write and check a certificate.",
    description = {
        "Proves each of the six stage lemmas for every input of the given size, by "
            + "exact interval reasoning on a case split of the control bits (pc for fetch, "
            + "the address registers for read and write, the carries for subtract, the flag "
            + "for branch). With --out, writes the network and a certificate (the case split "
            + "and the on/off fact of every neuron in every case) into DIR, then runs the "
            + "small independent checker on those two files: it re-derives every fact in "
            + "exact rational arithmetic without the construction's code."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 proved (and the certificate accepted); 1 a counterexample, a",
        "stage not proved within the case budget, or a rejected certificate; 2 usage",
        "or input error.",
        "",
        "Examples:",
        "  loopmlp prove --config 16,10,10",
        "  loopmlp prove --config 8,6,6 --out proof-8-6-6",
        "  loopmlp prove --config 16,10,10 --construction compact --out proof-compact",
        "  loopmlp prove --isa classic --config 16,8 --out proof-classic"
    })
final class ProveCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Option(names = "--config", paramLabel = "N,A,C",
      description = "Word bits, data address bits, code address bits, e.g. 16,10,10; with"
          + " --isa classic N,A (word bits, memory address bits), e.g. 16,8.")
  String configText;

  MachineConfig config;

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (default), or classic (--config N,A: word and memory address bits).")
  String isa;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write network.txt.gz and certificate.txt.gz here, then check them.")
  Path out;

  @Option(names = "--case-budget", paramLabel = "K",
      description = "Give up on a stage after K cases (default: 2^24).")
  Long caseBudget;

  @Override
  public Integer call() {
    if (isa.equals("classic")) {
      if (caseBudget != null && caseBudget < 1) {
        throw UserError.because("--case-budget must be >= 1, was %d", caseBudget);
      }
      if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
        throw UserError.because("--out %s is a file, expected a directory", out);
      }
      return ClassicProve.run(configText, out, caseBudget, out(), err());
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    if (configText == null) {
      throw new UserError("Missing required option: '--config=N,A,C'");
    }
    try {
      config = Configs.parse(configText);
    } catch (picocli.CommandLine.TypeConversionException e) {
      throw new UserError("Invalid value for option '--config': " + e.getMessage());
    }
    if (caseBudget != null && caseBudget < 1) {
      throw UserError.because("--case-budget must be >= 1, was %d", caseBudget);
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw UserError.because("--out %s is a file, expected a directory", out);
    }
    Construction c = Builds.build(constructionOption.name(), config, err());
    ProofReport report;
    try (Progress progress = Progress.start(err(), "prove", c.lemmas().size(), "stages")) {
      ProgressListener listener = new ProgressListener() {
        @Override
        public void stageFinished(StageProof proof) {
          progress.advance();
        }
      };
      if (out != null) {
        try {
          report = Prover.certifyInto(c, out, listener);
        } catch (IOException e) {
          throw Inputs.cannotWrite(out, e);
        }
      } else {
        report = caseBudget == null ? Prover.prove(c, listener)
            : Prover.prove(c, listener, caseBudget);
      }
    }
    out().println(report.summary());
    for (StageProof p : report.stages()) {
      p.counterexample().ifPresent(x -> out().println("counterexample to the " + p.name()
          + " lemma: " + x.summary()));
    }
    if (!report.proved()) {
      out().println("verdict: NOT PROVED");
      out().flush();
      return ExitCodes.FOUND;
    }
    if (report.certificate().isPresent() && report.network().isPresent()) {
      long start = System.nanoTime();
      CertificateChecker.Result r;
      try {
        r = CertificateChecker.check(report.network().get(), report.certificate().get());
      } catch (IOException e) {
        throw Inputs.cannotRead(report.certificate().get(), e);
      }
      out().printf(Locale.ROOT, "independent checker: %s (%d stages, %,d cases, %,d neuron facts"
          + " re-derived in %d ms)%n", r.accepted() ? "ACCEPTED" : "REJECTED: " + r.message(),
          r.stages(), r.cases(), r.facts(), (System.nanoTime() - start) / 1_000_000);
      if (!r.accepted()) {
        out().println("verdict: CERTIFICATE REJECTED");
        out().flush();
        return ExitCodes.FOUND;
      }
    }
    out().printf(Locale.ROOT, "verdict: PROVED: all %d stage lemmas hold for every input of %s%n",
        report.stages().size(), Configs.format(config));
    out().flush();
    return ExitCodes.OK;
  }
}
