package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.prove.ClassicProofReport;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.ProgressListener;

/**
 * {@code prove --isa classic --config N,A [--out DIR]}: every classic stage lemma for all inputs
 * of one size; with --out, the network and a certificate (version 2) checked by the independent
 * checker.
 */
final class ClassicProve {
  private ClassicProve() {}

  /** {@code N,A}: word bits and memory address bits. */
  static ClassicConfig parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 2) {
      throw new UserError("Invalid value for option '--config': --isa classic expects N,A (word"
          + " bits, memory address bits), e.g. 16,8; was '" + text + "'");
    }
    try {
      return ClassicStats.config(Integer.parseInt(parts[0].trim()),
          Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new UserError("Invalid value for option '--config': '" + text + "' is not N,A");
    }
  }

  static int run(String construction, String configText, Path dir, Long caseBudget,
      PrintWriter out, PrintWriter err) {
    if (configText == null) {
      throw new UserError("Missing required option: '--config=N,A'");
    }
    ClassicConfig config = parse(configText);
    ClassicOptions.requireMemory(construction, config);
    ClassicConstruction c = ClassicConstruction.build(construction, config);
    ClassicProofReport report;
    try (Progress progress = Progress.start(err, "prove", c.lemmas().size(), "stages")) {
      ProgressListener listener = new ProgressListener() {
        @Override
        public void classicStageFinished(ClassicProofReport.Stage proof) {
          progress.advance();
        }
      };
      if (dir != null) {
        try {
          report = ClassicProver.certifyInto(c, dir, listener);
        } catch (IOException e) {
          throw Inputs.cannotWrite(dir, e);
        }
      } else {
        report = ClassicProver.prove(c, listener,
            caseBudget == null ? org.loopmlp.prove.Prover.DEFAULT_CASE_BUDGET : caseBudget);
      }
    }
    out.println(report.summary());
    if (!report.proved()) {
      out.println("verdict: NOT PROVED");
      out.flush();
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
      out.printf(Locale.ROOT, "independent checker: %s (%d stages, %,d cases, %,d neuron facts"
          + " re-derived in %d ms)%n", r.accepted() ? "ACCEPTED" : "REJECTED: " + r.message(),
          r.stages(), r.cases(), r.facts(), (System.nanoTime() - start) / 1_000_000);
      if (!r.accepted()) {
        out.println("verdict: CERTIFICATE REJECTED");
        out.flush();
        return ExitCodes.FOUND;
      }
    }
    out.printf(Locale.ROOT, "verdict: PROVED: all %d classic stage lemmas hold for every input"
        + " of N=%d, A=%d%n", report.stages().size(), config.wordBits(), config.memoryBits());
    out.flush();
    return ExitCodes.OK;
  }
}
