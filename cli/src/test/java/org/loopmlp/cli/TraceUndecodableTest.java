package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On float32 a pass's output can stop being the encoding of any machine state. trace reports
 * that as a finding (exit 1, on stdout), never as an internal error with a stack trace.
 */
class TraceUndecodableTest {
  /** 32-bit words with values beyond float32's 24-bit significand in every subtraction. */
  static final String WIDE = String.join("\n",
      ".config word=32 data=2 code=2",
      ".data",
      "Z: 0",
      "A: 2147483647",
      "B: -2147483648",
      "C: 16777217",
      ".code",
      "A B",
      "C A",
      "B C",
      "Z Z 0",
      "");

  @Test
  void aPassBeyondAnUndecodableOutputNamesThePassToTrace(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "wide.sq", WIDE);
    Cli.Result far = Cli.run("trace", f.toString(), "--pass", "8", "--backend", "float32");
    assertEquals(ExitCodes.FOUND, far.code(), far.out() + far.err());
    assertEquals("", far.err());
    Matcher m = Pattern.compile("the network's output after pass (\\d+) is not a machine state"
        + " \\(cannot decode: [^)]*\\), so pass 8 is never reached").matcher(far.out());
    assertTrue(m.find(), far.out());
    int failing = Integer.parseInt(m.group(1));
    assertTrue(failing < 8, far.out());
    assertTrue(far.out().contains("loopmlp trace " + f + " --pass " + failing
        + " --backend float32"), far.out());

    // The named pass is traced layer by layer and ends in the decoding failure ...
    Cli.Result at = Cli.run("trace", f.toString(), "--pass", Integer.toString(failing),
        "--backend", "float32");
    assertEquals(ExitCodes.FOUND, at.code(), at.out() + at.err());
    assertEquals("", at.err());
    assertTrue(at.out().lines().anyMatch(l -> l.startsWith("12 ")), at.out());
    assertTrue(at.out().contains("result: the output is not a machine state (cannot decode: "),
        at.out());
    // ... and every pass before it decodes.
    for (int p = 0; p < failing; p++) {
      Cli.Result before = Cli.run("trace", f.toString(), "--pass", Integer.toString(p),
          "--backend", "float32");
      assertFalse(before.out().contains("not a machine state"), before.out());
      assertTrue(before.out().contains("result: pc "), before.out());
    }
  }

  @Test
  void runOfTheNetworkAloneNamesThePassAndKeepsTheStateBeforeIt(@TempDir Path dir)
      throws Exception {
    Path f = RunCommandTest.write(dir, "wide.sq", WIDE);
    Cli.Result r = Cli.run("run", f.toString(), "--engine", "mlp", "--backend", "float32",
        "--json");
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    java.util.Map<String, Object> o = RunCommandTest.json(r);
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> d = (java.util.Map<String, Object>) o.get("firstDisagreement");
    long pass = ((Number) d.get("pass")).longValue();
    assertTrue(pass >= 0, r.out());
    assertEquals("decoding the output", d.get("where"));
    // The run reported is the one of exactly that many passes, which decodes throughout.
    assertEquals(pass, ((Number) o.get("steps")).longValue(), r.out());
    Cli.Result upTo = Cli.run("run", f.toString(), "--engine", "mlp", "--backend", "float32",
        "--max-steps", Long.toString(pass), "--json");
    assertEquals(ExitCodes.OK, upTo.code(), upTo.out() + upTo.err());
    java.util.Map<String, Object> u = RunCommandTest.json(upTo);
    assertEquals(u.get("memory"), o.get("memory"));
    assertEquals(u.get("pc"), o.get("pc"));
    // trace names the same pass.
    Cli.Result t = Cli.run("trace", f.toString(), "--pass", "8", "--backend", "float32");
    assertTrue(t.out().contains("output after pass " + pass + " is not a machine state"),
        t.out());
  }
}
