package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.loopmlp.construction.Register;

/**
 * What a stage of a machine's construction must establish: a role's effect is a list of claims,
 * stated with the reference machine's step {@code S}, on the registers it owns among {@code R};
 * every other register is its frame (SPEC §9). The paper machine's roles are its six {@link
 * PaperStage}s; the classic machine's are {@link org.loopmlp.construction.classic.ClassicRole}.
 *
 * @param <S> the machine's step (state before, intermediate values, state after)
 * @param <R> the machine's registers
 */
public interface StageRole<S, R> {
  /** The role's name in certificates, e.g. {@code NEXT_PC} (an enum constant's name). */
  String name();

  /** A short label, e.g. {@code next pc}. */
  String label();

  /** What the role computes, in one line. */
  String description();

  /** The paper's stage this role realises, if any. */
  Optional<PaperStage> paperStage();

  /** The paper's layer budget for this role (0 for a role the paper does not have). */
  default int budget() {
    return paperStage().map(PaperStage::budget).orElse(0);
  }

  /** The claims this role establishes, on the registers it owns. */
  ImmutableList<RegisterClaim<S>> effect(R regs);

  /** The registers this role owns (may change); all others are its frame. */
  default ImmutableSet<Register> owned(R regs) {
    return effect(regs).stream().map(RegisterClaim::register)
        .collect(ImmutableSet.toImmutableSet());
  }
}
