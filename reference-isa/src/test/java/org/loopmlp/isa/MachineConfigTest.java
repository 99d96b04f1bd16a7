package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MachineConfigTest {
  @Test
  void sizesAndRangesOfAnEightBitConfig() {
    MachineConfig c = MachineConfig.of(8, 4, 3);
    assertEquals(16, c.dataSize());
    assertEquals(8, c.codeSize());
    assertEquals(-128, c.minWord());
    assertEquals(127, c.maxWord());
    assertEquals(127, c.wrap(-129));
    assertEquals(-128, c.wrap(128));
    assertEquals(-1, c.wrap(255));
  }

  @Test
  void bitsAreTwosComplementLeastSignificantFirst() {
    MachineConfig c = MachineConfig.of(4, 1, 1);
    assertEquals(1, c.wordBit(-8, 3));
    assertEquals(0, c.wordBit(-8, 0));
    assertEquals(-3, c.wordFromBits(new int[] {1, 0, 1, 1}));
    for (long w = c.minWord(); w <= c.maxWord(); w++) {
      int[] bits = new int[4];
      for (int j = 0; j < 4; j++) {
        bits[j] = c.wordBit(w, j);
      }
      assertEquals(w, c.wordFromBits(bits));
    }
  }

  @Test
  void boundsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> MachineConfig.of(1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> MachineConfig.of(65, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> MachineConfig.of(8, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> MachineConfig.of(8, 1, 21));
  }

  @Test
  void sixtyFourBitWordsAreLongs() {
    MachineConfig c = MachineConfig.of(64, 1, 1);
    assertEquals(Long.MIN_VALUE, c.minWord());
    assertEquals(Long.MAX_VALUE, c.maxWord());
    assertEquals(Long.MIN_VALUE, c.wrap(Long.MAX_VALUE + 1));
    assertEquals(-1L, c.wordFromBits(java.util.stream.IntStream.generate(() -> 1).limit(64)
        .toArray()));
    assertEquals(1, c.wordBit(Long.MIN_VALUE, 63));
  }

  @Test
  void thirtyTwoBitWordsWrap() {
    MachineConfig c = MachineConfig.of(32, 1, 1);
    assertEquals(Integer.MAX_VALUE, c.wrap((long) Integer.MIN_VALUE - 1));
    assertEquals(Integer.MIN_VALUE, c.wrap((long) Integer.MAX_VALUE + 1));
  }
}
