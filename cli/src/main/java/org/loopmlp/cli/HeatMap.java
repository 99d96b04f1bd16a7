package org.loopmlp.cli;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A heat map of state vectors across the layers of one pass: one column per layer, one row per
 * direction, directions grouped into labelled regions ({@code mem}, {@code code}, {@code pc},
 * scratch registers, hidden units). A column that has no entry for a region leaves it grey.
 *
 * <p>Colour: 0 is white, 1 is blue, larger values shade from orange to dark red by their base-2
 * logarithm (the subtraction stage holds values up to about 2^N).
 */
public final class HeatMap {
  /** The values of one region in one column. */
  public record Block(String region, double[] values) {}

  /** One column: a label (the layer) and its blocks, in display order. */
  public record Column(String label, List<Block> blocks) {}

  private static final int MAX_IMAGE_ROWS = 1400;
  private static final int MIN_REGION_PIXELS = 14;
  private static final int MAX_COLUMN_LABEL = 24;
  private static final Color EMPTY = new Color(0xe6e6e6);
  private static final Color ONE = new Color(0x1f4e9c);
  private static final Color OUTLINE = new Color(0xd0d0d0);

  private final String title;
  private final List<Column> columns;

  private HeatMap(String title, List<Column> columns) {
    this.title = title;
    this.columns = List.copyOf(columns);
  }

  public static HeatMap of(String title, List<Column> columns) {
    checkArgument(!columns.isEmpty(), "a heat map needs at least one column");
    return new HeatMap(title, columns);
  }

  /** Regions in order of first appearance, each as tall as its largest block. */
  Map<String, Integer> regionHeights() {
    Map<String, Integer> h = new LinkedHashMap<>();
    for (Column c : columns) {
      for (Block b : c.blocks()) {
        h.merge(b.region(), b.values().length, Math::max);
      }
    }
    return h;
  }

  /** Where everything goes: computed once from the regions and the columns. */
  private final class Geometry {
    final Map<String, Integer> heights = regionHeights();
    final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    final Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    final int perPixel;
    final int pixelPerRow;
    final FontMetrics fm;
    final int left;
    final int top = 40;
    final int colWidth = 44;
    final List<Integer> regionTop = new ArrayList<>();
    final int mapHeight;
    final int bottomLabels = 130;
    final int width;
    final int height;

    Geometry() {
      int totalRows = heights.values().stream().mapToInt(Integer::intValue).sum();
      // Directions per pixel row: 1 normally; for very large states several share a pixel.
      perPixel = Math.max(1, (totalRows + MAX_IMAGE_ROWS - 1) / MAX_IMAGE_ROWS);
      pixelPerRow = perPixel > 1 ? 1 : totalRows <= 300 ? 3 : totalRows <= 700 ? 2 : 1;
      BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      Graphics2D pg = probe.createGraphics();
      fm = pg.getFontMetrics(font);
      int labelWidth = 0;
      for (Map.Entry<String, Integer> e : heights.entrySet()) {
        labelWidth = Math.max(labelWidth, fm.stringWidth(regionLabel(e.getKey(),
            e.getValue())));
      }
      pg.dispose();
      left = labelWidth + 16;
      int gap = 4;
      int m = 0;
      for (int h : heights.values()) {
        regionTop.add(m);
        m += regionPixels(h, perPixel, pixelPerRow) + gap;
      }
      mapHeight = m;
      int legendHeight = 60;
      height = top + mapHeight + bottomLabels + legendHeight;
      width = Math.max(left + columns.size() * colWidth + 20, 420);
    }
  }

  /** Draws the map. */
  public BufferedImage render() {
    Geometry geo = new Geometry();
    BufferedImage img = new BufferedImage(geo.width, geo.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, geo.width, geo.height);
    g.setColor(Color.BLACK);
    g.setFont(geo.font.deriveFont(Font.BOLD, 13f));
    g.drawString(title, 8, 20);
    drawRegionLabels(g, geo);
    for (int c = 0; c < columns.size(); c++) {
      drawColumn(g, geo, c);
    }
    drawColumnLabels(g, geo);
    drawLegend(g, geo);
    g.dispose();
    return img;
  }

  /** Region labels and separators. */
  private static void drawRegionLabels(Graphics2D g, Geometry geo) {
    g.setFont(geo.font);
    int r = 0;
    for (Map.Entry<String, Integer> e : geo.heights.entrySet()) {
      int y0 = geo.top + geo.regionTop.get(r);
      int h = regionPixels(e.getValue(), geo.perPixel, geo.pixelPerRow);
      g.setColor(Color.BLACK);
      String label = regionLabel(e.getKey(), e.getValue());
      int ty = y0 + geo.fm.getAscent() - 2;
      g.drawString(label, geo.left - 8 - geo.fm.stringWidth(label), ty);
      g.setColor(new Color(0x999999));
      g.drawLine(geo.left - 6, y0, geo.left - 6, y0 + h - 1);
      r++;
    }
  }

