package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.exact.bench.BenchmarkResult;

class FloorTest {
  @Test
  void theFloorIsTheRowUpdatesAtTheBareLoopsTimePerMultiplyAdd() {
    // 10 passes with 20,000 row updates; a bare pass of 1,000 multiply-adds in 2 microseconds
    IncrementalBackend.Stats work = new IncrementalBackend.Stats(10, 0, 0, 0, 0, 20_000, 0, 0);
    BenchmarkResult bare = new BenchmarkResult("bare-csr-long", 1_000, 5, 2e-6, 2e-6, 2e-6);
    Floor f = Floor.of(work, bare);
    assertEquals(2_000, f.rowUpdatesPerPass(), 1e-9);
    assertEquals(2e-9, f.secondsPerMultiplyAdd(), 1e-21);
    // 2,000 updates x 2 ns = 4 microseconds a pass: 250,000 passes/s
    assertEquals(250_000, f.passesPerSecond(), 1e-6);
    assertEquals(0.25, f.fraction(62_500), 1e-12);
    String d = f.describe(62_500);
    assertTrue(d.startsWith("floor 250.0k passes/s (2,000 row updates/pass x 2.00 ns"), d);
    assertTrue(d.endsWith("; 0.25 of it"), d);
  }
}
