package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.SlqImage;

/**
 * A pass of the classic network on the incremental backend costs what the pass changes, not the
 * size of the memory (issue 21): the bytes the running thread allocates per pass stay under one
 * fixed bound from 2^8 to 2^14 words, while a single copy of the memory would be 2 KB at A = 8
 * and 128 KB at A = 14.
 */
class ClassicRunAllocationTest {
  /** Counts X down from 100 by 1 and halts when X <= 0: every other step writes X. */
  private static final String COUNTDOWN = String.join("\n",
      "# countdown: X -= 1 until X <= 0, then halt",
      "9 10 -1",   // 0: X -= ONE; halt (jump to -1) if X <= 0
      "11 11 0",   // 3: Z -= Z; jump 0
      "0 0 0",     // 6: unused
      "1 100 0");  // 9: ONE, 10: X, 11: Z
  private static final int STEPS = 199;
  /** Passes skipped before measuring (the first pass evaluates every layer densely). */
  private static final long WARM = 40;
  /**
   * Bytes per pass allowed at every size: below one copy of the smallest memory (2,064 bytes at
   * A = 8). Measured: about 1,400 at A = 8 to 1,500 at A = 14, the persistent memory's path
   * growing with A / 4.
   */
  private static final long BOUND = 2_000;

  @Test
  void bytesPerPassDoNotGrowWithTheMemory() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    List<String> perSize = new ArrayList<>();
    for (int bits : new int[] {8, 11, 14}) {
      ClassicConfig config = ClassicConfig.of(8, bits);
      ClassicState initial = SlqImage.parse("countdown.slq", COUNTDOWN).load(config);
      ClassicLoopedMlp mlp = ClassicLoopedMlp.of(ClassicConstruction.buildSplit(config),
          IncrementalBackend.INSTANCE);
      // Two runs: the first compiles the hot code, the second is measured.
      long perPass = 0;
      for (int round = 0; round < 2; round++) {
        long[] at = new long[2];
        ClassicLoopedMlp.Run run = mlp.run(initial, ByteInput.of(new byte[0]),
            ByteOutput.discard(), STEPS + 10, (pass, before, out) -> {
              if (pass == WARM) {
                at[0] = threads.getCurrentThreadAllocatedBytes();
              } else if (pass == STEPS - 1) {
                at[1] = threads.getCurrentThreadAllocatedBytes();
              }
            });
        assertEquals(STEPS, run.steps(), "A=" + bits);
        assertTrue(run.halted());
        assertEquals(0, run.last().word(10));
        perPass = (at[1] - at[0]) / (STEPS - 1 - WARM);
      }
      perSize.add("A=" + bits + ": " + perPass + " B/pass");
      assertTrue(perPass < BOUND, String.join(", ", perSize));
    }
    System.out.println("classic run allocation per pass: " + String.join(", ", perSize));
  }
}
