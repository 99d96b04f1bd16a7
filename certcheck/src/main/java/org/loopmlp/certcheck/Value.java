package org.loopmlp.certcheck;

/**
 * The value one output direction must hold over a case of a stage's input bits (see {@link
 * Spec}): the input direction it must equal ({@code >= 0}) or {@code -2 - b} for the constant b;
 * rejects when the case leaves the value open.
 */
interface Value {
  int expect(byte[] x, int[] partner);
}
