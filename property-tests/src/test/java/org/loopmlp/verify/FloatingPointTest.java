package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.Backend;
import org.loopmlp.construction.PaperConstruction;

/**
 * Where floating point breaks the construction: the same end-to-end campaign on float64 and
 * float32 for N = 2, 3, ..., 32 (A = C = 1), reporting the smallest N that fails, the shrunk
 * counterexample and the first layer where the float run leaves exact evaluation. The exact
 * backends never fail.
 */
class FloatingPointTest {
  private static final int TRIES = 60;

  /** The first N (with its counterexample) at which {@code backend} fails, if any. */
  private static Optional<Counterexample> smallestFailingWordSize(Backend backend) {
    for (int n = 2; n <= PaperConstruction.MAX_WORD_BITS; n++) {
      DifferentialCampaign.Settings s = new DifferentialCampaign.Settings(
          new ConfigRange(n, n, 1, 1, 1, 1), TRIES, 4, 7 + n, false);
      DifferentialCampaign.Result r = DifferentialCampaign.paper(backend)
          .run(s, DifferentialCampaign.Progress.NONE);
      if (!r.passed()) {
        return r.counterexample();
      }
    }
    return Optional.empty();
  }

  @Test
  void float32FailsAtSomeWordSizeAndTheExactBackendsNever() {
    for (Backend exact : new Backend[] {TestBackends.exact(), TestBackends.rational()}) {
      Optional<Counterexample> none = smallestFailingWordSize(exact);
      assertTrue(none.isEmpty(), () -> exact.name() + " failed: " + none.get());
      System.out.println(exact.name() + ": no failure up to N=" + PaperConstruction.MAX_WORD_BITS);
    }
    Optional<Counterexample> f64 = smallestFailingWordSize(TestBackends.float64());
    System.out.println(f64.map(c -> "float64: first fails at N=" + c.original().config()
        .wordBits() + "\n" + c).orElse("float64: no failure up to N="
        + PaperConstruction.MAX_WORD_BITS));
    Optional<Counterexample> f32 = smallestFailingWordSize(TestBackends.float32());
    assertTrue(f32.isPresent(), "float32 should fail once sums of 2^j exceed its 24-bit mantissa");
    Counterexample c = f32.get();
    System.out.println("float32: first fails at N=" + c.original().config().wordBits() + "\n"
        + c);
    assertTrue(c.divergence().isPresent(), "the first diverging layer is reported");
  }
}
