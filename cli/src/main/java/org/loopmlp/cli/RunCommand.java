package org.loopmlp.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopmlp run FILE}: runs a program on the network, the reference machine, or both. The
 * options are parsed here; the machine's front end ({@code --isa}) runs it.
 */
@Command(
    name = "run",
    header = "Run a program (FILE.sq, or FILE.slq with --isa classic) on the network and/or the"
        + " reference machine.",
    description = {
        "Assembles FILE.sq (its .config line gives the machine size), builds the "
            + "network for that size and runs the program until it halts (a step that changes "
            + "nothing) or --max-steps. With --engine both (the default) the network runs in "
            + "checked mode next to the reference machine and every step is compared; the "
            + "first disagreement names the pass, stage, layer and direction.",
        "",
        "With --isa classic, FILE is a classic memory image FILE.slq (or a FILE.sq whose "
            + ".config line says isa=classic): --word N (default 8) and --memory-bits A "
            + "(default: the smallest that holds the image) give the size, --input TEXT (its "
            + "UTF-8 bytes) or --input-file F the input. The program's output goes to stdout "
            + "byte for byte; with --json, \"output\" holds the output bytes read as "
            + "ISO-8859-1 (one character per byte) and \"outputHex\" the same bytes in "
            + "hexadecimal, lossless."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 done (engines agree), 1 the engines disagree, 2 usage or input",
        "error.",
        "",
        "Examples:",
        "  loopmlp run examples/countdown.sq",
        "  loopmlp run examples/gcd.sq --engine mlp --backend float32",
        "  loopmlp run prog.sq --json | python3 -m json.tool",
        "  loopmlp run hello.slq --isa classic --word 8 --engine mlp",
        "  loopmlp run echo.slq --isa classic --input 'hi' --json"
    })
final class RunCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Parameters(index = "0", paramLabel = "FILE", description = "The program to run: FILE.sq,"
      + " or FILE.slq with --isa classic.")
  Path file;

  @Option(names = "--engine", paramLabel = "E", defaultValue = "both",
      description = "mlp, reference or both (default: ${DEFAULT-VALUE}).")
  Engine engine;

  @Mixin BackendOption backendOption;

  @Option(names = "--max-steps", paramLabel = "K",
      description = "Stop after K steps if the program has not halted (default: 10000;"
          + " --isa classic: 1000000).")
  Long maxStepsOption;

  @Mixin IsaOption isa;

  @Mixin ClassicOptions classicOptions;

  @Option(names = "--json", description = "Print exactly one JSON object and nothing else.")
  boolean json;

  @Override
  public Integer call() {
    if (maxStepsOption != null && maxStepsOption < 0) {
      throw UserError.because("--max-steps must be >= 0, was %d", maxStepsOption);
    }
    if (engine == Engine.reference) {
      refuse("does not apply to --engine reference (no network runs)", "--backend",
          "--construction");
    }
    return isa.frontEnd().run(this);
  }

  /** {@code --max-steps}, or {@code fallback} when it was not given. */
  long maxSteps(long fallback) {
    return maxStepsOption == null ? fallback : maxStepsOption;
  }
}
