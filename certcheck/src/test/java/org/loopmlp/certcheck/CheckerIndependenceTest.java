package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker trusts neither the prover nor the construction: its sources import only java.*
 * and the exact network types, and never name another loopmlp package. It stays small enough to
 * audit: at most 1,600 lines with its documentation for both machines and every format (issue
 * 17; scripts/trust-base counts the same files), under 1,350 without comments and blank lines.
 */
class CheckerIndependenceTest {
  private static final Path SOURCES = Path.of("src/main/java/org/loopmlp/certcheck");
  private static final Set<String> ALLOWED = Set.of("org.loopmlp.exact.Network",
      "org.loopmlp.exact.NetworkFormat", "org.loopmlp.exact.NetworkFormatException",
      "org.loopmlp.exact.Rational",
      "org.loopmlp.exact.SparseLayer");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.list(SOURCES)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void importsOnlyJavaAndTheNetworkTypes() throws IOException {
    List<Path> files = sources();
    assertTrue(files.size() >= 3, "checker sources not found under " + SOURCES.toAbsolutePath());
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (String line : lines) {
        String t = line.trim();
        if (t.startsWith("import ")) {
          String name = t.substring(7).replace("static ", "").replace(";", "").trim();
          assertTrue(name.startsWith("java.") || ALLOWED.contains(name),
              f.getFileName() + " imports " + name);
        }
        for (String forbidden : List.of("org.loopmlp.prove", "org.loopmlp.construction",
            "org.loopmlp.isa")) {
          assertTrue(!t.contains(forbidden) || t.startsWith("*") || t.startsWith("/"),
              f.getFileName() + " names " + forbidden + ": " + t);
        }
      }
    }
  }

  @Test
  void isSmallEnoughToAudit() throws IOException {
    long total = 0;
    long code = 0;
    for (Path f : sources()) {
      List<String> lines = Files.readAllLines(f);
      total += lines.size();
      code += lines.stream().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("*") && !l.startsWith("/")).count();
    }
    assertTrue(total <= 1600, "the checker has " + total + " lines");
    assertTrue(code < 1350, "the checker has " + code + " lines of code");
    assertEquals("org.loopmlp.certcheck",
        CertificateChecker.class.getPackageName());
  }

  /**
   * Every method of the checker is at most 60 lines, from its signature to its closing brace
   * (a member of a top-level class: indented by two spaces), so each lemma can be read at once.
   */
  @Test
  void everyMethodIsAtMostSixtyLines() throws IOException {
    int methods = 0;
    for (Path f : sources()) {
      List<String> lines = Files.readAllLines(f);
      int start = -1;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.matches("  [A-Za-z<].*\\(.*") && !l.contains(" = ") && !l.endsWith(";")) {
          start = i;
        } else if (l.equals("  }") && start >= 0) {
          assertTrue(i - start + 1 <= 60, f.getFileName() + ": " + lines.get(start).trim()
              + " is " + (i - start + 1) + " lines");
          methods++;
          start = -1;
        }
      }
    }
    assertTrue(methods > 50, "found only " + methods + " methods");
  }
}
