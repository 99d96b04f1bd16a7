package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.RunResult;
import org.loopmlp.isa.SubleqRunner;
import org.loopmlp.isa.asm.SqAssembler;
import org.loopmlp.isa.asm.SqProgram;

class RunCommandTest {
  /**
   * Counts X = 5 down to 0, adding 3 to Y (subtracting -3) after each of the four decrements
   * that leave X > 0 and once more at "last": Y ends at 5 * 3 = 15.
   */
  static final String COUNTDOWN = String.join("\n",
      ".config word=8 data=3 code=3",
      ".data",
      "Z:     0",
      "ONE:   1",
      "MTHREE: -3",
      "X:     5",
      "Y:     0",
      ".code",
      "loop: ONE X last",
      "      MTHREE Y",
      "      Z Z loop",
      "last: MTHREE Y",
      "");

  static Path write(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(Cli.Result r) {
    List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "exactly one JSON object expected:\n" + r.out());
    return (Map<String, Object>) MiniJson.parse(lines.get(0));
  }

  static List<Long> memoryOf(MachineState s) {
    List<Long> m = new ArrayList<>();
    for (long v : s.memory()) {
      m.add(v);
    }
    return m;
  }

  @Test
  void jsonOfBothEnginesMatchesTheReferenceMachine(@TempDir Path dir) throws Exception {
    Path file = write(dir, "countdown.sq", COUNTDOWN);
    Cli.Result r = Cli.run("run", file.toString(), "--json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    Map<String, Object> o = json(r);

    SqProgram p = SqAssembler.parse(COUNTDOWN, "countdown.sq");
    RunResult expected = SubleqRunner.run(p.program(), p.initialState(), 10_000);
    assertTrue(expected.halted());
    assertEquals(Map.of("word", 8L, "data", 3L, "code", 3L), o.get("config"));
    assertEquals("both", o.get("engine"));
    assertEquals("exact", o.get("backend"));
    assertEquals((long) expected.steps(), o.get("steps"));
    assertEquals(true, o.get("halted"));
    assertEquals((long) expected.finalState().pc(), o.get("pc"));
    assertEquals(memoryOf(expected.finalState()), o.get("memory"));
    assertEquals(15L, ((List<?>) o.get("memory")).get(4), "Y = 5 * 3");
    assertEquals(true, o.get("agree"));
    assertTrue(o.containsKey("firstDisagreement"));
    assertNull(o.get("firstDisagreement"));
  }

  @Test
  void referenceEngineAloneHasNoBackendAndNoAgreement(@TempDir Path dir) throws Exception {
    Path file = write(dir, "countdown.sq", COUNTDOWN);
    Map<String, Object> o = json(Cli.run("run", file.toString(), "--engine", "reference",
        "--json"));
    assertEquals("reference", o.get("engine"));
    assertNull(o.get("backend"));
    assertNull(o.get("agree"));
  }

  @Test
  void stepLimitStopsARunThatHasNotHalted(@TempDir Path dir) throws Exception {
    Path file = write(dir, "countdown.sq", COUNTDOWN);
    Map<String, Object> o = json(Cli.run("run", file.toString(), "--engine", "mlp",
        "--backend", "rational", "--max-steps", "4", "--json"));
    SqProgram p = SqAssembler.parse(COUNTDOWN, "countdown.sq");
    RunResult expected = SubleqRunner.run(p.program(), p.initialState(), 4);
    assertEquals(4L, o.get("steps"));
    assertEquals(false, o.get("halted"));
    assertEquals(memoryOf(expected.finalState()), o.get("memory"));
  }

  @Test
  void textOutputSaysTheEnginesAgree(@TempDir Path dir) throws Exception {
    Path file = write(dir, "countdown.sq", COUNTDOWN);
    Cli.Result r = Cli.run("run", file.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("agree at every step"), r.out());
  }
}
