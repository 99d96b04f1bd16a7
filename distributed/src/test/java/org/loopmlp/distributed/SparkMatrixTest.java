package org.loopmlp.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.isa.ClassicExample;
import org.loopmlp.isa.ClassicExampleLibrary;
import picocli.CommandLine;

/**
 * {@code matrix} on embedded Spark over a corpus folder made here from the repository's own
 * classic examples (examples/classic, with the outputs their README states, written out here),
 * and a proof cell: every cell passes, a program given a wrong expected output fails its cells,
 * and the JSON holds the table's rows.
 */
class SparkMatrixTest {
  @TempDir Path dir;

  /** The outputs of examples/README.md's table, literally. */
  private static final Map<String, String> OUTPUT = Map.of("hello", "Hello, world!\n",
      "pointer", "SUBLEQ\n", "countdown", "9876543210\n", "echo", "hello, echo\n",
      "head", "SUB", "add", "9+5=14\n", "offend", "ok");

  /** A corpus folder of the examples; {@code wrong} is given a wrong expected output. */
  private Path corpus(String wrong) throws Exception {
    Path c = Files.createDirectories(dir.resolve("corpus"));
    StringBuilder manifest = new StringBuilder("| program | N | A | steps | input |\n|---|---|"
        + "---|---|---|\n");
    for (ClassicExample e : ClassicExampleLibrary.all()) {
      var config = e.program().config();
      manifest.append("| ").append(e.name()).append(" | ").append(config.wordBits())
          .append(" | ").append(config.memoryBits()).append(" | 1 | - |\n");
      Files.writeString(c.resolve(e.name() + ".slq"), "# " + e.name() + "\n"
          + java.util.Arrays.stream(e.program().image()).mapToObj(Long::toString)
              .collect(Collectors.joining(" ")) + "\n");
      if (e.input().length > 0) {
        Files.write(c.resolve(e.name() + ".input"), e.input());
      }
      String out = OUTPUT.get(e.name()) + (e.name().equals(wrong) ? "!" : "");
      Files.write(c.resolve(e.name() + ".expected"), out.getBytes(StandardCharsets.ISO_8859_1));
    }
    Files.writeString(c.resolve("MANIFEST.md"), manifest);
    return c;
  }

  private MatrixJob job(String... args) {
    MatrixJob job = new MatrixJob();
    new CommandLine(job).parseArgs(args);
    return job;
  }

  @Test
  void everyExampleOnEveryConstructionAndBackendAgreesAndAProofCellIsChecked()
      throws Exception {
    MatrixJob job = job("--corpus", corpus(null).toString(), "--prove", "paper,compact",
        "--sizes", "4,3,3;8,4,4");
    List<MatrixCell> cells = job.cells();
    // 7 programs x 2 constructions, and 2 constructions x 2 sizes
    assertEquals(7 * 2 + 2 * 2, cells.size());
    List<MatrixCell.Row> rows = MatrixJob.run(SharedSpark.get(), cells);
    assertEquals(7 * 2 * 2 + 4, rows.size());
    for (MatrixCell.Row r : rows) {
      assertTrue(r.ok(), r.toString());
      if (r.kind().equals(MatrixCell.RUN)) {
        assertEquals("output identical, agrees at every step", r.outcome(), r.toString());
      } else {
        assertEquals("proved, checker accepted", r.outcome(), r.toString());
      }
    }
    // the table is in the cells' order: programs first, as the manifest lists them
    assertEquals("hello", rows.get(0).program());
    assertEquals(List.of("exact", "incremental"), rows.subList(0, 2).stream()
        .map(MatrixCell.Row::backend).toList());
    StringWriter table = new StringWriter();
    MatrixJob.print(new PrintWriter(table), rows, "test", 1.0, 0);
    assertTrue(table.toString().contains("matrix: 32 rows, 0 failed"), table.toString());
  }

  @Test
  void aWrongOutputFailsItsCellsAndTheExitCode() throws Exception {
    Path json = dir.resolve("m.json");
    StringWriter out = new StringWriter();
    // the command's steps, on the shared context (a JVM holds one context at a time)
    MatrixJob job = job("--corpus", corpus("countdown").toString(), "--prove", "none",
        "--constructions", "classic", "--backends", "incremental", "--json", json.toString());
    List<MatrixCell.Row> rows = MatrixJob.run(SharedSpark.get(), job.cells());
    assertEquals(7, rows.size());
    for (MatrixCell.Row r : rows) {
      assertEquals(!r.program().equals("countdown"), r.ok(), r.toString());
    }
    assertEquals("output DIFFERS, agrees at every step",
        rows.stream().filter(r -> !r.ok()).findFirst().orElseThrow().outcome());
    assertEquals(1, job.finish(new PrintWriter(out), rows, "test", 1.0));
    assertTrue(out.toString().contains("FAILED: output DIFFERS"), out.toString());
    String written = Files.readString(json);
    assertTrue(written.contains("\"failed\": 1"), written);
    assertEquals(7, written.split("\"kind\": \"run\"", -1).length - 1, written);
  }
}
