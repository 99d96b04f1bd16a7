package org.loopmlp.isa.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The persistent memory against a plain array written in place, for every memory size. */
class WordTrieTest {
  @Test
  void writesMatchAnArrayAndLeaveEarlierVersionsAlone() {
    Random rnd = new Random(21);
    for (int bits = 2; bits <= 13; bits++) {
      int size = 1 << bits;
      long[] want = new long[size];
      for (int i = 0; i < size; i++) {
        want[i] = rnd.nextInt(1000) - 500;
      }
      WordTrie t = WordTrie.of(want);
      long[] first = want.clone();
      WordTrie firstTrie = t;
      for (int k = 0; k < 300; k++) {
        int a = rnd.nextInt(size);
        long v = rnd.nextInt(7) - 3;
        want[a] = v;
        t = t.with(a, v);
        assertEquals(v, t.get(a));
      }
      assertArrayEquals(want, t.toArray(), "A=" + bits);
      for (int a = 0; a < size; a++) {
        assertEquals(want[a], t.get(a));
      }
      // the first version still holds its words
      assertArrayEquals(first, firstTrie.toArray());
      assertEquals(Arrays.equals(first, want), firstTrie.sameWords(t));
      assertEquals(true, t.sameWords(WordTrie.of(want)));
      assertSame(t, t.with(0, want[0]));
    }
  }

  @Test
  void statesCompareByWordsNotBySharing() {
    ClassicConfig c = ClassicConfig.of(8, 9);
    ClassicState s = ClassicState.load(c, new long[] {1, 2, 3});
    ClassicState t = s.withWord(300, 5).withWord(300, 0);
    assertEquals(s, t);
    assertEquals(s.hashCode(), t.hashCode());
    assertNotEquals(s, s.withWord(511, 1));
    assertEquals(ClassicState.of(c, s.withWord(511, 1).memory(), 0), s.withWord(511, 1));
  }
}
