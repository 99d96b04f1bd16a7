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
    ProofJob j = job;
    List<CaseResult> results = sc.parallelize(dealt, slices)
        .map(t -> deflated(j.worker().run(t))).collect();
    CaseResult[] byIndex = new CaseResult[tasks.size()];
    for (CaseResult r : results) {
      byIndex[r.index()] = r;
    }
    for (CaseResult r : byIndex) {
      inOrder.accept(r.withText(inflate(r.text())));
    }
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
