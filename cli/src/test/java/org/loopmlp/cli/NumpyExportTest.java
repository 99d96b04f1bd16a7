package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.MachineConfig;

class NumpyExportTest {
  @Test
  void everyLayerRoundTripsThroughTheCsrArrays() throws Exception {
    Construction c = PaperConstruction.build(MachineConfig.of(4, 2, 2));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NumpyExport.write(PaperFrontEnd.exported(c), bytes);
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    assertEquals(5 * c.depth() + 1, entries.size(), entries.keySet().toString());
    for (int i = 0; i < c.depth(); i++) {
      SparseLayer l = c.network().layer(i);
      long[] indptr = longs(entries.get("layer" + i + "_indptr.npy"));
      long[] indices = longs(entries.get("layer" + i + "_indices.npy"));
      double[] data = doubles(entries.get("layer" + i + "_data.npy"));
      double[] bias = doubles(entries.get("layer" + i + "_bias.npy"));
      long[] shape = longs(entries.get("layer" + i + "_shape.npy"));
      assertEquals(l.outputDimension(), shape[0]);
      assertEquals(l.inputDimension(), shape[1]);
      assertEquals(l.outputDimension() + 1, indptr.length);
      for (int r = 0; r < l.outputDimension(); r++) {
        assertEquals(l.bias(r), Rational.ofExactDouble(bias[r]));
        for (int col = 0; col < l.inputDimension(); col++) {
          Rational w = Rational.ZERO;
          for (int k = (int) indptr[r]; k < indptr[r + 1]; k++) {
            if (indices[k] == col) {
              w = Rational.ofExactDouble(data[k]);
            }
          }
          assertEquals(l.weightAt(r, col), w, "layer " + i + " row " + r + " column " + col);
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) MiniJson.parse(
        new String(entries.get("meta.json"), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(Boolean.TRUE, meta.get("float64Exact"));
    assertEquals((long) c.depth(), meta.get("depth"));
    assertEquals(c.layout().names(), meta.get("inputNames"));
    assertEquals(c.depth(), ((List<?>) meta.get("layers")).size());
  }

  private static ByteBuffer data(byte[] npy) {
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    int start = 10 + (b.getShort(8) & 0xffff);
    return ByteBuffer.wrap(npy, start, npy.length - start).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static long[] longs(byte[] npy) {
    ByteBuffer b = data(npy);
    long[] v = new long[b.remaining() / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getLong();
    }
    return v;
  }

  private static double[] doubles(byte[] npy) {
    ByteBuffer b = data(npy);
    double[] v = new double[b.remaining() / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getDouble();
    }
    return v;
  }
}
