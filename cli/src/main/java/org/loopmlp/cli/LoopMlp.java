package org.loopmlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code loopmlp}: build, run, check and measure a looped ReLU-MLP that executes SUBLEQ.
 *
 * <p>Exit codes: {@link ExitCodes#OK} when everything holds, {@link ExitCodes#FOUND} when a
 * counterexample or disagreement was found, {@link ExitCodes#USAGE} for a usage or input error
 * (one line on stderr), {@link ExitCodes#INTERNAL} for a bug in the toolkit.
 */
@Command(
    name = "loopmlp",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = LoopMlp.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Build, run, check and measure a looped ReLU-MLP that executes SUBLEQ.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {CheckCommand.class, RunCommand.class, StatsCommand.class, TraceCommand.class,
        ExportCommand.class, BenchCommand.class, ProveCommand.class, CertcheckCommand.class,
        SmtCommand.class,
        CorpusCommand.class,
        HelpCommand.class},
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 everything holds, 1 counterexample or disagreement found,",
        "            2 usage or input error, 70 internal error (a bug in loopmlp; the",
        "            message says how to report it).",
        "",
        "Examples:",
        "  loopmlp check                  # proofs, every state, examples, campaign",
        "  loopmlp run examples/gcd.sq    # network and reference machine side by side",
        "  loopmlp run hello.slq --isa classic   # the classic machine (every command)",
        "  loopmlp help run               # help on one command"
    })
public final class LoopMlp implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The command line with this tool's one-line error handling; use it to execute commands. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new LoopMlp());
    cl.setParameterExceptionHandler(LoopMlp::onUsageError);
    cl.setExecutionExceptionHandler(LoopMlp::onExecutionError);
    return cl;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("loopmlp: out of memory (" + heapLine()
          + "); try a smaller config or more heap, e.g. LOOPMLP_JAVA_OPTS=-Xmx16g");
      code = ExitCodes.USAGE;
    }
    System.exit(code);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("loopmlp: missing command (see 'loopmlp --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Bad options or parameters: one line naming the problem and the help to read. */
  static int onUsageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = oneLine(e.getMessage());
    if (e instanceof UnmatchedArgumentException) {
      List<String> suggestions = ((UnmatchedArgumentException) e).getSuggestions();
      if (!suggestions.isEmpty()) {
        message += "; did you mean " + String.join(" or ", suggestions) + "?";
      }
    }
    err.println(commandPath(cmd) + ": " + message + " (see '" + commandPath(cmd) + " --help')");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Errors during execution: user errors as one line, anything else as a reported bug. */
  static int onExecutionError(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    String user = Errors.userMessage(e);
    if (user != null) {
      err.println(commandPath(cmd) + ": " + oneLine(user));
      err.flush();
      return ExitCodes.USAGE;
    }
    err.println(commandPath(cmd) + ": internal error (this is a bug in loopmlp; please report it"
        + " with the command line that caused it): " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL;
  }

  static String commandPath(CommandLine cmd) {
    String path = cmd.getCommandName();
    for (CommandLine p = cmd.getParent(); p != null; p = p.getParent()) {
      path = p.getCommandName() + " " + path;
    }
    return path;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  static String heapLine() {
    Runtime rt = Runtime.getRuntime();
    return "max heap " + MemoryBudget.mib(rt.maxMemory());
  }

  /** {@code --version}: the project version recorded at build time, and the Java runtime. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = LoopMlp.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
          "loopmlp " + p.getProperty("version", "(unknown version)"),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
              + ")"
      };
    }
  }
}
