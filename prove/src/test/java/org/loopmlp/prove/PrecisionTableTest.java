package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loopmlp.certcheck.FloatFormat;

/**
 * Key cells of the precision table ({@code loopmlp prove --precision-table}): the paper
 * construction is proved exact in float32 at N = 16 but not from N = 22 on (float32 is measured
 * failing it first at N = 24: {@code FloatingPointTest}), and does not build at N = 64; the narrow
 * construction is proved exact in bfloat16, so float16 and float32, at N = 32 and N = 64.
 */
class PrecisionTableTest {
  @Test
  void keyCells() {
    List<PrecisionTable.Cell> seen = new ArrayList<>();
    PrecisionTable t = PrecisionTable.measure(List.of("paper", "narrow"),
        List.of(16, 21, 22, 24, 32, 64), 1, 1, seen::add);
    assertEquals(12, seen.size());
    assertEquals(Optional.of(FloatFormat.FLOAT32), t.cell("paper", 16).narrowest());
    // the subtraction's thresholds: |bias| + sum |w| = 6 * 2^N - 3 for the widest one
    assertEquals(6L * (1L << 21) - 3, t.cell("paper", 21).largestBound());
    assertEquals(Optional.of(FloatFormat.FLOAT32), t.cell("paper", 21).narrowest());
    for (int n : new int[] {22, 24, 32}) {
      PrecisionTable.Cell c = t.cell("paper", n);
      assertTrue(c.proved(), c.toString());
      assertEquals(Optional.of(FloatFormat.FLOAT64), c.narrowest(), c.toString());
    }
    assertFalse(t.cell("paper", 64).built());
    assertEquals("not built", t.cell("paper", 64).text());
    for (int n : new int[] {32, 64}) {
      PrecisionTable.Cell c = t.cell("narrow", n);
      assertEquals(Optional.of(FloatFormat.BFLOAT16), c.narrowest(), c.toString());
      assertEquals(3L * n + 5, c.largestBound());
    }
    String md = t.toMarkdown();
    assertTrue(md.contains("| narrow | bfloat16 (53) |"), md);
    assertTrue(md.contains("| not built |"), md);
  }
}
