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

  /**
   * The classic machine's table, by the same code: classic-narrow's widest sum is br's in the
   * lookahead's sum layer, |0| + 2 (vb, va) + N (the carry terms into bit N-1) + 2 (N + 1) (into
   * bit N, weight -2) + 2 (eq, op.sub) = 3N + 6, in bfloat16 at every N while 2^A is small;
   * classic weighs pc and the operands by 2^t and leaves bfloat16, then float16.
   */
  @Test
  void classicCells() {
    PrecisionTable t = PrecisionTable.measureClassic(List.of("classic", "classic-narrow"),
        List.of(4, 8, 32), 3, c -> { });
    for (int n : new int[] {4, 8, 32}) {
      PrecisionTable.Cell c = t.cell("classic-narrow", n);
      assertTrue(c.proved(), c.toString());
      assertEquals(3L * n + 6, c.largestBound(), c.toString());
      assertEquals(Optional.of(FloatFormat.BFLOAT16), c.narrowest(), c.toString());
    }
    assertEquals(Optional.of(FloatFormat.BFLOAT16), t.cell("classic", 4).narrowest());
    assertTrue(t.cell("classic", 8).largestBound() > 1L << 11);
    assertEquals(Optional.of(FloatFormat.FLOAT32), t.cell("classic", 8).narrowest());
    assertEquals(Optional.of(FloatFormat.FLOAT64), t.cell("classic", 32).narrowest());
    String md = t.toMarkdown();
    assertTrue(md.startsWith("narrowest format proved exact (classic machine, A = 3;"), md);
    assertTrue(md.contains("| classic-narrow | bfloat16 (18) | bfloat16 (30) | bfloat16 (102) |"),
        md);
  }
}
