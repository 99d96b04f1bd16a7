package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.certcheck.FloatFormat;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicRole;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.Counterexample.Replay;
import org.loopmlp.prove.PaperProver;
import org.loopmlp.prove.PrecisionTable;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;

/**
 * {@code prove --isa classic --config N,A [--out DIR] [--format F]}: every classic stage lemma
 * for all inputs of one size; with --out, the network and a certificate (version 2) checked by
 * the independent checker; with --format, whether every layer is exact in F. {@code
 * --precision-table A}: the narrowest format of every classic construction per word size.
 */
final class ClassicProve {
  private ClassicProve() {}

  /** The word sizes of {@code --precision-table} on the classic machine. */
  static final List<Integer> TABLE_SIZES = List.of(4, 8, 12, 16, 24, 32);

  static int run(ProveCommand o) {
    if (o.precisionTable != null) {
      o.refuse("does not apply to --precision-table (it proves its own sizes)", "--config",
          "--out", "--force", "--format", "--case-budget", "--construction");
      return precisionTable(o);
    }
    FloatFormat wanted = FormatVerdict.parse(o.format);
    if (o.out != null) {
      // The classic prover writes a certificate with the default case budget only.
      o.refuse("does not apply with --out on --isa classic (a certificate is written with the"
          + " default budget); drop one of them", "--case-budget");
    }
    if (o.configText == null) {
      throw new UserError("Missing required option: '--config=N,A'");
    }
    ClassicConfig config = ClassicSize.parse(o.configText);
    if (o.out != null) {
      ProofDirectory.prepare(o.out, o.force);
    }
    String construction = o.constructionOption.classicName();
    ClassicOptions.requireMemory(construction, config);
    var report = proofOf(o, ClassicConstruction.build(construction, config));
    PrintWriter out = o.out();
    out.println(report.summary());
    if (!report.proved()) {
      out.println("verdict: NOT PROVED");
      out.flush();
      return ExitCodes.FOUND;
    }
    BigInteger checkedBound = null;
    if (report.certificate().isPresent() && report.network().isPresent()) {
      CertificateChecker.Result r = ProofDirectory.recheck(report.network().get(),
          report.certificate().get(), out);
      if (!r.accepted()) {
        out.println("verdict: CERTIFICATE REJECTED");
        out.flush();
        return ExitCodes.FOUND;
      }
      checkedBound = FormatVerdict.printChecked(r, out);
    }
    if (wanted != null) {
      return FormatVerdict.print(out, wanted, report, checkedBound,
          "N=" + config.wordBits() + ", A=" + config.memoryBits());
    }
    out.printf(Locale.ROOT, "verdict: PROVED: all %d classic stage lemmas hold for every input"
        + " of N=%d, A=%d%n", report.stages().size(), config.wordBits(), config.memoryBits());
    out.flush();
    return ExitCodes.OK;
  }

  private static ProofReport<ClassicConfig, ClassicRole, Replay> proofOf(
      ProveCommand o, ClassicConstruction c) {
    try (Progress progress = Progress.start(o.err(), "prove", c.lemmas().size(), "stages")) {
      ProgressListener listener = ProgressListener.onStage(p -> progress.advance());
      if (o.out == null) {
        return ClassicProver.prove(c, listener,
            o.caseBudget == null ? PaperProver.DEFAULT_CASE_BUDGET : o.caseBudget);
      }
      try {
        return ClassicProver.certifyInto(c, o.out, listener);
      } catch (IOException e) {
        throw Inputs.cannotWrite(o.out, e);
      }
    }
  }

  /**
   * {@code prove --isa classic --precision-table [A]}: every classic construction at (N, A) for
   * N in {@link #TABLE_SIZES}, by the paper machine's table code ({@link PrecisionTable}).
   */
  private static int precisionTable(ProveCommand o) {
    String text = o.precisionTable.equals(ProveCommand.DEFAULT_TABLE) ? "6" : o.precisionTable;
    int a;
    try {
      a = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      a = -1;
    }
    if (a < 2 || a > 12) {
      throw UserError.because("with --isa classic, --precision-table expects A (memory address"
          + " bits 2..12), got '%s'", o.precisionTable);
    }
    List<String> names = PrecisionTable.classicConstructions();
    PrecisionTable table;
    try (Progress progress = Progress.start(o.err(), "precision table",
        names.size() * TABLE_SIZES.size(), "cells")) {
      table = PrecisionTable.measureClassic(names, TABLE_SIZES, a, cell -> progress.advance());
    }
    o.out().print(table.toMarkdown());
    o.out().flush();
    return ExitCodes.OK;
  }
}
