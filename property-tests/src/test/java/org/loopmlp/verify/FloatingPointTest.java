package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;

/**
 * Where floating point breaks the construction: the same end-to-end campaign on each
 * floating-point backend for N = 2, 3, ..., 32 (A = C = 1), asserting the smallest N that fails
 * against the table in {@code FIRST_FAILURES.md} (the one place the figures live), with the
 * shrunk counterexample and the first layer where the float run leaves exact evaluation. The
 * exact backends never fail.
 */
class FloatingPointTest {
  private static final int TRIES = 60;
  private static final Path TABLE = Path.of("FIRST_FAILURES.md");

  /** The first N (with its counterexample) at which {@code backend} fails, if any. */
  private static Optional<Counterexample> smallestFailingWordSize(Backend backend) {
    for (int n = 2; n <= MachineConfig.MAX_WORD_BITS; n++) {
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

  /** Backend name to first failing N (empty: none up to 32), from {@code FIRST_FAILURES.md}. */
  static Map<String, OptionalInt> documentedFirstFailures() throws IOException {
    Pattern row = Pattern.compile("^\\| (\\w+) \\| \\d+ \\| (\\d+|none up to 32) \\|$");
    Map<String, OptionalInt> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(TABLE)) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        table.put(m.group(1), m.group(2).startsWith("none") ? OptionalInt.empty()
            : OptionalInt.of(Integer.parseInt(m.group(2))));
      }
    }
    return table;
  }

  @Test
  void theExactBackendsNeverFail() {
    for (Backend exact : new Backend[] {TestBackends.exact(), TestBackends.rational()}) {
      Optional<Counterexample> none = smallestFailingWordSize(exact);
      assertTrue(none.isEmpty(), () -> exact.name() + " failed: " + none.get());
    }
  }

  @Test
  void eachFormatFirstFailsWhereTheTableSays() throws IOException {
    Map<String, OptionalInt> table = documentedFirstFailures();
    assertEquals(java.util.List.of("float64", "float32", "float16", "bfloat16"),
        java.util.List.copyOf(table.keySet()), "rows of " + TABLE);
    for (Map.Entry<String, OptionalInt> e : table.entrySet()) {
      Optional<Counterexample> c = smallestFailingWordSize(Backends.named(e.getKey()));
      OptionalInt measured = c.map(x -> OptionalInt.of(x.original().config().wordBits()))
          .orElse(OptionalInt.empty());
      assertEquals(e.getValue(), measured, () -> e.getKey() + ": " + c.map(Object::toString)
          .orElse("no failure"));
      c.ifPresent(x -> {
        assertTrue(x.divergence().isPresent(), "the first diverging layer is reported");
        assertEquals(measured.getAsInt(), x.config().wordBits(), "shrinking keeps N: " + x);
      });
    }
  }
}
