package org.loopmlp.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/**
 * Where the work runs: embedded {@code local[*]} by default, opening nothing beyond loopback
 * (driver and block manager bound to 127.0.0.1, no web UI); {@code --master spark://HOST:PORT}
 * for a standalone cluster, with Spark's authentication on and the shared secret read from a file
 * ({@code --secret-file}, or {@code LOOPMLP_SPARK_SECRET_FILE}) or from the environment ({@code
 * LOOPMLP_SPARK_SECRET}), never from the command line.
 */
final class SparkOptions {
  static final String SECRET_ENV = "LOOPMLP_SPARK_SECRET";
  static final String SECRET_FILE_ENV = "LOOPMLP_SPARK_SECRET_FILE";
  /** The project's jars, sent to a cluster's executors (set by ./loopmlp-spark). */
  static final String APP_JARS_PROPERTY = "loopmlp.spark.appJars";

  @Option(names = "--master", paramLabel = "URL", description = "local[*] (default: every core"
      + " of this machine, loopback only), local[N], or spark://HOST:PORT (a standalone"
      + " cluster: needs the shared secret).")
  String master;

  @Option(names = "--secret-file", paramLabel = "FILE", description = "The cluster's shared"
      + " secret (spark.authenticate.secret), read from FILE (default: $" + SECRET_FILE_ENV
      + ", else $" + SECRET_ENV + ").")
  Path secretFile;

  @Option(names = "--executor-memory", paramLabel = "SIZE", description = "Memory of each"
      + " executor on a cluster, e.g. 2g (default: Spark's, 1g).")
  String executorMemory;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (not the"
      + " secret: that comes from a file or the environment).")
  List<String> conf = new ArrayList<>();

  /** The master URL asked for. */
  String master() {
    String m = master == null ? "local[*]" : master.strip();
    if (!m.startsWith("local") && !m.startsWith("spark://")) {
      throw UserError.because("--master %s: expected local[*], local[N] or spark://HOST:PORT",
          m);
    }
    return m;
  }

  boolean isLocal() {
    return master().startsWith("local");
  }

  /** The configuration of a context on {@link #master}. */
  SparkConf conf(String appName) {
    String m = master();
    SparkConf c = new SparkConf().setAppName(appName).setMaster(m)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.locality.wait", "0s")
        .set("spark.driver.maxResultSize", "0")
        // a lost task (an executor gone) is run again elsewhere
        .set("spark.task.maxFailures", "4");
    if (isLocal()) {
      // embedded: the driver, its block manager and its file server on loopback only
      c.set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1");
    } else {
      c.set("spark.authenticate", "true").set("spark.authenticate.secret", secret());
      String jars = System.getProperty(APP_JARS_PROPERTY);
      if (jars != null && !jars.isBlank()) {
        c.set("spark.jars", jars);
      }
      if (executorMemory != null) {
        c.set("spark.executor.memory", executorMemory);
      }
      if (m.startsWith("spark://127.0.0.1:") || m.startsWith("spark://localhost:")) {
        c.set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1");
      }
    }
    for (String kv : conf) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw UserError.because("--conf %s: expected KEY=VALUE", kv);
      }
      String key = kv.substring(0, eq).strip();
      if (key.startsWith("spark.authenticate")) {
        throw UserError.because("--conf %s: the secret and authentication are not set on the"
            + " command line (use --secret-file or $%s)", key, SECRET_FILE_ENV);
      }
      c.set(key, kv.substring(eq + 1));
    }
    return c;
  }

  /** A context as {@link #conf} says; Spark's startup logging is quiet (warnings only). */
  JavaSparkContext start(String appName) {
    JavaSparkContext sc = new JavaSparkContext(conf(appName));
    sc.setLogLevel("WARN");
    return sc;
  }

  /** The shared secret, from the file or the environment. */
  String secret() {
    Map<String, String> env = System.getenv();
    Path file = secretFile != null ? secretFile
        : env.containsKey(SECRET_FILE_ENV) ? Path.of(env.get(SECRET_FILE_ENV)) : null;
    String s;
    if (file != null) {
      try {
        s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw UserError.because("%s: cannot read the shared secret (%s)", file,
            e.getClass().getSimpleName());
      }
    } else {
      s = env.getOrDefault(SECRET_ENV, "").strip();
    }
    if (s.isEmpty()) {
      throw UserError.because("--master %s: a cluster needs the shared secret of its"
          + " spark.authenticate: --secret-file FILE, $%s or $%s", master(), SECRET_FILE_ENV,
          SECRET_ENV);
    }
    return s;
  }

  /** The arguments as one line, for a report. */
  static String describe(String... args) {
    return Arrays.toString(args);
  }
}
