package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cli/README.md shows what the tool prints today: every fast documented command is run in process
 * and its (normalised) output must equal the block in the README. After a change of output,
 * {@code scripts/cli-readme} regenerates the blocks.
 */
class CliReadmeTest {
  private static final Path REPOSITORY = Path.of("..");
  private static final Path README = REPOSITORY.resolve("cli/README.md");

  @Test
  void theDocumentedOutputIsWhatTheToolPrints(@TempDir Path work) throws IOException {
    List<String> lines = Files.readAllLines(README);
    List<CliReadme.Block> blocks = CliReadme.blocks(lines);
    assertTrue(blocks.stream().filter(b -> !b.isFile() && !b.slow()).count() >= 5,
        "the README documents its commands in run blocks");
    String regenerated = new CliReadme(REPOSITORY, work).regenerate(lines, false);
    String documented = String.join("\n", lines) + "\n";
    if (!documented.equals(regenerated)) {
      Path actual = Path.of("target", "README.actual.md");
      Files.writeString(actual, regenerated);
      assertEquals(documented, regenerated, "cli/README.md no longer shows what the tool prints "
          + "(what it prints now: cli/" + actual + "); run scripts/cli-readme");
    }
  }

  /**
   * Every shown command ({@code $ loopmlp ...} at the top of a fenced block) is a run block, so
   * the test (or, for a slow one, scripts/cli-readme) produces its output; only a recorded
   * measurement, marked {@code <!-- measured: why -->}, is shown as it was.
   */
  @Test
  void everyShownCommandIsRun() throws IOException {
    List<String> lines = Files.readAllLines(README);
    List<CliReadme.Block> blocks = CliReadme.blocks(lines);
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("$ ") || !lines.get(i - 1).startsWith("```")) {
        continue;
      }
      int line = i;
      boolean inRunBlock = blocks.stream().anyMatch(b -> !b.isFile() && b.first() < line
          && line < b.last());
      boolean measured = i >= 2 && lines.get(i - 2).startsWith("<!-- measured: ");
      assertTrue(inRunBlock || measured, "cli/README.md line " + (i + 1) + " shows a command"
          + " that no run block runs: " + lines.get(i));
    }
    // The classic machine's commands are among the fast blocks the test compares.
    for (String command : List.of("run ok.slq --isa classic", "trace ok.slq --isa classic",
        "stats --isa classic", "prove --isa classic", "export --isa classic")) {
      assertTrue(blocks.stream().anyMatch(b -> !b.isFile() && !b.slow()
          && b.text().contains(command)), command);
    }
  }

  @Test
  void aDriftedBlockIsCaught(@TempDir Path work) throws IOException {
    List<String> readme = List.of("intro", "<!-- run: loopmlp run examples/gcd.sq --json -->",
        "```", "$ loopmlp run examples/gcd.sq --json", "{\"steps\":23}", "```", "<!-- end -->");
    String regenerated = new CliReadme(REPOSITORY, work).regenerate(readme, false);
    assertTrue(regenerated.contains("\"steps\":24"), regenerated);
    assertTrue(!regenerated.contains("\"steps\":23"), regenerated);
  }

  @Test
  void timesHeapAndPathsBecomePlaceholders() {
    assertEquals("17285 cases in <t> ms; <t> s; <rate> passes/s; only <heap> of heap",
        CliReadme.normalise("17285 cases in 22928 ms; 1.6 s; 58.5k passes/s; "
            + "only 5.9 GiB of heap"));
    assertEquals(CliReadme.normalise("decided    4426       313 ms  proved"),
        CliReadme.normalise("decided    4426     11937 ms  proved"));
  }
}
