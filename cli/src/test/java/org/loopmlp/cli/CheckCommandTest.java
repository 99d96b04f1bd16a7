package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

class CheckCommandTest {
  @Test
  void smallCheckHoldsAndEndsWithAVerdict() {
    Cli.Result r = Cli.run("check", "--config", "4,2,2", "--tries", "30", "--seed", "3");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
    assertTrue(lines.get(lines.size() - 1).startsWith("verdict: HOLDS"), r.out());
    assertTrue(r.out().contains("subtract"), r.out());
  }

  @Test
  void withoutAConfigEveryExampleProgramIsChecked() {
    Cli.Result r = Cli.run("check", "--tries", "0");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    for (String name : org.loopmlp.isa.ExampleLibrary.NAMES) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + name + " ")
          && l.contains(" agree ")), name + " missing in\n" + r.out());
    }
  }

  @Test
  void sameSeedSameRun() {
    Cli.Result a = Cli.run("check", "--config", "4,2,2", "--tries", "20", "--seed", "11");
    Cli.Result b = Cli.run("check", "--config", "4,2,2", "--tries", "20", "--seed", "11");
    assertEquals(a.out(), b.out());
  }

  @Test
  void aBrokenBranchIsReportedAtTheBranchStage() {
    MachineConfig config = MachineConfig.of(4, 2, 2);
    Construction good = PaperConstruction.build(config);
    int last = good.depth() - 1;
    SparseLayer layer = good.network().layer(last);
    int pcBit0 = good.layout().indexOf(Direction.named("pc.bit[0]"));
    // The last layer writes pc; bias +1 on pc.bit[0] adds 1 to that bit of every next pc.
    Construction broken = good.withNetwork(
        good.network().withLayer(last, layer.withBias(pcBit0, layer.bias(pcBit0).add(
            Rational.ONE))));
    // mem[1] = 5, mem[0] = 0: "0 1 2" leaves 5 > 0, so the reference goes to pc 1, whose bit 0
    // is already 1: the broken layer writes 2 there, which is not a bit.
    Program program = Program.padded(config,
        List.of(Instruction.of(0, 1, 2), Instruction.of(1, 1, 2)), 0);
    MachineState state = MachineState.of(config, new long[] {0, 5, 0, 0}, 0);
    Differential.Outcome o = Differential.run(
        LoopedMlp.checked(broken, Backends.named("rational")), program, state, 4);
    assertTrue(o.disagreement().isPresent());
    Differential.Disagreement d = o.disagreement().get();
    assertEquals(0, d.pass(), d.describe());
    assertTrue(d.where().startsWith("stage branch"), d.describe());
    assertTrue(d.where().endsWith("direction pc.bit[0]"), d.describe());
    assertEquals("2", d.got(), d.describe());

    Differential.Outcome fine = Differential.run(
        LoopedMlp.checked(good, Backends.named("rational")), program, state, 4);
    assertTrue(fine.disagreement().isEmpty());
  }

  @Test
  void edgeValuesFitTheWordAndIncludeTheExtremes() {
    MachineConfig c = MachineConfig.of(5, 1, 1);
    long[] edges = RandomMachines.edgeValues(c);
    assertTrue(java.util.Arrays.stream(edges).allMatch(c::fitsWord));
    assertTrue(java.util.Arrays.stream(edges).anyMatch(v -> v == -16));
    assertTrue(java.util.Arrays.stream(edges).anyMatch(v -> v == 15));
  }
}
