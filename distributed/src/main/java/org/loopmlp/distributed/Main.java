package org.loopmlp.distributed;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.launcher.JavaModuleOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code loopmlp-spark}: the jobs that outgrow one machine, on Apache Spark: {@code prove}
 * (each stage's case split in pieces on the executors, the certificate byte for byte that of one
 * process), {@code campaign} and {@code matrix}. Embedded {@code local[*]} by default; a
 * standalone cluster with {@code --master spark://HOST:PORT}. Exit 0 when everything holds, 1
 * when something was found (not proved, a cell failed), 2 for a mistake on the command line.
 */
@Command(name = "loopmlp-spark", mixinStandardHelpOptions = true,
    description = "Proofs, campaigns and the regression matrix on Apache Spark (embedded"
        + " local[*] by default, a standalone cluster with --master spark://HOST:PORT).",
    subcommands = {ProveJob.class, CampaignJob.class, MatrixJob.class,
        Main.JavaOptions.class})
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int FOUND = 1;
  static final int USAGE = 2;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return USAGE;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof UserError) {
        err.println("loopmlp-spark: " + e.getMessage());
        return USAGE;
      }
      throw e;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("loopmlp-spark: " + e.getMessage());
      return USAGE;
    });
    return cl.execute(args);
  }

  /** {@code java-options}: the JVM flags Spark needs on Java 17, for the launcher. */
  @Command(name = "java-options", hidden = true,
      description = "Prints the JVM flags Spark needs on Java 17 (JavaModuleOptions).")
  static final class JavaOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(JavaModuleOptions.defaultModuleOptions());
      return OK;
    }
  }
}
