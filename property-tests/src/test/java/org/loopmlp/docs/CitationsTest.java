package org.loopmlp.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every citation of the specification in the repository names a section it has. */
class CitationsTest {
  private static final Path ROOT = Path.of("..");

  /**
   * The top-level README.md is merged centrally; it still names the old design note until then.
   * Remove it from this set once it cites docs/SPEC.md.
   */
  private static final Set<Path> PENDING = Set.of(Path.of("README.md"));

  @Test
  void theRepositoryCitesOnlySectionsOfItsOwnSpecification() {
    List<String> problems = Citations.problems(ROOT, PENDING);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theSpecificationNumbersItsSections() {
    Set<String> sections = Citations.sections(readSpec());
    for (String s : List.of("1", "2", "2.3", "2.4", "3", "4", "4.5", "5", "6", "7", "7.4", "8",
        "8.1", "8.6", "9", "9.2", "10", "11", "12")) {
      assertTrue(sections.contains(s), "SPEC has no section " + s + ": " + sections);
    }
  }

  @Test
  void catchesAMissingSectionAndTheOldDesignNote(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/SPEC.md"), "## 1. One\n### 1.1 Sub\n## 2. Two\n"
        + "see §1.1 and §3\n");
    String spec = "SPEC"; // spelled apart so that this file does not cite these sections itself
    Files.writeString(root.resolve("A.java"), "/** as in " + spec + " §1.1 and " + spec
        + " §1–§2. */\n/** " + spec + " §4.2 */\n");
    Files.writeString(root.resolve("B.md"), "the " + "DESIGN" + " §2 format\n");
    List<String> problems = Citations.problems(root, Set.of());
    assertEquals(List.of(
        "A.java:2: cites §4.2, which docs/SPEC.md does not have",
        "B.md:1: cites the design note outside the repository; cite docs/SPEC.md",
        "docs/SPEC.md:4: cites §3, which docs/SPEC.md does not have"), problems);
  }

  private static String readSpec() {
    try {
      return Files.readString(ROOT.resolve(Citations.SPEC));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
