package org.loopmlp.construction.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.construction.stage.AddressDecoding;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;

/**
 * What a changed result r costs the write stage: the instruction {@code 1 2 0} with mem[2] = 4
 * and mem[1] going from 0 to 1, so r goes from 4 to 3 (bits 0, 1 and 2 change, the branch does
 * not) at the same address rb = 2.
 */
class ChangeCostTest {
  private static final MachineConfig CONFIG = MachineConfig.of(8, 6, 4);
  private static final int CHANGED_R_BITS = 3;

  @Test
  void theCaseChangesThreeBitsOfROnly() {
    Program program = program();
    StepDetail before = SubleqMachine.detail(program, state(0));
    StepDetail after = SubleqMachine.detail(program, state(1));
    assertEquals(2, before.b());
    assertEquals(2, after.b());
    assertEquals(before.branch(), after.branch());
    assertEquals(4, before.result());
    assertEquals(3, after.result());
    assertEquals(CHANGED_R_BITS, Long.bitCount(before.result() ^ after.result()));
  }

  /** Rows that read the changed bit 0 of mem[1] in a gate layer: its copy and z[1].bit[0]. */
  private static final int MEMORY_BIT_ROWS = 2;

  @Test
  void oneHotGatesEveryCellWithEveryChangedBitOfR() {
    // y[i].bit[j] = hot[i] AND r.bit[j]: a changed bit of r is read in every cell.
    Construction c = OneHotConstruction.build(CONFIG);
    assertEquals(CHANGED_R_BITS * CONFIG.dataSize() + MEMORY_BIT_ROWS, gateRows(c));
  }

  @Test
  void splitRoutesAChangedBitOfRThroughTheHalvesOfRb() {
    Construction c = OneHotConstruction.buildSplit(CONFIG);
    int low = AddressDecoding.lowWidth(CONFIG.dataBits());
    int high = CONFIG.dataBits() - low;
    // A changed bit j of r is read by t[u].bit[j] for each of the 2^h low units (and the copy of
    // mem[1].bit[0]; r itself is cleared there by branch, whose flag does not change); only
    // t[rb mod 2^h].bit[j] changes, read by y[i].bit[j] for the 2^(A-h) cells i of that low half.
    assertEquals(CHANGED_R_BITS * (1 << low) + 1,
        rowsTouched(c, "write+branch.decode+choose"));
    assertEquals(CHANGED_R_BITS * (1 << high) + MEMORY_BIT_ROWS, gateRows(c));
  }

  private static long gateRows(Construction c) {
    return c.layers().stream().filter(l -> l.label().startsWith("write+branch.gate"))
        .mapToLong(l -> rowsTouched(c, l.label())).sum();
  }

  private static long rowsTouched(Construction c, String label) {
    StateCodec codec = StateCodec.forConstruction(c);
    ChangeCost.Cost cost = ChangeCost.of(c, codec.encode(program(), state(0)),
        codec.encode(program(), state(1)));
    long rows = 0;
    boolean found = false;
    for (LayerInfo l : c.layers()) {
      if (l.label().equals(label)) {
        rows += cost.rowsTouched()[l.index()];
        found = true;
      }
    }
    assertTrue(found, "no layer " + label);
    return rows;
  }

  private static Program program() {
    return Program.padded(CONFIG, List.of(Instruction.of(1, 2, 0)), 0);
  }

  private static MachineState state(long memOne) {
    return MachineState.initial(CONFIG).withWord(2, 4).withWord(1, memOne);
  }
}
