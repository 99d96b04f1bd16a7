package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.ClassicExample;
import org.loopmlp.isa.ClassicExampleLibrary;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;

/**
 * The float-emulation backends (float16, bfloat16: every product and partial sum rounded) on the
 * classic constructions, pass by pass beside the reference machine: {@code classic-narrow},
 * proved exact in both formats at these sizes ({@code prove --isa classic --format}), never
 * differs; {@code classic}, whose subtraction weighs bit j by 2^j, differs in float16 from a
 * word size found here by search and asserted.
 */
class ClassicFormatTest {
  /** echo.sq (copies its input) loaded at word size n, memory 2^5. */
  private static ClassicLockstep.Outcome echo(String construction, String format, int n) {
    ClassicExample echo = ClassicExampleLibrary.named("echo").orElseThrow();
    ClassicConfig config = ClassicConfig.of(n, 5);
    ClassicState initial = ClassicState.load(config, echo.program().image());
    ClassicLoopedMlp mlp = ClassicLoopedMlp.of(ClassicConstruction.build(construction, config),
        Backends.named(format));
    return ClassicLockstep.run(mlp, initial, echo.input(), ByteOutput.collecting(), 10_000,
        ClassicLoopedMlp.PassListener.NONE);
  }

  @Test
  void theNarrowConstructionNeverDiffersInFloat16OrBfloat16() {
    for (int n : new int[] {9, 12, 16, 24, 32}) {
      for (String format : new String[] {"float16", "bfloat16"}) {
        ClassicLockstep.Outcome o = echo(ClassicConstruction.NARROW_NAME, format, n);
        assertTrue(o.agree(), () -> format + " N=" + n + ": "
            + o.disagreement().get().describe());
        assertTrue(o.mlp().halted());
        // 5 passes per byte and 2 more (docs/classic.md)
        assertEquals(5L * ClassicExampleLibrary.named("echo").orElseThrow().input().length + 2,
            o.mlp().steps(), format + " N=" + n);
      }
    }
  }

  @Test
  void classicDiffersInFloat16FromAWordSizeOnwards() {
    int first = 0;
    for (int n = 9; n <= 16 && first == 0; n++) {
      if (!echo(ClassicConstruction.NAME, "float16", n).agree()) {
        first = n;
      }
    }
    assertEquals(FIRST_FLOAT16_FAILURE, first);
    assertTrue(echo(ClassicConstruction.NAME, "float32", 16).agree());
  }

  /** The first word size at which classic's echo run differs in float16 (measured: 11). */
  private static final int FIRST_FLOAT16_FAILURE = 11;
}
