/**
 * The looped ReLU-MLP that executes SUBLEQ (SPEC §7–§9): a state space of named directions
 * ({@link org.loopmlp.construction.StateLayout}), constructions assembled from stages ({@link
 * org.loopmlp.construction.Construction}, {@link org.loopmlp.construction.PaperConstruction}),
 * the encoding of machine states ({@link org.loopmlp.construction.StateCodec}) and the loop with
 * its runtime checks ({@link org.loopmlp.construction.LoopedMlp}, {@link
 * org.loopmlp.construction.CheckedObserver}).
 */
package org.loopmlp.construction;
