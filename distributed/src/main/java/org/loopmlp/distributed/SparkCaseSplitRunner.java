package org.loopmlp.distributed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.io.ByteArrayInputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.loopmlp.prove.CaseResult;
import org.loopmlp.prove.CaseSplitRunner;
import org.loopmlp.prove.CaseTask;
import org.loopmlp.prove.CaseWorker;

/**
 * The pieces of a stage's case split on Spark executors: dealt round-robin into a few partitions
 * per core (neighbouring subtrees, often alike in size, land in different partitions), each
 * searched by its executor's {@link ProofJob#worker}, the certificate lines deflated for the trip
 * back, and handed on in task order, where the prover splices them into place. A task lost with
 * its executor is run again by Spark; its result is the same wherever it runs.
 */
final class SparkCaseSplitRunner implements CaseSplitRunner {
  private final JavaSparkContext sc;
  private final ProofJob job;
  /** Per stage: tasks, their summed and longest search time, and the stage's wall time. */
  private final List<String> stats = new ArrayList<>();

  SparkCaseSplitRunner(JavaSparkContext sc, ProofJob job) {
    this.sc = sc;
    this.job = job;
  }

  @Override
  public int parallelism() {
    return sc.defaultParallelism();
  }

  @Override
  public void run(List<CaseTask> tasks, CaseWorker worker, Consumer<CaseResult> inOrder) {
    if (tasks.isEmpty()) {
      return;
    }
    int slices = Math.min(tasks.size(), 4 * parallelism());
    List<CaseTask> dealt = new ArrayList<>(tasks.size());
    for (int k = 0; k < slices; k++) {
      for (int i = k; i < tasks.size(); i += slices) {
        dealt.add(tasks.get(i));
      }
    }
    // executors in this JVM (local mode) share the driver's worker and what it has built: the
    // construction and each stage's layers; a cluster's executors build their own from the job
    job.register(worker);
    ProofJob j = job;
    long start = System.nanoTime();
    List<CaseResult> results = sc.parallelize(dealt, slices)
        .map(t -> deflated(j.worker().run(t))).collect();
    double wall = (System.nanoTime() - start) / 1e9;
    CaseResult[] byIndex = new CaseResult[tasks.size()];
    long sum = 0;
    long longest = 0;
    for (CaseResult r : results) {
      byIndex[r.index()] = r;
      sum += r.nanos();
      longest = Math.max(longest, r.nanos());
    }
    stats.add(String.format(java.util.Locale.ROOT, "%d tasks in %d Spark tasks: search %.2f s"
        + " in all, longest task %.3f s; on the executors %.2f s wall", tasks.size(), slices,
        sum / 1e9, longest / 1e9, wall));
    for (CaseResult r : byIndex) {
      inOrder.accept(r.withText(inflate(r.text())));
    }
  }

  /** One line per stage run so far: how its tasks spread. */
  List<String> stats() {
    return stats;
  }

  static CaseResult deflated(CaseResult r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(r.text().length / 4 + 16);
    Deflater fast = new Deflater(1);
    try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, fast, 1 << 14)) {
      z.write(r.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      fast.end();
    }
    return r.withText(bytes.toByteArray());
  }

  static byte[] inflate(byte[] deflated) {
    try (InflaterInputStream z = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
      return z.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
