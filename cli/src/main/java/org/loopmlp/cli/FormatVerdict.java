package org.loopmlp.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.certcheck.FloatFormat;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.StageProof;

/**
 * {@code prove --format F} on any machine (SPEC §11.2): the lemmas are proved; is every layer
 * exact in F? A format with p significand bits holds every integer up to 2^p, so a layer whose
 * largest partial sum is at most 2^p is exact in it whatever the summation order; with --out the
 * bound must also be the one the independent checker re-derived.
 */
final class FormatVerdict {
  private FormatVerdict() {}

  /** The format named by {@code --format}, or null when none was given. */
  static FloatFormat parse(String label) {
    if (label == null) {
      return null;
    }
    FloatFormat f = FloatFormat.byLabel(label);
    if (f == null) {
      throw UserError.because("unknown --format '%s', expected one of %s", label,
          Arrays.stream(FloatFormat.values()).map(FloatFormat::label).toList());
    }
    return f;
  }

  /** Prints what the checker re-derived; returns its largest partial sum. */
  static BigInteger printChecked(CertificateChecker.Result r, PrintWriter out) {
    out.printf(Locale.ROOT, "independent checker: largest partial sum %,d, every layer exact in"
        + " %s%n", r.largestBound(), r.narrowestExactFormat() == null ? "no format"
        : r.narrowestExactFormat().label());
    return r.largestBound();
  }

  /**
   * Prints the verdict of a proved report for {@code wanted} and returns the exit code;
   * {@code checkedBound} is the checker's bound, or null when no certificate was checked.
   */
  static int print(PrintWriter out, FloatFormat wanted, ProofReport<?, ?, ?> report,
      BigInteger checkedBound, String size) {
    if (report.provedIn(wanted)
        && (checkedBound == null || wanted.holdsIntegersUpTo(checkedBound))) {
      out.printf(Locale.ROOT, "verdict: PROVED in %s: one pass equals one SUBLEQ step for every"
          + " input of %s with every layer evaluated in %s (largest partial sum %,d <= 2^%d)%n",
          wanted.label(), size, wanted.label(), report.largestBound(), wanted.precision());
      out.flush();
      return ExitCodes.OK;
    }
    StageProof<?, ?> widest = report.stages().stream()
        .max(Comparator.comparingLong(StageProof::largestBound)).orElseThrow();
    out.printf(Locale.ROOT, "verdict: NOT PROVED in %s: stage %s reaches partial sums up to %,d"
        + " > 2^%d%s%n", wanted.label(), widest.name(), widest.largestBound(),
        wanted.precision(), report.narrowestExactFormat()
            .map(f -> "; narrowest format proved: " + f.label()).orElse(""));
    out.flush();
    return ExitCodes.FOUND;
  }
}
