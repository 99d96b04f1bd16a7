package org.loopmlp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** What every {@code loopmlp} subcommand shares: its output streams and its parsed options. */
abstract class Subcommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Standard output (results). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Standard error (progress, notes, errors). */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** True when {@code option} was given on the command line (not only its default). */
  boolean given(String option) {
    ParseResult r = spec == null ? null : spec.commandLine().getParseResult();
    return r != null && r.hasMatchedOption(option);
  }

  /**
   * Refuses, in one line, the first of {@code options} that was given: it does not apply to the
   * chosen machine or mode, and an option is never silently ignored. The line reads {@code
   * OPTION WHY}.
   */
  void refuse(String why, String... options) {
    for (String o : options) {
      if (given(o)) {
        throw UserError.because("%s %s", o, why);
      }
    }
  }
}
