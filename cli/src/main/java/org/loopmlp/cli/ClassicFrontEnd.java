package org.loopmlp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * {@code --isa classic}: the classic SUBLEQ machine (one memory for code and data, I/O at
 * address -1, {@code .slq} images, sizes N,A). Thin adapters over the classic construction;
 * refuses the options that only this project's machine has.
 */
final class ClassicFrontEnd implements MachineFrontEnd {
  static final ClassicFrontEnd INSTANCE = new ClassicFrontEnd();

  private static final String SUBLEQ_ONLY = "applies to --isa subleq only";

  private ClassicFrontEnd() {}

  @Override
  public String name() {
    return "classic";
  }

  @Override
  public int run(RunCommand c) {
    return ClassicProgramRun.run(c, System.out);
  }

  @Override
  public int trace(TraceCommand c) {
    c.refuse(SUBLEQ_ONLY + " (the classic trace is text)", "--png");
    return ClassicTrace.run(c);
  }

  @Override
  public int check(CheckCommand c) {
    return ClassicCheck.run(c);
  }

  @Override
  public int prove(ProveCommand c) {
    return ClassicProve.run(c);
  }

  @Override
  public int stats(StatsCommand c) {
    c.refuse(SUBLEQ_ONLY + "; the classic machine's memory is --memory-bits A", "--data",
        "--code");
    return ClassicStats.print(c);
  }

  @Override
  public int export(ExportCommand c) {
    ClassicConfig config = c.classicSize.config(c.configText);
    String name = c.constructionOption.classicName();
    return NetworkExport.export(c, () -> {
      ClassicOptions.requireMemory(name, config);
      return exported(ClassicConstruction.build(name, config));
    });
  }

  /** A built classic construction as {@code export} writes it. */
  static ExportedNetwork exported(ClassicConstruction c) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("isa", "classic");
    config.put("word", c.config().wordBits());
    config.put("memoryBits", c.config().memoryBits());
    return new ExportedNetwork(c.name(), c.config().wordBits() + "," + c.config().memoryBits(),
        config, c.network(), c.layers(), c.layout(), ClassicOnnxMetadata.of(c));
  }

  @Override
  public int bench(BenchCommand c) {
    c.refuse(SUBLEQ_ONLY + " (the table); --isa classic measures a --program", "--sizes");
    if (c.program == null) {
      throw UserError.because("bench --isa classic measures a program: give --program"
          + " FILE.slq");
    }
    return ClassicProgramBench.run(c);
  }

  @Override
  public int runCorpus(CorpusCommand c) {
    return ClassicCorpus.run(c);
  }

  @Override
  public int smt(SmtCommand c) throws java.io.IOException {
    c.refuse(SUBLEQ_ONLY + " (single-parameter mutants of the paper machine's constructions)",
        "--mutant", "--faults");
    return c.run(c.constructionOption.classicName(), "8,4");
  }

  @Override
  public int exportSmtlib(SmtCommand.ExportSmtlib c) throws java.io.IOException {
    return c.run(c.constructionOption.classicName(), "8,4");
  }
}
