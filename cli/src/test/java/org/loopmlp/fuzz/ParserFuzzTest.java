package org.loopmlp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes every parser in process with inputs derived from valid ones: no exception other than
 * the format's own error may escape, and no input may take over a second. A short seeded run in
 * the default suite; {@code -Pcampaign} runs {@value #CAMPAIGN_INPUTS} inputs per format (a tenth
 * of that for the whole command line, which runs the tool per input). The
 * seed is {@code -Dloopmlp.fuzz.seed} (default 1), {@code -Dloopmlp.fuzz.inputs=K} sets the count
 * and {@code -Dloopmlp.fuzz.targets=sq,network} picks targets; a failure names the input's index
 * and shows its first bytes, and {@code -Dloopmlp.fuzz.replay=INDEX} writes that input to
 * {@code cli/target} and parses it alone.
 */
class ParserFuzzTest {
  static final int DEFAULT_INPUTS = 2_000;
  static final int CAMPAIGN_INPUTS = 100_000;

  @TempDir static Path work;

  @TestFactory
  Stream<DynamicTest> everyParserRejectsMalformedInputWithItsOwnError() throws IOException {
    boolean campaign = Boolean.getBoolean("loopmlp.campaign");
    int inputs = Integer.getInteger("loopmlp.fuzz.inputs",
        campaign ? CAMPAIGN_INPUTS : DEFAULT_INPUTS);
    long seed = Long.getLong("loopmlp.fuzz.seed", 1L);
    List<FuzzTarget> targets = FuzzTargets.all(Path.of(".."), Files.createDirectories(
        work.resolve("files")));
    String only = System.getProperty("loopmlp.fuzz.targets", "");
    return targets.stream()
        .filter(t -> only.isEmpty() || List.of(only.split(",")).contains(t.name()))
        .map(t -> DynamicTest.dynamicTest(t.name(), () -> fuzz(t, inputs, seed)));
  }

  private static void fuzz(FuzzTarget t, int inputs, long seed) throws IOException {
    long replay = Long.getLong("loopmlp.fuzz.replay", -1L);
    if (replay >= 0) { // writes one input to cli/target to look at, and parses it
      byte[] input = Fuzzer.input(t, seed, replay);
      Files.write(Path.of("target", "fuzz-" + t.name() + "-" + replay + ".bin"), input);
      java.lang.management.ThreadMXBean cpu =
          java.lang.management.ManagementFactory.getThreadMXBean();
      for (int run = 0; run < 3; run++) { // the first run includes loading classes
        long t0 = cpu.getCurrentThreadCpuTime();
        String outcome = "accepted";
        try {
          t.parser().parse(input);
        } catch (Exception e) {
          outcome = e.toString();
        }
        System.out.println("fuzz replay " + t.name() + " " + replay + ": "
            + (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000 + " ms CPU: " + outcome);
      }
      return;
    }
    // the command line runs the whole tool per input (a program, a run, JSON): a tenth of the
    // inputs keeps it within the time of the others
    int n = t.name().equals("run-options") ? inputs / 10 : inputs;
    Fuzzer.Report r = Fuzzer.run(t, n, seed);
    System.out.println("fuzz " + r.summary());
    assertEquals(0, r.failures(), () -> r.failures() + " of " + r.inputs() + " inputs of "
        + t.name() + " broke the rule (seed " + seed + "):\n  "
        + r.examples().stream().map(Object::toString).collect(Collectors.joining("\n  ")));
  }
}
