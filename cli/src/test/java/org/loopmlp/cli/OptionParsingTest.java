package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.TypeConversionException;

class OptionParsingTest {
  @Test
  void configIsWordDataCode() {
    assertEquals(MachineConfig.of(16, 12, 10), Configs.parse("16,12,10"));
    assertEquals("8,4,4", Configs.format(MachineConfig.of(8, 4, 4)));
  }

  @Test
  void configMistakesNameTheProblem() {
    assertTrue(assertThrows(TypeConversionException.class, () -> Configs.parse("8,4"))
        .getMessage().contains("expected N,A,C"));
    assertTrue(assertThrows(TypeConversionException.class, () -> Configs.parse("8,x,4"))
        .getMessage().contains("data address bits A must be an integer"));
    assertTrue(assertThrows(TypeConversionException.class, () -> Configs.parse("99,4,4"))
        .getMessage().contains("word bits N"));
  }

  @Test
  void rangesAreInclusive() {
    assertEquals(List.of(4, 5, 6), IntRange.parse("4..6").values().boxed().toList());
    assertEquals(List.of(8), IntRange.parse("8").values().boxed().toList());
    assertThrows(TypeConversionException.class, () -> IntRange.parse("6..4"));
    assertEquals(1L << 32, IntRange.parse("-2147483648..2147483647").size());
    assertThrows(TypeConversionException.class, () -> IntRange.parse("a..4"));
  }

  @Test
  void jsonEscapesAndKeepsOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of(true, "x\"y\n"));
    m.put("n", null);
    m.put("mem", new long[] {-1, 2});
    assertEquals("{\"b\":1,\"a\":[true,\"x\\\"y\\n\"],\"n\":null,\"mem\":[-1,2]}", Json.write(m));
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    Cli.Result r = Cli.run("--no-such-option");
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  @Test
  void versionNamesTheProject() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("loopmlp "), r.out());
  }

  @Test
  void memoryBudgetRefusesWithTheEstimate() {
    UserError e = assertThrows(UserError.class,
        () -> MemoryBudget.require("the network for 16,20,20", 3L << 30, 1L << 30));
    assertTrue(e.getMessage().contains("3.0 GiB"),
        e.getMessage());
    assertTrue(e.getMessage().contains("1.0 GiB"), e.getMessage());
  }
}
