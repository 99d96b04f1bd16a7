package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checker's own lemmas agree with the reference machine: on random steps every direction's
 * required value, at the stage's input, is the construction's lemma postcondition (itself stated
 * with the reference step), for the paper's stages and for the compact construction's stages run
 * side by side; the six lemmas compose into one step only in a valid order; and roles side by side
 * must not read what an earlier role of the stage changes. The construction's pre- and
 * postconditions on 300 random steps (seed 11) at (6, 2, 3) are checked-in fixtures ({@link
 * Fixtures}, one line {@code lemma NAME ROLES IN OUT} per step and stage).
 */
class LemmasTest {
  @ParameterizedTest
  @ValueSource(strings = {"paper", "compact"})
  void lemmasAgreeWithTheReferenceStep(String kind) throws IOException {
    Path file = Fixtures.dir("lemmas-" + kind + "-6-2-3.txt.gz");
    List<String> lines;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
      lines = r.lines().toList();
    }
    List<String> names = lines.stream().filter(l -> l.startsWith("name "))
        .map(l -> l.substring(5)).toList();
    PaperLemmas lemmas = new PaperLemmas(6, 2, 3);
    lemmas.bind(names);
    int steps = 0;
    for (String line : lines) {
      if (!line.startsWith("lemma ")) {
        continue;
      }
      String[] t = line.split(" ");
      byte[] x = new byte[names.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (byte) (t[3].charAt(i) - '0');
      }
      // a stage run side by side: the union of its roles' lemmas
      Value[] specs = lemmas.specs(t[2].split("\\+"), x.length);
      for (int o = 0; o < x.length; o++) {
        int want = (specs[o] == null ? Value.same(o) : specs[o]).expect(x, new int[x.length]);
        assertEquals(t[4].charAt(o) - '0', want >= 0 ? x[want] : -2 - want,
            t[1] + " " + names.get(o) + " in step " + steps / (kind.equals("paper") ? 6 : 4));
      }
      steps++;
    }
    assertEquals(300 * (kind.equals("paper") ? 6 : 4), steps);
  }

  @Test
  void theSixLemmasComposeIntoOneStepExactlyInValidOrders() {
    String[] paper = {"FETCH", "READ", "SUBTRACT", "WRITE", "NEXT_PC", "BRANCH"};
    assertEquals(PaperLemmas.referenceStep(), composed(paper));
    // next pc may run first: it reads only pc
    assertEquals(PaperLemmas.referenceStep(),
        composed(new String[] {"NEXT_PC", "FETCH", "READ", "SUBTRACT", "WRITE", "BRANCH"}));
    assertNotEquals(PaperLemmas.referenceStep(),
        composed(new String[] {"FETCH", "READ", "SUBTRACT", "WRITE", "BRANCH", "NEXT_PC"}));
    assertNotEquals(PaperLemmas.referenceStep(),
        composed(new String[] {"FETCH", "READ", "WRITE", "SUBTRACT", "NEXT_PC", "BRANCH"}));
    assertNotEquals(PaperLemmas.referenceStep(),
        composed(new String[] {"FETCH", "READ", "SUBTRACT", "NEXT_PC", "BRANCH", "WRITE"}));
  }

  @Test
  void rolesSideBySideMustNotReadWhatAnEarlierRoleChanges() {
    List<String> names = Fixtures.network(Fixtures.dir("compact-3-1-1")).inputNames()
        .orElseThrow();
    PaperLemmas lemmas = new PaperLemmas(3, 1, 1);
    lemmas.bind(names);
    int d = names.size();
    // write reads r before branch clears it: fine in this order, not in the other
    lemmas.specs(new String[] {"WRITE", "BRANCH"}, d);
    lemmas.specs(new String[] {"FETCH", "NEXT_PC"}, d);
    lemmas.specs(new String[] {"NEXT_PC", "FETCH"}, d);
    for (String[] bad : new String[][] {{"BRANCH", "WRITE"}, {"FETCH", "READ"},
        {"SUBTRACT", "WRITE"}, {"FETCH", "FETCH"}, {"NEXT_PC", "BRANCH"}}) {
      Rejected r = assertThrows(Rejected.class, () -> lemmas.specs(bad, d));
      assertTrue(r.getMessage().contains("earlier role") || r.getMessage().contains("two roles"),
          r.getMessage());
    }
  }

  private static Map<String, String> composed(String[] roles) {
    PaperLemmas lemmas = new PaperLemmas(6, 2, 3);
    List<Map<String, String>> t = lemmas.passStarts();
    for (String r : roles) {
      t = lemmas.apply(new String[] {r}, t);
    }
    return t.get(0);
  }
}
