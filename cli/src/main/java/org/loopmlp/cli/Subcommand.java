package org.loopmlp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code loopmlp} subcommand shares: its output streams. */
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
}
