package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.isa.MachineConfig;

class ExportCommandTest {
  @Test
  void exportedFileReadsBackAsTheBuiltNetwork(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("net-4-2-3.txt.gz");
    Cli.Result r = Cli.run("export", "--config", "4,2,3", "--out", out.toString(), "--npz");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    Network read = NetworkFormat.read(out);
    Network built = PaperConstruction.build(MachineConfig.of(4, 2, 3)).network();
    assertEquals(built, read);
    assertEquals(built.inputNames(), read.inputNames());
    Path npz = dir.resolve("net-4-2-3.npz");
    assertTrue(Files.size(npz) > 0, "npz written next to the network file");
  }

  @Test
  void npzPathCanBeGiven(@TempDir Path dir) throws Exception {
    Path npz = dir.resolve("arrays.npz");
    Cli.Result r = Cli.run("export", "--config", "2,1,1", "--out", dir.resolve("n.txt")
        .toString(), "--npz=" + npz);
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(Files.exists(npz));
  }
}
