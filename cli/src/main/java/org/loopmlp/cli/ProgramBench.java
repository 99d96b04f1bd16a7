package org.loopmlp.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.exact.StateVector;
import org.loopmlp.exact.bench.BenchmarkResult;

/**
 * {@code loopmlp bench --program FILE}: a real program run to its halt, on the reference machine
 * and through the network on each backend and construction; passes per second, the network's
 * rate over the reference machine's, and a check that the network ends where the reference
 * machine does.
 */
final class ProgramBench {
  private ProgramBench() {}

  /** One network run: what ran, how fast, and whether it ended in the reference's state. */
  record Result(String construction, String backend, long passes, double seconds,
      Optional<IncrementalBackend.Stats> work, Optional<String> mismatch) {}

  static int run(Workload workload, List<String> constructions, List<Backend> backends,
      long maxSteps, Duration budget, PrintWriter out, PrintWriter err) {
    out.println(MachineInfo.line());
    Workload.ReferenceRun first = workload.runReference(maxSteps);
    // Short programs are timed over repeated runs, so that the rate is not a clock artefact.
    long steps = first.steps();
    double total = first.seconds();
    int runs = 1;
    while (total < budget.toNanos() / 1e9 / 2 && runs < 1_000_000) {
      total += workload.runReference(maxSteps).seconds();
      runs++;
    }
    double referenceRate = steps * runs / total;
    out.printf(Locale.ROOT, "program %s at %s: %s after %,d steps; reference machine %s steps/s"
        + " (%d run%s)%n", workload.name(), Configs.format(workload.config()),
        first.halted() ? "halts" : "has not halted", steps, Counts.rate(referenceRate),
        runs, runs == 1 ? "" : "s");
    out.flush();
    // A halting program takes one more pass: the one that changes nothing.
    long passes = first.halted() ? steps + 1 : steps;
    List<Result> results = new ArrayList<>();
    for (String name : constructions) {
      if (!Constructions.supports(name, workload.config())) {
        continue;
      }
      Construction c = workload.build(name, err);
      BenchmarkResult[] bare = {null};
      for (Backend backend : backends) {
        results.add(runNetwork(workload, c, backend, steps, passes, err));
        Result r = results.get(results.size() - 1);
        if (r.work().isPresent() && bare[0] == null) {
          bare[0] = Floor.bareLoop(c.network(), workload.firstInput(c), budget);
        }
        out.printf(Locale.ROOT, "  %-12s %-14s %,d passes in %.2f s: %s passes/s, %.3g of the"
            + " reference machine's rate%s; %s%n", r.construction(), r.backend(), r.passes(),
            r.seconds(), Counts.rate(r.passes() / r.seconds()),
            r.passes() / r.seconds() / referenceRate,
            r.work().map(w -> String.format(Locale.ROOT, ", %,.0f row updates and %.2f dense"
                + " layers per pass, %s", w.rowUpdates() / (double) w.passes(),
                w.denseLayers() / (double) w.passes(), Floor.of(w, bare[0])
                    .describe(r.passes() / r.seconds()))).orElse(""),
            r.mismatch().map(m -> "DIFFERS: " + m).orElse(first.halted()
                ? "halted in the reference machine's final state"
                : "in the reference machine's state"));
        out.flush();
      }
    }
    return results.stream().allMatch(r -> r.mismatch().isEmpty()) ? ExitCodes.OK
        : ExitCodes.FOUND;
  }

  private static Result runNetwork(Workload workload, Construction c, Backend backend,
      long steps, long passes, PrintWriter err) {
    Backend.Compiled compiled = backend.compile(c.network());
    StateVector x = compiled.load(workload.firstInput(c));
    IncrementalBackend.Stats before = compiled instanceof IncrementalBackend.Compiled
        ? ((IncrementalBackend.Compiled) compiled).stats() : null;
    StateVector afterSteps = x;
    long start = System.nanoTime();
    try (Progress progress = Progress.start(err, c.name() + " on " + backend.name(), passes,
        "passes")) {
      for (long p = 0; p < passes; p++) {
        x = compiled.apply(x);
        if (p + 1 == steps) {
          afterSteps = x;
        }
        if ((p & 255) == 255) {
          progress.advance(256);
        }
      }
      progress.advance(passes & 255);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Optional<IncrementalBackend.Stats> work = before == null ? Optional.empty()
        : Optional.of(((IncrementalBackend.Compiled) compiled).stats().minus(before));
    Optional<String> mismatch = workload.checkState(c, afterSteps, steps);
    if (mismatch.isEmpty() && passes > steps) {
      // The halting pass must leave the state where it was.
      mismatch = workload.checkState(c, x, steps).map(m -> "the halting pass moved: " + m);
    }
    return new Result(c.name(), backend.name(), passes, seconds, work, mismatch);
  }
}
