package org.loopmlp.distributed;

import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;

/**
 * One embedded Spark context ({@code local[2]}, loopback only, as {@link SparkOptions} makes it)
 * for every test class of the module: a context takes seconds to start, and a JVM holds one at a
 * time. Stopped when the test JVM exits.
 */
final class SharedSpark {
  private static JavaSparkContext sc;

  private SharedSpark() {}

  static synchronized JavaSparkContext get() {
    if (sc == null) {
      sc = options("--master", "local[2]").start("loopmlp tests");
      Runtime.getRuntime().addShutdownHook(new Thread(sc::stop));
    }
    return sc;
  }

  /** The Spark options of a command line {@code args}. */
  static SparkOptions options(String... args) {
    SparkOptions o = new SparkOptions();
    new CommandLine(new Object() {
      @CommandLine.Mixin SparkOptions spark = o;
    }).parseArgs(args);
    return o;
  }
}
