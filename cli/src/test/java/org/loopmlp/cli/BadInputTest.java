package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every user mistake: exit code 2 and exactly one line on stderr, never a stack trace. */
class BadInputTest {
  static Cli.Result assertUsageError(String expectedFragment, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(ExitCodes.USAGE, r.code(), () -> "exit code of " + String.join(" ", args)
        + "\nstderr: " + r.err());
    assertEquals(1, r.errLines().size(), () -> "stderr of " + String.join(" ", args) + ":\n"
        + r.err());
    String line = r.errLines().get(0);
    assertFalse(line.contains("Exception") || line.contains("\tat "), line);
    assertTrue(line.contains(expectedFragment), () -> "'" + line + "' should mention '"
        + expectedFragment + "'");
    return r;
  }

  @Test
  void unknownOptionOfASubcommand() {
    assertUsageError("--frobnicate", "stats", "--frobnicate");
  }

  @Test
  void unknownCommand() {
    assertUsageError("wat", "wat");
  }

  @Test
  void missingCommand() {
    assertUsageError("missing command");
  }

  @Test
  void configOutOfRangeInAnOption() {
    assertUsageError("word bits N must be in [2, 64], was 70", "check", "--config", "70,4,4");
  }

  @Test
  void configOutOfRangeInARange() {
    assertUsageError("data address bits A must be in [1, 20], was 21", "stats", "--data",
        "19..21");
  }

  @Test
  void aNumberTooLargeForTheConfigIsOutOfRangeNotANonInteger() {
    assertUsageError("word bits N 99999999999 is out of range", "check", "--config",
        "99999999999,4,4");
  }

  @Test
  void aRangeFarOutOfBoundsIsRefusedBeforeItIsExpanded() {
    // 2^31 - 1 data sizes would fill the heap before the first was checked.
    assertUsageError("data address bits A must be in [1, 20], was 2147483647", "stats",
        "--data", "1..2147483647");
    assertUsageError("data address bits A must be in [1, 20], was -2147483648", "stats",
        "--data", "-2147483648..2147483647");
  }

  @Test
  void malformedConfig() {
    assertUsageError("expected N,A,C", "check", "--config", "8,4");
  }

  @Test
  void emptyRange() {
    assertUsageError("is empty", "stats", "--word", "9..8");
  }

  @Test
  void sizeTooLargeForTheHeapIsRefusedWithTheEstimate() {
    Cli.Result r = assertUsageError("of heap is available", "stats", "--word", "32", "--data",
        "20", "--code", "20");
    assertTrue(r.err().contains("GiB"), r.err());
  }

  @Test
  void sizeTooLargeIsRefusedBeforeACheckCampaign() {
    assertUsageError("of heap is available", "check", "--config", "32,20,20");
  }

  @Test
  void unknownBackend() {
    assertUsageError("unknown backend 'float128'", "check", "--config", "2,1,1", "--backend",
        "float128");
  }

  @Test
  void unknownConstruction() {
    assertUsageError("unknown construction 'deep'", "check", "--construction", "deep");
  }

  @Test
  void constructionWhoseSizeCannotBeEstimated() {
    assertUsageError("cannot be estimated before building", "stats", "--construction", "fused");
  }

  @Test
  void negativeTries() {
    assertUsageError("--tries must be >= 0", "check", "--config", "2,1,1", "--tries", "-1");
  }
}
