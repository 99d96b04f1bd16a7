package org.loopmlp.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopmlp trace FILE}: the decoded state after every layer of one pass. The options are
 * parsed here; the machine's front end ({@code --isa}) traces.
 */
@Command(
    name = "trace",
    header = "Show the decoded state after every layer of one pass (one executed instruction).",
    description = {
        "Runs the network P passes from the program's initial state, then traces pass "
            + "P: for every layer, the hidden units it holds and which state registers "
            + "changed, region by region (code, mem, pc, scratch), with their decoded values. "
            + "The last line compares the pass with one step of the reference machine. --png "
            + "draws the state vector across the layers as a heat map.",
        "",
        "With --isa classic, FILE is a classic memory image FILE.slq (sizes and input as for "
            + "run --isa classic): the reference machine runs to pass P, then every layer of "
            + "pass P shows the registers that changed and the hidden neurons active."
    },
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  loopmlp trace examples/countdown.sq",
        "  loopmlp trace examples/gcd.sq --pass 5 --png gcd-pass5.png",
        "  loopmlp trace hello.slq --isa classic --pass 2"
    })
final class TraceCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Parameters(index = "0", paramLabel = "FILE", description = "The program: FILE.sq, or"
      + " FILE.slq with --isa classic.")
  Path file;

  @Option(names = "--pass", paramLabel = "P", defaultValue = "0",
      description = "Which pass to trace, counting from 0 (default: ${DEFAULT-VALUE}).")
  int pass;

  @Option(names = "--png", paramLabel = "OUT.png",
      description = "Also draw the pass as a heat map into this PNG file.")
  Path png;

  @Mixin BackendOption backendOption;

  @Mixin IsaOption isa;

  @Mixin ClassicOptions classicOptions;

  @Override
  public Integer call() {
    if (pass < 0) {
      throw UserError.because("--pass must be >= 0, was %d", pass);
    }
    return isa.frontEnd().trace(this);
  }
}
