package org.loopmlp.prove;

import java.io.Serializable;

/**
 * One piece of a stage's case split (SPEC §9.2): the subtree of goal {@code goal} of stage
 * {@code stage} at {@code path} (the branch taken at each level from the goal's root, 0 for the
 * first), number {@code index} of the stage's pieces in certificate order. With {@code certify}
 * the piece's certificate lines are kept. A {@link CaseWorker} searches it anywhere the
 * construction can be built.
 */
public record CaseTask(int index, int stage, int goal, int[] path, boolean certify)
    implements Serializable {}
