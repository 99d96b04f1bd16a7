package org.loopmlp.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.certcheck.FloatFormat;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.prove.Counterexample.ReferenceCheck;
import org.loopmlp.prove.PaperProver;
import org.loopmlp.prove.PrecisionTable;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;

/** {@code prove} on this project's machine: every stage lemma of one size, with a certificate. */
final class PaperProve {
  private final ProveCommand o;
  private final MachineConfig config;
  /** The --format to prove every layer exact in, or null. */
  private final FloatFormat wanted;
  /** The largest partial sum the independent checker re-derived, when it ran. */
  private BigInteger checkedBound;

  private PaperProve(ProveCommand o, MachineConfig config, FloatFormat wanted) {
    this.o = o;
    this.config = config;
    this.wanted = wanted;
  }

  static int run(ProveCommand o) {
    if (o.precisionTable != null) {
      o.refuse("does not apply to --precision-table (it proves its own sizes)", "--config",
          "--out", "--force", "--format", "--case-budget", "--construction");
      return precisionTable(o);
    }
    if (o.configText == null) {
      throw UserError.because("--config N,A,C is required (or --precision-table)");
    }
    MachineConfig config = Configs.parseOption(o.configText);
    FloatFormat wanted = FormatVerdict.parse(o.format);
    if (o.out != null) {
      ProofDirectory.prepare(o.out, o.force);
    }
    return new PaperProve(o, config, wanted).prove();
  }

  private int prove() {
    Construction c = Builds.build(o.constructionOption.name(), config, o.err());
    var report = proofOf(c);
    o.out().println(report.summary());
    for (var p : report.stages()) {
      p.counterexample().ifPresent(x -> o.out().println("counterexample to the " + p.name()
          + " lemma: " + x.summary()));
    }
    if (!report.proved()) {
      return verdict(ExitCodes.FOUND, "verdict: NOT PROVED");
    }
    if (report.certificate().isPresent() && report.network().isPresent()
        && !rechecked(report)) {
      return verdict(ExitCodes.FOUND, "verdict: CERTIFICATE REJECTED");
    }
    if (wanted != null) {
      return FormatVerdict.print(o.out(), wanted, report, checkedBound, Configs.format(config));
    }
    return verdict(ExitCodes.OK, String.format(Locale.ROOT, "verdict: PROVED: all %d stage"
        + " lemmas hold for every input of %s", report.stages().size(), Configs.format(config)));
  }

  private int verdict(int code, String line) {
    o.out().println(line);
    o.out().flush();
    return code;
  }

  private ProofReport<MachineConfig, PaperStage, ReferenceCheck> proofOf(Construction c) {
    long budget = o.caseBudget != null ? o.caseBudget : PaperProver.DEFAULT_CASE_BUDGET;
    try (Progress progress = Progress.start(o.err(), "prove", c.lemmas().size(), "stages")) {
      ProgressListener listener = ProgressListener.onStage(p -> progress.advance());
      if (o.out == null) {
        return PaperProver.prove(c, listener, budget);
      }
      try {
        return PaperProver.certifyInto(c, o.out, listener, budget);
      } catch (IOException e) {
        throw Inputs.cannotWrite(o.out, e);
      }
    }
  }

  /** The independent checker on the written proof; true when it accepts. */
  private boolean rechecked(ProofReport<?, ?, ?> report) {
    CertificateChecker.Result r = ProofDirectory.recheck(report.network().get(),
        report.certificate().get(), o.out());
    if (r.accepted()) {
      checkedBound = FormatVerdict.printChecked(r, o.out());
    }
    return r.accepted();
  }

  private static int precisionTable(ProveCommand o) {
    int[] ac;
    try {
      String table = o.precisionTable.equals(ProveCommand.DEFAULT_TABLE) ? "6,6"
          : o.precisionTable;
      ac = Arrays.stream(table.split(",", -1)).map(String::trim)
          .mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      ac = new int[0];
    }
    if (ac.length != 2 || ac[0] < 1 || ac[1] < 1 || ac[0] > 12 || ac[1] > 12) {
      throw UserError.because("--precision-table expects A,C (address bits 1..12), got '%s'",
          o.precisionTable);
    }
    List<Integer> sizes = List.of(8, 16, 32, 64);
    List<String> names = PrecisionTable.defaultConstructions();
    PrecisionTable table;
    try (Progress progress = Progress.start(o.err(), "precision table",
        names.size() * sizes.size(), "cells")) {
      table = PrecisionTable.measure(names, sizes, ac[0], ac[1], cell -> progress.advance());
    }
    o.out().print(table.toMarkdown());
    o.out().flush();
    return ExitCodes.OK;
  }
}
