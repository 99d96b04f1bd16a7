package org.loopmlp.cli;

/**
 * What every command does on one machine. {@code --isa} ({@link IsaOption}) chooses the front end
 * and each command hands its parsed options to it; a front end refuses, in one line, every
 * option that does not apply to its machine. A third machine is a third implementation, listed
 * in {@link IsaOption#FRONT_ENDS}.
 */
interface MachineFrontEnd {
  /** The value of {@code --isa} that chooses this front end. */
  String name();

  /** {@code loopmlp run}. */
  int run(RunCommand command);

  /** {@code loopmlp trace}. */
  int trace(TraceCommand command);

  /** {@code loopmlp check}. */
  int check(CheckCommand command);

  /** {@code loopmlp prove}. */
  int prove(ProveCommand command);

  /** {@code loopmlp stats}. */
  int stats(StatsCommand command);

  /** {@code loopmlp export}. */
  int export(ExportCommand command);

  /** {@code loopmlp bench}. */
  int bench(BenchCommand command);

  /** {@code loopmlp run-corpus}. */
  int runCorpus(CorpusCommand command);

  /** {@code loopmlp smt}. */
  int smt(SmtCommand command) throws java.io.IOException;

  /** {@code loopmlp smt export-smtlib}. */
  int exportSmtlib(SmtCommand.ExportSmtlib command) throws java.io.IOException;
}
