package org.loopmlp.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loopmlp.construction.Construction;
import org.loopmlp.isa.MachineConfig;

/**
 * {@code --isa subleq}: this project's machine (separate code and data, {@code .sq} programs with
 * a {@code .config} line, sizes N,A,C). Refuses the classic machine's options and programs.
 */
final class PaperFrontEnd implements MachineFrontEnd {
  static final PaperFrontEnd INSTANCE = new PaperFrontEnd();

  private static final String CLASSIC_ONLY = "applies to --isa classic only";

  private PaperFrontEnd() {}

  @Override
  public String name() {
    return "subleq";
  }

  /** A {@code .slq} image is the classic machine's: say which option reads it. */
  private static void requireSq(Path file) {
    if (IsaOption.isSlq(file)) {
      throw UserError.because("%s is a classic program (.slq): add --isa classic", file);
    }
  }

  /** A command that runs a program: no classic option, and a {@code .sq} file. */
  private static void requireProgram(Subcommand c, Path file) {
    c.refuse(CLASSIC_ONLY + " (a .sq program's size is its .config line, and this machine has"
        + " no input)", ClassicOptions.NAMES);
    requireSq(file);
  }

  @Override
  public int run(RunCommand c) {
    requireProgram(c, c.file);
    return PaperRun.run(c);
  }

  @Override
  public int trace(TraceCommand c) {
    requireProgram(c, c.file);
    return PaperTrace.run(c);
  }

  @Override
  public int check(CheckCommand c) {
    c.refuse(CLASSIC_ONLY + "; this machine's size is --config N,A,C", ClassicSize.NAMES);
    return PaperCheck.run(c);
  }

  @Override
  public int prove(ProveCommand c) {
    return PaperProve.run(c);
  }

  @Override
  public int stats(StatsCommand c) {
    c.refuse(CLASSIC_ONLY + "; this machine's data size is --data A", "--memory-bits");
    return PaperStats.run(c);
  }

  @Override
  public int export(ExportCommand c) {
    c.refuse(CLASSIC_ONLY + "; this machine's size is --config N,A,C", ClassicSize.NAMES);
    if (c.configText == null) {
      throw new UserError("Missing required option: '--config=N,A,C'");
    }
    MachineConfig config = Configs.parseOption(c.configText);
    return NetworkExport.export(c, () -> exported(Builds.build(c.constructionOption.name(),
        config, c.err())));
  }

  /** A built construction as {@code export} writes it. */
  static ExportedNetwork exported(Construction c) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("word", c.config().wordBits());
    config.put("data", c.config().dataBits());
    config.put("code", c.config().codeBits());
    return new ExportedNetwork(c.name(), Configs.format(c.config()), config, c.network(),
        c.layers(), c.layout());
  }

  @Override
  public int bench(BenchCommand c) {
    if (c.program != null) {
      requireProgram(c, c.program);
    }
    c.refuse(CLASSIC_ONLY, ClassicOptions.NAMES);
    return PaperBench.run(c);
  }

  @Override
  public int runCorpus(CorpusCommand c) {
    throw UserError.because("%s: a corpus holds classic programs (.slq): add --isa classic",
        c.dir);
  }

  @Override
  public int smt(SmtCommand c) throws java.io.IOException {
    return c.run(c.constructionOption.name(), "8,4,4");
  }

  @Override
  public int exportSmtlib(SmtCommand.ExportSmtlib c) throws java.io.IOException {
    return c.run(c.constructionOption.name(), "8,4,4");
  }
}
