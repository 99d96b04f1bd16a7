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
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The narrowest floating-point format in which one pass of a construction is proved to equal one
 * SUBLEQ step, per construction and word size: every stage lemma proved for all inputs, and every
 * layer's partial sums within 2^p ({@link PartialSumBounds}). One table for both machines: the
 * paper machine's at (N, A, C) ({@link #measure}), the classic machine's at (N, A) ({@link
 * #measureClassic}); only the proof of one cell differs.
 */
public final class PrecisionTable {
  /** One cell: the construction at word size N, and what was proved. */
  public record Cell(String construction, int wordBits, boolean built, boolean proved,
      long largestBound, Optional<FloatFormat> narrowest, long millis) {
    public Cell {
      checkNotNull(construction, "construction");
      checkNotNull(narrowest, "narrowest");
    }

    /** A cell that was proved (or not) with {@code report}, in {@code millis}. */
    static Cell of(String construction, int wordBits, ProofReport<?, ?, ?> report, long millis) {
      return new Cell(construction, wordBits, true, report.proved(), report.largestBound(),
          report.proved() ? report.narrowestExactFormat() : Optional.empty(), millis);
    }

    /** A cell whose construction cannot be built at this size. */
    static Cell notBuilt(String construction, int wordBits) {
      return new Cell(construction, wordBits, false, false, 0, Optional.empty(), 0);
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

  /** How one cell is proved: construction {@code name} at word size {@code n}. */
  @FunctionalInterface
  interface CellProof {
    Cell prove(String name, int n);
  }

  private final ImmutableList<Cell> cells;
  private final ImmutableList<String> constructions;
  private final ImmutableList<Integer> wordBits;
  private final String sizes;

  private PrecisionTable(ImmutableList<Cell> cells, List<String> constructions,
      List<Integer> wordBits, String sizes) {
    this.cells = cells;
    this.constructions = ImmutableList.copyOf(constructions);
    this.wordBits = ImmutableList.copyOf(wordBits);
    this.sizes = sizes;
  }

  /** The constructions of the table: every registered one that builds at the paper's widths. */
  public static List<String> defaultConstructions() {
    return List.of("paper", "compact", "narrow");
  }

  /** The classic machine's constructions of its table: every one. */
  public static List<String> classicConstructions() {
    return ClassicConstruction.names();
  }

  /**
   * Proves every paper construction of {@code constructions} at (N, A, C) for every N of {@code
   * wordBits}; {@code onCell} sees each cell when it is done (progress).
   */
  public static PrecisionTable measure(List<String> constructions, List<Integer> wordBits,
      int dataBits, int codeBits, Consumer<Cell> onCell) {
    return measure(constructions, wordBits, "A = " + dataBits + ", C = " + codeBits, onCell,
        (name, n) -> {
          long start = System.nanoTime();
          MachineConfig config;
          try {
            config = MachineConfig.of(n, dataBits, codeBits);
          } catch (IllegalArgumentException e) {
            return Cell.notBuilt(name, n);
          }
          if (!Constructions.supports(name, config)) {
            return Cell.notBuilt(name, n);
          }
          var r = PaperProver.prove(Constructions.build(name, config), ProgressListener.NONE);
          return Cell.of(name, n, r, (System.nanoTime() - start) / 1_000_000);
        });
  }

  /**
   * Proves every classic construction of {@code constructions} at (N, A) for every N of {@code
   * wordBits}, with the default case budget.
   */
  public static PrecisionTable measureClassic(List<String> constructions,
      List<Integer> wordBits, int memoryBits, Consumer<Cell> onCell) {
    return measure(constructions, wordBits, "classic machine, A = " + memoryBits, onCell,
        (name, n) -> {
          long start = System.nanoTime();
          ClassicConfig config;
          try {
            config = ClassicConfig.of(n, memoryBits);
          } catch (IllegalArgumentException e) {
            return Cell.notBuilt(name, n);
          }
          var r = ClassicProver.prove(ClassicConstruction.build(name, config),
              ProgressListener.NONE, PaperProver.DEFAULT_CASE_BUDGET);
          return Cell.of(name, n, r, (System.nanoTime() - start) / 1_000_000);
        });
  }

  private static PrecisionTable measure(List<String> constructions, List<Integer> wordBits,
      String sizes, Consumer<Cell> onCell, CellProof proof) {
    checkArgument(!constructions.isEmpty() && !wordBits.isEmpty(), "an empty table");
    List<Cell> cells = new ArrayList<>();
    for (String name : constructions) {
      for (int n : wordBits) {
        Cell cell = proof.prove(name, n);
        cells.add(cell);
        onCell.accept(cell);
      }
    }
    return new PrecisionTable(ImmutableList.copyOf(cells), constructions, wordBits, sizes);
  }

  public ImmutableList<Cell> cells() {
    return cells;
  }

  /** The cell of {@code construction} at word size {@code n}. */
  public Cell cell(String construction, int n) {
    return cells.stream().filter(c -> c.construction().equals(construction)
            && c.wordBits() == n).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cell " + construction + " N=" + n));
  }

  /** A Markdown table: one row per construction, one column per N; the bound in brackets. */
  public String toMarkdown() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "narrowest format proved exact (%s; largest partial sum"
        + " in brackets)%n%n", sizes));
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
