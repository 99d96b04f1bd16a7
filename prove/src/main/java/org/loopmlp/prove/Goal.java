package org.loopmlp.prove;

import java.util.List;

/**
 * A group of a stage's output directions proved together by one case split: their specs, the
 * control inputs (register bits the lemma depends on) preferred when a case must be split, and
 * pairs of inputs ({@code pair[v]}, or -1) split on whether they are equal (va_j and vb_j).
 */
record Goal(String name, int[] outputs, List<OutputSpec> specs, boolean[] control, int[] pair) {}
