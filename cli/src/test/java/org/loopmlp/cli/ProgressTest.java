package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void plainLinesShowRateAndTimeLeftAtMostOncePerInterval() {
    long[] now = {0};
    StringWriter text = new StringWriter();
    Progress p = new Progress.Lines(new PrintWriter(text), "campaign", 100, "tries",
        Duration.ofSeconds(5), () -> now[0]);
    for (int i = 0; i < 100; i++) {
      now[0] += 200_000_000L; // 0.2 s per try: 5 tries/s
      p.advance();
    }
    p.close();
    p.close();
    List<String> lines = text.toString().lines().toList();
    // 20 s in total, one line every 5 s before the end (at 5, 10, 15 s), then the final line.
    assertEquals(4, lines.size(), text.toString());
    assertEquals("campaign: 25/100 tries (25%), 5.0 tries/s, about 15.0 s left", lines.get(0));
    assertTrue(lines.get(3).startsWith("campaign: 100 tries in 20.0 s"), lines.get(3));
  }

  @Test
  void durationsReadNaturally() {
    assertEquals("59.0 s", Progress.Lines.duration(59));
    assertEquals("2 min 05 s", Progress.Lines.duration(125));
    assertEquals("1 h 01 min", Progress.Lines.duration(3660));
  }
}