  /** The cells of column {@code c}. */
  private void drawColumn(Graphics2D g, Geometry geo, int c) {
    int x0 = geo.left + c * geo.colWidth;
    Map<String, double[]> byRegion = new LinkedHashMap<>();
    for (Block b : columns.get(c).blocks()) {
      byRegion.put(b.region(), b.values());
    }
    int r = 0;
    for (Map.Entry<String, Integer> e : geo.heights.entrySet()) {
      int y0 = geo.top + geo.regionTop.get(r++);
      int rows = ceilDiv(e.getValue(), geo.perPixel);
      double[] v = byRegion.get(e.getKey());
      for (int p = 0; p < rows; p++) {
        g.setColor(v == null ? EMPTY : cellColour(v, p, geo.perPixel));
        g.fillRect(x0, y0 + p * geo.pixelPerRow, geo.colWidth - 2, geo.pixelPerRow);
      }
      if (v != null) {
        // A faint outline shows the extent of a region even where it holds only zeros.
        g.setColor(OUTLINE);
        g.drawRect(x0, y0, geo.colWidth - 3, rows * geo.pixelPerRow - 1);
      }
    }
  }

  /** The colour of pixel row {@code p}: the largest of the directions it shows. */
  private static Color cellColour(double[] v, int p, int perPixel) {
    double max = Double.NEGATIVE_INFINITY;
    boolean any = false;
    for (int i = p * perPixel; i < Math.min((p + 1) * perPixel, v.length); i++) {
      max = Math.max(max, v[i]);
      any = true;
    }
    return any ? colour(max) : EMPTY;
  }

  /** Column labels, rotated. */
  private void drawColumnLabels(Graphics2D g, Geometry geo) {
    g.setFont(geo.small);
    g.setColor(Color.BLACK);
    int labelsTop = geo.top + geo.mapHeight + 4;
    for (int c = 0; c < columns.size(); c++) {
      int x = geo.left + c * geo.colWidth + geo.colWidth / 2 + 3;
      Graphics2D rg = (Graphics2D) g.create();
      rg.translate(x, labelsTop);
      rg.rotate(Math.PI / 2);
      String label = columns.get(c).label();
      if (label.length() > MAX_COLUMN_LABEL) {
        label = label.substring(0, MAX_COLUMN_LABEL - 1) + "~";
      }
      rg.drawString(label, 0, 0);
      rg.dispose();
    }
  }

  private static void drawLegend(Graphics2D g, Geometry geo) {
    int ly = geo.top + geo.mapHeight + geo.bottomLabels + 10;
    g.setFont(geo.small);
    String[] names = {"0", "1", "2..3", "4..15", "16..255", ">= 256", "no entry"};
    double[] samples = {0, 1, 2, 4, 16, 256};
    int lx = 8;
    for (int i = 0; i < names.length; i++) {
      g.setColor(i < samples.length ? colour(samples[i]) : EMPTY);
      g.fillRect(lx, ly, 14, 14);
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1));
      g.drawRect(lx, ly, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(names[i], lx + 18, ly + 11);
      lx += 24 + g.getFontMetrics().stringWidth(names[i]) + 10;
    }
    if (geo.perPixel > 1) {
      g.drawString("(" + geo.perPixel + " directions per pixel row, showing their maximum)", 8,
          ly + 32);
    }
  }

  /** Writes the map as a PNG. */
  public void writePng(Path file) {
    // ImageIO.write(image, format, File) prints a stack trace of its own when the file cannot
    // be opened; opening the stream here keeps a bad path to one line.
    ImageIO.setUseCache(false);
    try (OutputStream o = Files.newOutputStream(file)) {
      if (!ImageIO.write(render(), "png", o)) {
        throw new UserError("no PNG writer available in this Java runtime");
      }
    } catch (IOException e) {
      throw Inputs.cannotWrite(file, e);
    }
  }

  /** Pixel height of a region: its rows, but at least one line of label text. */
  private static int regionPixels(int rows, int perPixel, int pixelPerRow) {
    return Math.max(ceilDiv(rows, perPixel) * pixelPerRow, MIN_REGION_PIXELS);
  }

  private static String regionLabel(String region, int rows) {
    return region + " (" + rows + ")";
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** 0 white, 1 blue, more: orange to dark red by log2. */
  static Color colour(double v) {
    if (v == 0) {
      return Color.WHITE;
    }
    if (v < 0) {
      return new Color(0x2e8b57);
    }
    if (v <= 1) {
      float t = (float) v;
      return blend(new Color(0xcfe0f7), ONE, t);
    }
    double l = Math.min(Math.log(v) / Math.log(2) / 12.0, 1.0);
    return blend(new Color(0xf6b26b), new Color(0x7f0000), (float) l);
  }

  private static Color blend(Color a, Color b, float t) {
    return new Color(
        Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
