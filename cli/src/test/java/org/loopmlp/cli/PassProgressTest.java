package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;

class PassProgressTest {
  private static final MachineState STATE =
      MachineState.of(MachineConfig.of(8, 1, 1), new long[] {0, 0}, 0);

  @Test
  void aRunShorterThanTheQuietTimePrintsNothing() {
    StringWriter err = new StringWriter();
    try (Differential.PassProgress p = new Differential.PassProgress(new PrintWriter(err),
        "network passes", 10, Duration.ofHours(1))) {
      for (int pass = 0; pass < 5; pass++) {
        p.afterPass(pass, STATE);
      }
    }
    assertEquals("", err.toString());
  }

  @Test
  void aRunLongerThanTheQuietTimeCountsThePassesFromThenOn() {
    StringWriter err = new StringWriter();
    try (Differential.PassProgress p = new Differential.PassProgress(new PrintWriter(err),
        "network passes", 10, Duration.ZERO)) {
      for (int pass = 0; pass < 7; pass++) {
        p.afterPass(pass, STATE);
      }
    }
    // One line over the whole run: all 7 passes, not only those after the progress appeared.
    String text = err.toString();
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.matches("network passes: 7 passes in \\d+\\.\\d s\\R"), text);
  }
}
