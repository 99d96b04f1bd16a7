package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;

/** What {@code --help} says agrees with what the tool does. */
class HelpTextTest {
  private static String help(String... command) {
    String[] args = new String[command.length + 1];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--help";
    Cli.Result r = Cli.run(args);
    assertEquals(ExitCodes.OK, r.code(), r.err());
    return r.out().replaceAll("\\s+", " ");
  }

  @Test
  void theTopLevelExitCodesIncludeTheInternalError() {
    assertTrue(help().contains("70 internal error"), help());
  }

  @Test
  void everyCommandThatTakesAProgramNamesBothFormats() {
    for (String command : List.of("run", "trace", "bench")) {
      String h = help(command);
      assertTrue(h.contains("FILE.slq with --isa classic"), command + ": " + h);
    }
  }

  @Test
  void everyCommandThatBuildsANetworkTakesIsa() {
    for (String command : List.of("run", "trace", "check", "prove", "stats", "export", "bench",
        "run-corpus")) {
      assertTrue(help(command).contains("--isa=ISA The machine: subleq"), command);
    }
  }

  @Test
  void benchNamesTheBackendsOfItsTable() {
    String h = help("bench");
    // The default is the exact-arith backends, listed; ONNX Runtime ones only when named.
    String names = String.join(", ", Backends.all().stream().map(Backend::name).toList());
    assertTrue(h.contains(names), h);
    assertTrue(h.contains("the ONNX Runtime backends only when named"), h);
  }

  @Test
  void proveCountsTheStageLemmasOfEachConstruction() {
    String h = help("prove");
    MachineConfig config = MachineConfig.of(4, 2, 2);
    assertEquals(6, Constructions.build("paper", config).lemmas().size());
    for (String name : List.of("compact", "onehot", "onehot-split", "narrow")) {
      assertEquals(4, Constructions.build(name, config).lemmas().size(), name);
    }
    assertTrue(h.contains("six for paper; four for compact, onehot, onehot-split and narrow"), h);
    assertFalse(h.contains("each of the six stage lemmas"), h);
  }
}
