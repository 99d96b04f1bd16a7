package org.loopmlp.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;

/**
 * {@code bench --program FILE.slq --isa classic}: a classic program run to its halt on the
 * reference machine and through the classic network on each backend and construction; passes
 * per second, the rate over the reference machine's, and a check that the network ends in the
 * reference machine's state having printed the same bytes.
 */
final class ClassicProgramBench {
  private final ClassicOptions.Loaded p;
  private final long maxSteps;
  private final PrintWriter out;
  private ClassicRun reference;
  private byte[] printed;

  private ClassicProgramBench(ClassicOptions.Loaded p, long maxSteps, PrintWriter out) {
    this.p = p;
    this.maxSteps = maxSteps;
    this.out = out;
  }

  static int run(BenchCommand o) {
    List<String> constructions = o.constructions(ConstructionOption.CLASSIC_NAMES,
        ConstructionOption.CLASSIC_NAMES);
    List<Backend> backends = o.backends(List.of("incremental"));
    ClassicProgramBench b = new ClassicProgramBench(o.classicOptions.load(o.program),
        o.maxSteps, o.out());
    o.out().println(MachineInfo.line());
    double referenceRate = b.timeReference(o.budget());
    boolean allSame = true;
    for (String name : constructions) {
      ClassicOptions.requireMemory(name, b.p.config());
      ClassicConstruction c = ClassicConstruction.build(name, b.p.config());
      for (Backend backend : backends) {
        allSame &= b.runNetwork(c, backend, referenceRate, o.budget());
      }
    }
    return allSame ? ExitCodes.OK : ExitCodes.FOUND;
  }

  /** The reference machine's rate, over repeated runs for a short program. */
  private double timeReference(Duration budget) {
    double total = 0;
    int runs = 0;
    do {
      ByteOutput.Collecting bytes = ByteOutput.collecting();
      long start = System.nanoTime();
      reference = ClassicRunner.run(p.initial(), ByteInput.of(p.input()), bytes, maxSteps);
      total += (System.nanoTime() - start) / 1e9;
      printed = bytes.bytes();
      runs++;
    } while (total < budget.toNanos() / 1e9 / 2 && runs < 1_000_000);
    double rate = reference.steps() * runs / Math.max(total, 1e-9);
    out.printf(Locale.ROOT, "program %s at classic N=%d, 2^%d words: %s after %,d steps, %d"
        + " bytes printed; reference machine %s steps/s (%d run%s)%n", p.image().file(),
        p.config().wordBits(), p.config().memoryBits(), reference.halted() ? "halts"
        : "has not halted", reference.steps(), printed.length, Counts.rate(rate), runs,
        runs == 1 ? "" : "s");
    out.flush();
    return rate;
  }

  /** One timed run of the network; true when it ends where the reference machine does. */
  private boolean runNetwork(ClassicConstruction c, Backend backend, double referenceRate,
      Duration budget) {
    ClassicLoopedMlp mlp = ClassicLoopedMlp.of(c, backend);
    Optional<IncrementalBackend.Compiled> incremental = Floor.incremental(mlp.compiled());
    IncrementalBackend.Stats before = incremental.map(IncrementalBackend.Compiled::stats)
        .orElse(null);
    ByteOutput.Collecting bytes = ByteOutput.collecting();
    long start = System.nanoTime();
    String verdict;
    long passes = 0;
    try {
      ClassicLoopedMlp.Run r = mlp.run(p.initial(), ByteInput.of(p.input()), bytes, maxSteps,
          ClassicLoopedMlp.PassListener.NONE);
      passes = r.steps();
      verdict = !r.last().equals(reference.finalState()) || r.steps() != reference.steps()
          ? "DIFFERS: after " + r.steps() + " passes the network is at pc " + r.last().pc()
              + ", the reference machine after " + reference.steps() + " steps at pc "
              + reference.finalState().pc()
          : !Arrays.equals(bytes.bytes(), printed) ? "DIFFERS: printed " + bytes.size()
              + " bytes, the reference machine " + printed.length
          : reference.halted() ? "halted in the reference machine's final state"
          : "in the reference machine's state";
    } catch (DecodeException e) {
      verdict = "DIFFERS: the output is not a classic state: " + e.getMessage();
    }
    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
    double rate = passes / seconds;
    String floor = incremental.map(i -> "; " + Floor.of(i.stats().minus(before),
        Floor.bareLoop(c.network(), mlp.codec().encode(p.initial(),
            ClassicMachine.END_OF_INPUT), budget)).describe(rate)).orElse("");
    out.printf(Locale.ROOT, "  %-20s %-14s %,d passes in %.2f s: %s passes/s, %.3g of the"
        + " reference machine's rate%s; %s%n", c.name(), backend.name(), passes, seconds,
        Counts.rate(passes / seconds), passes / seconds / referenceRate, floor, verdict);
    out.flush();
    return !verdict.startsWith("DIFFERS");
  }
}
