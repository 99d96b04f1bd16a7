package org.loopmlp.distributed;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.prove.CaseSplitRunner;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.PaperProver;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prove}: every stage lemma of one size, each stage's case split cut into pieces searched
 * on the executors and spliced back in order (SPEC §9.2): the certificate is byte for byte that
 * of a single-process run ({@code --single-process} makes that run, without Spark, to compare).
 */
@Command(name = "prove", mixinStandardHelpOptions = true,
    description = "Proves every stage lemma of one size on Spark; --out DIR writes the network"
        + " and the certificate, --check re-checks it with the independent checker.")
final class ProveJob implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SparkOptions spark;

  @Option(names = "--config", required = true, paramLabel = "N,A,C",
      description = "The size: N,A,C (paper machine) or N,A with --isa classic.")
  String config;

  @Option(names = "--isa", paramLabel = "ISA", description = "paper (default) or classic.")
  String isa = "paper";

  @Option(names = "--construction", paramLabel = "NAME",
      description = "Default: paper (classic with --isa classic).")
  String construction;

  @Option(names = "--out", paramLabel = "DIR", description = "Writes network.txt.gz and"
      + " certificate.txt.gz into DIR.")
  Path out;

  @Option(names = "--check", description = "Re-checks the written certificate (needs --out).")
  boolean check;

  @Option(names = "--case-budget", paramLabel = "N", description = "At most N cases per stage.")
  long caseBudget = PaperProver.DEFAULT_CASE_BUDGET;

  @Option(names = "--single-process", description = "No Spark: the one depth-first search of"
      + " a single thread, the reference the distributed certificate equals.")
  boolean singleProcess;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    ProofJob job = job();
    if (check && out == null) {
      throw UserError.because("--check re-checks the certificate --out DIR writes: give --out");
    }
    if (out != null && Files.exists(out.resolve(PaperProver.CERTIFICATE_FILE))) {
      throw UserError.because("%s: holds a certificate already; choose an empty directory",
          out);
    }
    long t0 = System.nanoTime();
    JavaSparkContext sc = singleProcess ? null : spark.start("loopmlp prove");
    try {
      long t1 = System.nanoTime();
      o.printf(Locale.ROOT, "prove --isa %s --construction %s (%s) on %s%n", job.machine(),
          job.construction(), config, singleProcess ? "one thread (single process)"
              : sc.master() + ", " + sc.defaultParallelism() + " cores");
      PrintWriter err = spec.commandLine().getErr();
      ProgressListener progress = new ProgressListener() {
        @Override
        public void stageStarted(int index, String name, int goals) {
          err.printf(Locale.ROOT, "loopmlp-spark: stage %d (%s, %d goals) ...%n", index + 1,
              name, goals);
          err.flush();
        }
      };
      SparkCaseSplitRunner runner = sc == null ? null : new SparkCaseSplitRunner(sc, job);
      ProofReport<?, ?, ?> r = prove(job, runner, out, progress);
      double seconds = (System.nanoTime() - t1) / 1e9;
      o.println(r.summary().stripTrailing());
      o.printf(Locale.ROOT, "proof: %.2f s (network build included; Spark start %.1f s)%n",
          seconds, (t1 - t0) / 1e9);
      if (runner != null) {
        for (int i = 0; i < runner.stats().size(); i++) {
          o.printf(Locale.ROOT, "  stage %d: %s%n", i + 1, runner.stats().get(i));
        }
      }
      r.stages().forEach(p -> p.counterexample().ifPresent(x -> o.println(
          "counterexample to the " + p.name() + " lemma: " + x.summary())));
      if (!r.proved()) {
        o.println("verdict: NOT PROVED");
        return Main.FOUND;
      }
      if (r.certificate().isPresent()) {
        o.println("certificate: " + r.certificate().get() + " sha256 "
            + sha256(r.certificate().get()));
      }
      if (check) {
        long c0 = System.nanoTime();
        CertificateChecker.Result c = CertificateChecker.check(r.network().orElseThrow(),
            r.certificate().orElseThrow());
        o.printf(Locale.ROOT, "checker: %s in %.2f s (%,d cases)%n",
            c.accepted() ? "ACCEPTED" : "REJECTED: " + c.message(),
            (System.nanoTime() - c0) / 1e9, c.cases());
        if (!c.accepted()) {
          o.println("verdict: CERTIFICATE REJECTED");
          return Main.FOUND;
        }
      }
      o.println("verdict: PROVED: all " + r.stages().size() + " stage lemmas hold for every"
          + " input of (" + config + ")");
      return Main.OK;
    } finally {
      job.release();
      if (sc != null) {
        sc.stop();
      }
    }
  }

  private ProofJob job() {
    int[] v;
    try {
      v = java.util.Arrays.stream(config.split(",", -1)).map(String::strip)
          .mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      v = new int[0];
    }
    boolean classic;
    switch (isa) {
      case "paper" -> classic = false;
      case "classic" -> classic = true;
      default -> throw UserError.because("--isa %s: expected paper or classic", isa);
    }
    if (v.length != (classic ? 2 : 3)) {
      throw UserError.because("--config %s: expected %s", config, classic ? "N,A" : "N,A,C");
    }
    String name = construction != null ? construction
        : classic ? ClassicConstruction.NAME : "paper";
    if (classic && !java.util.List.of(ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME)
        .contains(name)) {
      throw UserError.because("--construction %s: with --isa classic, expected classic or"
          + " classic-split", name);
    }
    if (!classic && !Constructions.names().contains(name)) {
      throw UserError.because("--construction %s: expected one of %s", name,
          Constructions.names());
    }
    if (caseBudget < 1) {
      throw UserError.because("--case-budget %d: expected at least 1", caseBudget);
    }
    ProofJob job = new ProofJob(classic ? "classic" : "paper", name, v[0], v[1],
        classic ? 0 : v[2], caseBudget);
    try {
      if (classic) {
        job.classicConfig();
      } else {
        job.paperConfig();
        if (!Constructions.supports(name, job.paperConfig())) {
          throw UserError.because("--construction %s is not built for (%s)", name, config);
        }
      }
    } catch (IllegalArgumentException e) {
      throw UserError.because("--config %s: %s", config, e.getMessage());
    }
    return job;
  }

  /** The proof, on Spark when {@code sc} is given, else in one thread. */
  static ProofReport<?, ?, ?> prove(ProofJob job, JavaSparkContext sc, Path out)
      throws IOException {
    return prove(job, sc == null ? null : new SparkCaseSplitRunner(sc, job), out,
        ProgressListener.NONE);
  }

  /** The proof on {@code spark}'s executors, or in one thread when it is null. */
  static ProofReport<?, ?, ?> prove(ProofJob job, SparkCaseSplitRunner spark, Path out,
      ProgressListener listener) throws IOException {
    CaseSplitRunner runner = spark == null ? CaseSplitRunner.SEQUENTIAL : spark;
    if (job.classic()) {
      ClassicConstruction c = ClassicConstruction.build(job.construction(), job.classicConfig());
      return out == null
          ? ClassicProver.prove(c, listener, job.caseBudget(), runner)
          : ClassicProver.certifyInto(c, out, listener, job.caseBudget(), runner);
    }
    var c = Constructions.build(job.construction(), job.paperConfig());
    return out == null ? PaperProver.prove(c, listener, job.caseBudget(), runner)
        : PaperProver.certifyInto(c, out, listener, job.caseBudget(), runner);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
