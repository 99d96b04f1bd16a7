package org.loopmlp.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.certcheck.CertificateChecker;

/**
 * {@code prove} on embedded Spark ({@code local[2]}, loopback only): the certificate is byte for
 * byte that of the single-thread search, for both machines; and the settings that keep the
 * embedded run on loopback and a cluster behind its shared secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkProveTest {
  private JavaSparkContext sc;
  @TempDir Path dir;

  @BeforeAll
  void start() {
    sc = SharedSpark.get();
  }

  private static SparkOptions options(String... args) {
    return SharedSpark.options(args);
  }

  private void assertSameCertificate(ProofJob job) throws Exception {
    var one = ProveJob.prove(job, null, dir.resolve(job.construction() + "-one"));
    var spark = ProveJob.prove(job, sc, dir.resolve(job.construction() + "-spark"));
    job.release();
    assertTrue(one.proved() && spark.proved(), spark::summary);
    assertEquals(one.stages().stream().map(s -> s.cases() + "/" + s.excluded() + "/"
        + s.neuronsDecided()).toList(), spark.stages().stream().map(s -> s.cases() + "/"
        + s.excluded() + "/" + s.neuronsDecided()).toList());
    assertArrayEquals(Files.readAllBytes(one.certificate().orElseThrow()),
        Files.readAllBytes(spark.certificate().orElseThrow()), job.toString());
    assertTrue(CertificateChecker.check(spark.network().orElseThrow(),
        spark.certificate().orElseThrow()).accepted());
  }

  @Test
  void thePaperCertificateIsTheSingleProcessOne() throws Exception {
    assertSameCertificate(new ProofJob("paper", "paper", 8, 6, 6, 1L << 24));
  }

  @Test
  void theClassicCertificateIsTheSingleProcessOne() throws Exception {
    assertSameCertificate(new ProofJob("classic", "classic-split", 4, 3, 0, 1L << 24));
  }

  @Test
  void anExecutorBuildsItsOwnWorkerFromTheJob() throws Exception {
    // nothing registered: the executors build the construction from its name and config
    ProofJob job = new ProofJob("paper", "compact", 4, 3, 3, 1L << 24);
    var one = ProveJob.prove(job, null, dir.resolve("one"));
    job.release();
    var runner = new SparkCaseSplitRunner(sc, job);
    var c = org.loopmlp.construction.Constructions.build("compact", job.paperConfig());
    var spark = org.loopmlp.prove.PaperProver.certifyInto(c, dir.resolve("spark"),
        org.loopmlp.prove.ProgressListener.NONE, 1L << 24, runner);
    job.release();
    assertArrayEquals(Files.readAllBytes(one.certificate().orElseThrow()),
        Files.readAllBytes(spark.certificate().orElseThrow()));
  }

  @Test
  void theLauncherFlagsAreSparksOwn() {
    assertEquals(JavaModuleOptions.defaultModuleOptions(),
        System.getProperty("loopmlp.spark.javaOptions"));
  }

  @Test
  void theEmbeddedDefaultStaysOnLoopbackWithoutAWebUi() {
    SparkConf c = options().conf("t");
    assertEquals("local[*]", c.get("spark.master"));
    assertEquals("127.0.0.1", c.get("spark.driver.bindAddress"));
    assertEquals("127.0.0.1", c.get("spark.driver.host"));
    assertEquals("false", c.get("spark.ui.enabled"));
    assertEquals("127.0.0.1", sc.getConf().get("spark.driver.host"));
  }

  @Test
  void aClusterNeedsTheSecretFromAFileNeverTheCommandLine() throws Exception {
    var noSecret = options("--master", "spark://127.0.0.1:7077");
    if (System.getenv(SparkOptions.SECRET_ENV) == null
        && System.getenv(SparkOptions.SECRET_FILE_ENV) == null) {
      assertThrows(UserError.class, () -> noSecret.conf("t"));
    }
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "s3cret-of-the-test\n");
    SparkConf c = options("--master", "spark://127.0.0.1:7077", "--secret-file",
        secret.toString()).conf("t");
    assertEquals("true", c.get("spark.authenticate"));
    assertEquals("s3cret-of-the-test", c.get("spark.authenticate.secret"));
    UserError e = assertThrows(UserError.class, () -> options("--master",
        "spark://127.0.0.1:7077", "--secret-file", secret.toString(), "--conf",
        "spark.authenticate.secret=visible").conf("t"));
    assertTrue(e.getMessage().contains("not set on the command line"), e.getMessage());
  }

  @Test
  void mistakesAreOneLineAndExitTwo() {
    for (List<String> args : List.of(List.of("prove", "--config", "8,6"),
        List.of("prove", "--config", "8,6,6", "--isa", "risc"),
        List.of("prove", "--config", "8,6,6", "--construction", "nope"),
        List.of("prove", "--config", "8,6,6", "--master", "yarn"),
        List.of("prove", "--config", "8,6,6", "--check"))) {
      StringWriter err = new StringWriter();
      int code = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()),
          new PrintWriter(err, true));
      assertEquals(2, code, args + ": " + err);
      assertEquals(1, err.toString().strip().lines().count(), err.toString());
      assertTrue(err.toString().startsWith("loopmlp-spark: "), err.toString());
    }
  }
}
