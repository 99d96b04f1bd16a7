package org.loopmlp.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The citations of a source tree: every file may cite the project's specification, {@code
 * docs/SPEC.md}, as "SPEC §n" or "SPEC §n.m" (ranges "SPEC §7–§9"), and each cited section must be
 * a heading of that file; nothing may cite the design note that lived outside the repository
 * (by its file name or as "DESIGN" followed by a section sign), which a clone does not contain.
 * Inside SPEC.md, bare "§n" must exist too.
 */
final class Citations {
  static final Path SPEC = Path.of("docs", "SPEC.md");

  private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ",
      Pattern.MULTILINE);
  private static final Pattern SPEC_CITE =
      Pattern.compile("SPEC §(\\d+(?:\\.\\d+)?)(?:[–-]§(\\d+(?:\\.\\d+)?))?");
  private static final Pattern BARE_CITE = Pattern.compile("§(\\d+(?:\\.\\d+)?)");
  private static final Pattern DESIGN_CITE = Pattern.compile("DESIGN(?:\\.md)? §|DESIGN\\.md");
  private static final Set<String> TEXT = Set.of("java", "md", "txt", "sh", "xml", "properties");

  private Citations() {}

  /** The section numbers ("4", "4.6") that {@code spec} defines as headings. */
  static Set<String> sections(String spec) {
    Set<String> s = new LinkedHashSet<>();
    Matcher m = HEADING.matcher(spec);
    while (m.find()) {
      s.add(m.group(1));
    }
    return s;
  }

  /** One problem per line, {@code path:line: what}, for every file under {@code root}. */
  static List<String> problems(Path root, Set<Path> allowedDesign) {
    Set<String> sections = sections(read(root.resolve(SPEC)));
    List<String> problems = new ArrayList<>();
    for (Path file : files(root)) {
      Path rel = root.relativize(file);
      String[] lines = read(file).split("\n", -1);
      boolean isSpec = rel.equals(SPEC);
      for (int i = 0; i < lines.length; i++) {
        String where = rel + ":" + (i + 1) + ": ";
        if (!allowedDesign.contains(rel) && DESIGN_CITE.matcher(lines[i]).find()) {
          problems.add(where + "cites the design note outside the repository; cite docs/SPEC.md");
        }
        Matcher m = (isSpec ? BARE_CITE : SPEC_CITE).matcher(lines[i]);
        while (m.find()) {
          for (int g = 1; g <= m.groupCount(); g++) {
            String n = m.group(g);
            if (n != null && !sections.contains(n)) {
              problems.add(where + "cites §" + n + ", which docs/SPEC.md does not have");
            }
          }
        }
      }
    }
    return problems;
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              String n = part.toString();
              if (n.equals("target") || n.startsWith(".")) {
                return false;
              }
            }
            String name = p.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot < 0 || TEXT.contains(name.substring(dot + 1));
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
