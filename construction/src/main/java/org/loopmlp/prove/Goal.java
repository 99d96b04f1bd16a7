package org.loopmlp.prove;

import java.util.List;

/**
 * A group of a stage's output directions proved together by one case split: their specs, and
 * the control inputs (register bits the lemma depends on) preferred when a case must be split.
 */
record Goal(String name, int[] outputs, List<OutputSpec> specs, boolean[] control) {}
