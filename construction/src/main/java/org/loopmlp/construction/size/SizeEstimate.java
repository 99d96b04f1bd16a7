package org.loopmlp.construction.size;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * The size of a construction of some machine in closed form, without building it, so a caller can
 * refuse a config that would not fit in memory: dimension, widest layer, non-zero weights and
 * parameters (weights plus one bias per row) are exact (tests compare them with built networks),
 * {@code memoryBytes} and {@code buildHeapBytes} estimate the heap the built construction
 * occupies and needs while it is built. The closed forms are the machines' own ({@link
 * PaperSizes}, {@link org.loopmlp.construction.classic.ClassicSizes}); each gives per layer its
 * hidden neurons and non-zero weights, and {@link #fromLayers} adds them up.
 *
 * @param <C> the machine's config
 */
public record SizeEstimate<C>(C config, int depth, long stateDimension, long widestLayer,
    long nonZeros, long parameters, long memoryBytes, long buildHeapBytes) {
  public SizeEstimate {
    checkNotNull(config, "config");
  }

  /**
   * How a machine's built construction occupies the heap: bytes per stored weight, per row and
   * per named direction, and the heap its build needs for a construction of {@code memory} bytes.
   */
  public record HeapModel(long bytesPerWeight, long bytesPerRow, long bytesPerDirection,
      LongUnaryOperator buildHeap) {
    public HeapModel {
      checkNotNull(buildHeap, "buildHeap");
    }
  }

  /**
   * The estimate of a network of state dimension {@code d} whose layer i adds {@code hidden[i]}
   * neurons to the state directions and holds {@code nnz[i]} non-zero weights.
   */
  public static <C> SizeEstimate<C> fromLayers(C config, long d, long[] hidden, long[] nnz,
      HeapModel heap) {
    long totalNnz = 0;
    long rows = 0;
    long widest = 0;
    long directions = d;
    for (int i = 0; i < nnz.length; i++) {
      totalNnz += nnz[i];
      rows += d + hidden[i];
      widest = Math.max(widest, d + hidden[i]);
      directions += hidden[i];
    }
    long memory = totalNnz * heap.bytesPerWeight() + rows * heap.bytesPerRow()
        + directions * heap.bytesPerDirection();
    return new SizeEstimate<>(config, nnz.length, d, widest, totalNnz, totalNnz + rows, memory,
        heap.buildHeap().applyAsLong(memory));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: depth %d, state dimension %d, widest layer %d, nnz %d,"
        + " parameters %d, about %.1f MiB", config, depth, stateDimension, widestLayer, nonZeros,
        parameters, memoryBytes / (1024.0 * 1024.0));
  }
}
