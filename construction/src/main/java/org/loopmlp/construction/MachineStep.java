package org.loopmlp.construction;

/**
 * One step of a reference machine, as the stage lemmas of its constructions see it: the state
 * before, every intermediate value and the state after. Each machine has its own record (the
 * paper machine's {@link org.loopmlp.construction.stage.PaperStep}, the classic machine's
 * {@link org.loopmlp.construction.classic.ClassicStepContext}); the general machinery (claims,
 * conditions, lemmas, checked runs) is generic over it and needs only its description.
 */
public interface MachineStep {
  /** The step for an error message: config, instruction, state before (one line). */
  String describe();
}
