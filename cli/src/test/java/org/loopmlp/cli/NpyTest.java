package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyTest {
  @Test
  void int64ArrayHasAlignedHeaderAndLittleEndianData() {
    long[] values = {0, 1, -1, Long.MAX_VALUE, 1L << 40};
    byte[] npy = Npy.int64(values);
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals((byte) 0x93, b.get(0));
    assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, npy[6]);
    assertEquals(0, npy[7]);
    int headerLength = b.getShort(8) & 0xffff;
    int dataStart = 10 + headerLength;
    assertEquals(0, dataStart % 64, "data must start at a multiple of 64");
    String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }"),
        header);
    assertTrue(header.endsWith("\n"));
    assertEquals(dataStart + 8 * values.length, npy.length);
    long[] back = new long[values.length];
    for (int i = 0; i < back.length; i++) {
      back[i] = b.getLong(dataStart + 8 * i);
    }
    assertArrayEquals(values, back);
  }

  @Test
  void float64ArrayRoundTrips() {
    double[] values = {0.5, -2, 65536, 1e-3};
    byte[] npy = Npy.float64(values);
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    int dataStart = 10 + (b.getShort(8) & 0xffff);
    assertTrue(new String(npy, 10, 20, StandardCharsets.US_ASCII).contains("'<f8'"));
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], b.getDouble(dataStart + 8 * i));
    }
  }
}
