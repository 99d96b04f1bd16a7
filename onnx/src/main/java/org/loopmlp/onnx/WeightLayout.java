package org.loopmlp.onnx;

/**
 * How an exported layer stores its weights.
 *
 * <ul>
 *   <li>{@link #DENSE}: a {@code [columns, rows]} initializer and {@code MatMul}, then {@code
 *       Add} of the bias. Memory grows with rows x columns, which is hopeless beyond a few
 *       thousand directions (the paper construction at 16,10,10 would need 15 GB per layer).
 *   <li>{@link #GATHERED}: the CSR arrays as initializers; {@code Gather} picks the input of
 *       every non-zero weight, {@code Mul} multiplies, and {@code ScatterElements} with {@code
 *       reduction="add"} adds each product into its row, starting from the bias. Memory grows
 *       with the non-zero weights only, and the sum of a row runs in the order of its entries.
 *   <li>{@link #AUTO}: dense for layers of at most {@link OnnxExport#AUTO_DENSE_ENTRIES} entries,
 *       gathered above.
 * </ul>
 *
 * <p>ONNX's {@code sparse_initializer} is not used: ONNX Runtime turns every sparse initializer
 * into a dense tensor when it loads the model, so it saves file size but not memory.
 */
public enum WeightLayout {
  AUTO, DENSE, GATHERED;

  /** auto, dense or gathered, as on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
