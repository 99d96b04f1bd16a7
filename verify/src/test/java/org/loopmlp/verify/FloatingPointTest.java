package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;

/**
 * Where floating point breaks the construction: the same end-to-end campaign on each
 * floating-point backend for N = 2, 3, ..., 32 (A = C = 1), asserting the smallest N that fails
 * against {@link FloatingPointLimits} (the one place the figures live, which README.md states),
 * with the shrunk counterexample and the first layer where the float run leaves exact
 * evaluation. The exact backends never fail.
 */
class FloatingPointTest {
  private static final int TRIES = 60;

  /** The first N (with its counterexample) at which {@code backend} fails, if any. */
  private static Optional<Counterexample> smallestFailingWordSize(Backend backend) {
    for (int n = 2; n <= PaperConstruction.MAX_WORD_BITS; n++) {
      PaperTrials.Settings s = new PaperTrials.Settings(
          new ConfigRange(n, n, 1, 1, 1, 1), TRIES, 4, 7 + n, false);
      DifferentialCampaign.Result<Counterexample> r = PaperTrials.paper(backend)
          .run(s, Progress.NONE);
      if (!r.passed()) {
        return r.counterexample();
      }
    }
    return Optional.empty();
  }

  @Test
  void theExactBackendsNeverFail() {
    for (Backend exact : new Backend[] {TestBackends.exact(), TestBackends.rational()}) {
      Optional<Counterexample> none = smallestFailingWordSize(exact);
      assertTrue(none.isEmpty(), () -> exact.name() + " failed: " + none.get());
    }
  }

  @Test
  void eachFormatFirstFailsWhereTheRecordSays() {
    assertEquals(List.of("bfloat16", "float16", "float32", "float64"),
        List.copyOf(FloatingPointLimits.recordedBackends()));
    for (String name : FloatingPointLimits.recordedBackends()) {
      Optional<Counterexample> c = smallestFailingWordSize(Backends.named(name));
      OptionalInt measured = c.map(x -> OptionalInt.of(x.original().config().wordBits()))
          .orElse(OptionalInt.empty());
      assertEquals(FloatingPointLimits.firstFailingWordBits(name), measured,
          () -> name + ": " + c.map(Object::toString).orElse("no failure"));
      c.ifPresent(x -> {
        assertTrue(x.divergence().isPresent(), "the first diverging layer is reported");
        assertEquals(measured.getAsInt(), x.config().wordBits(), "shrinking keeps N: " + x);
      });
    }
  }
}
