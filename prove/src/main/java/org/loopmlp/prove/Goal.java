package org.loopmlp.prove;

import java.util.List;

/**
 * A group of a stage's output directions proved together by one case split: their specs, the
 * control inputs (register bits the lemma depends on) preferred when a case must be split, pairs
 * of inputs ({@code pair[v]}, or -1) split on whether they are equal (va_j and vb_j), and the
 * stage's precondition as forbidden patterns: each a conjunction of literals {@code 2 * input +
 * value}; a case in which every literal of a pattern holds is outside the precondition (a classic
 * stage is proved for the inputs earlier stages can produce, e.g. at most one op flag set).
 */
record Goal(String name, int[] outputs, List<OutputSpec> specs, boolean[] control, int[] pair,
    int[][] forbidden) {
  Goal(String name, int[] outputs, List<OutputSpec> specs, boolean[] control, int[] pair) {
    this(name, outputs, specs, control, pair, new int[0][]);
  }
}
