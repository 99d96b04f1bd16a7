package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.loopmlp.certcheck.FloatFormat;
import org.loopmlp.construction.Constructions;
import org.loopmlp.isa.MachineConfig;

/**
 * The narrowest floating-point format in which one pass of a construction is proved to equal one
 * SUBLEQ step, per construction and word size: every stage lemma proved for all inputs, and every
 * layer's partial sums within 2^p ({@link PartialSumBounds}).
 */
public final class PrecisionTable {
  /** One cell: the construction at one config, and what was proved. */
  public record Cell(String construction, MachineConfig config, boolean built, boolean proved,
      long largestBound, Optional<FloatFormat> narrowest, long millis) {
    public Cell {
      checkNotNull(construction, "construction");
      checkNotNull(narrowest, "narrowest");
    }

    /** The cell's text: the format, "none" (not even float64), "not proved" or "not built". */
    public String text() {
      if (!built) {
        return "not built";
      }
      if (!proved) {
        return "not proved";
      }
      return narrowest.map(FloatFormat::label).orElse("none");
    }
  }

  private final ImmutableList<Cell> cells;
  private final ImmutableList<String> constructions;
  private final ImmutableList<Integer> wordBits;
  private final int dataBits;
  private final int codeBits;

  private PrecisionTable(ImmutableList<Cell> cells, List<String> constructions,
      List<Integer> wordBits, int dataBits, int codeBits) {
    this.cells = cells;
    this.constructions = ImmutableList.copyOf(constructions);
    this.wordBits = ImmutableList.copyOf(wordBits);
    this.dataBits = dataBits;
    this.codeBits = codeBits;
  }

  /** The constructions of the table: every registered one that builds at the paper's widths. */
  public static List<String> defaultConstructions() {
    return List.of("paper", "compact", "narrow");
  }

  /**
   * Proves every construction of {@code constructions} at (N, A, C) for every N of {@code
   * wordBits}; {@code onCell} sees each cell when it is done (progress).
   */
  public static PrecisionTable measure(List<String> constructions, List<Integer> wordBits,
      int dataBits, int codeBits, Consumer<Cell> onCell) {
    checkArgument(!constructions.isEmpty() && !wordBits.isEmpty(), "an empty table");
    List<Cell> cells = new ArrayList<>();
    for (String name : constructions) {
      for (int n : wordBits) {
        Cell cell = cell(name, n, dataBits, codeBits);
        cells.add(cell);
        onCell.accept(cell);
      }
    }
    return new PrecisionTable(ImmutableList.copyOf(cells), constructions, wordBits, dataBits,
        codeBits);
  }

  private static Cell cell(String name, int n, int a, int c) {
    long start = System.nanoTime();
    MachineConfig config;
    try {
      config = MachineConfig.of(n, a, c);
    } catch (IllegalArgumentException e) {
      return new Cell(name, null, false, false, 0, Optional.empty(), 0);
    }
    if (!Constructions.supports(name, config)) {
      return new Cell(name, config, false, false, 0, Optional.empty(), 0);
    }
    var r = PaperProver.prove(Constructions.build(name, config), new ProgressListener() {});
    return new Cell(name, config, true, r.proved(), r.largestBound(),
        r.proved() ? r.narrowestExactFormat() : Optional.empty(),
        (System.nanoTime() - start) / 1_000_000);
  }

  public ImmutableList<Cell> cells() {
    return cells;
  }

  /** The cell of {@code construction} at word size {@code n}. */
  public Cell cell(String construction, int n) {
    return cells.stream().filter(c -> c.construction().equals(construction)
            && c.config() != null && c.config().wordBits() == n).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cell " + construction + " N=" + n));
  }

  /** A Markdown table: one row per construction, one column per N; the bound in brackets. */
  public String toMarkdown() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "narrowest format proved exact (A = %d, C = %d; largest"
        + " partial sum in brackets)%n%n", dataBits, codeBits));
    s.append("| construction |");
    wordBits.forEach(n -> s.append(" N = ").append(n).append(" |"));
    s.append('\n').append("|---|");
    wordBits.forEach(n -> s.append("---|"));
    s.append('\n');
    int k = 0;
    for (String name : constructions) {
      s.append("| ").append(name).append(" |");
      for (int i = 0; i < wordBits.size(); i++) {
        Cell c = cells.get(k++);
        s.append(' ').append(c.text());
        if (c.built() && c.proved()) {
          s.append(String.format(Locale.ROOT, " (%,d)", c.largestBound()));
        }
        s.append(" |");
      }
      s.append('\n');
    }
    return s.toString();
  }
}
