package org.loopmlp.prove;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.Register;

/**
 * The prover's statement of one machine's stage lemmas, by role {@code O}: the goals of a stage
 * whose roles run side by side (every state direction in exactly one goal), and per role the
 * registers it writes with a value and those it clears. The paper machine's is {@link
 * PaperSpecs}, the classic machine's {@link ClassicSpecs}.
 *
 * @param <O> the machine's roles
 */
interface RoleSpecs<O> {
  /** The registers 0 at the start of a pass (the rest of the state is arbitrary bits). */
  ImmutableList<Register> zeroAtPassStart();

  /** The registers {@code role} clears. */
  ImmutableList<Register> cleared(O role);

  /** The registers {@code role} writes with a value. */
  ImmutableList<Register> written(O role);

  /** The goals of a stage whose parts play {@code roles} side by side. */
  List<Goal> goals(List<O> roles);
}
