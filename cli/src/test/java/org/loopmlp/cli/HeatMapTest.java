package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void regionsTakeTheHeightOfTheirLargestBlockInOrderOfAppearance() {
    HeatMap map = HeatMap.of("t", List.of(
        new HeatMap.Column("input", List.of(
            new HeatMap.Block("mem", new double[8]), new HeatMap.Block("pc", new double[3]))),
        new HeatMap.Column("fetch.1", List.of(
            new HeatMap.Block("hidden", new double[20]), new HeatMap.Block("mem", new double[8])))));
    assertEquals(Map.of("mem", 8, "pc", 3, "hidden", 20), map.regionHeights());
    assertEquals(List.of("mem", "pc", "hidden"), List.copyOf(map.regionHeights().keySet()));
  }

  @Test
  void pngIsWrittenAndReadable(@TempDir Path dir) throws Exception {
    double[] bits = {0, 1, 1, 0, 1, 0, 0, 1};
    HeatMap map = HeatMap.of("pass 0", List.of(
        new HeatMap.Column("input", List.of(new HeatMap.Block("mem", bits))),
        new HeatMap.Column("subtract.1", List.of(new HeatMap.Block("mem", bits),
            new HeatMap.Block("hidden", new double[] {300, 2, 0})))));
    Path png = dir.resolve("map.png");
    map.writePng(png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() >= 100 && img.getHeight() >= 100);
    assertTrue(Files.size(png) > 0);
  }

  @Test
  void zeroIsWhiteAndOneIsNot() {
    assertEquals(Color.WHITE, HeatMap.colour(0));
    assertTrue(!HeatMap.colour(1).equals(Color.WHITE));
    assertTrue(!HeatMap.colour(1).equals(HeatMap.colour(256)));
  }
}
