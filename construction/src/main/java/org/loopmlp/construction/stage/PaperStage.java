package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.Register;

/**
 * The six stages of the paper (SPEC §1), in order, with the paper's layer budgets, and what each
 * stage must establish, stated with the reference machine's {@link org.loopmlp.isa.StepDetail}
 * values only. A stage's effect replaces the claims on the registers it owns; every other register
 * is its frame.
 */
public enum PaperStage implements StageRole<PaperStep, PaperRegisters> {
  FETCH("fetch", "read the instruction's addresses (fetch a, b, c at PC)", 2),
  READ("read", "read the data mem[a], mem[b]", 2),
  SUBTRACT("subtract", "subtraction mem[b] - mem[a] (two's complement)", 7),
  WRITE("write", "write back to mem[b]", 2),
  NEXT_PC("next pc", "compute the next program counter PC+1", 6),
  BRANCH("branch", "conditional branch (PC := c if result <= 0, else PC+1)", 4);

  /** The paper's total: 23 layers. */
  public static final int PAPER_TOTAL_LAYERS = 23;

  private final String label;
  private final String description;
  private final int budget;

  PaperStage(String label, String description, int budget) {
    this.label = label;
    this.description = description;
    this.budget = budget;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }

  /** This stage itself. */
  @Override
  public Optional<PaperStage> paperStage() {
    return Optional.of(this);
  }

  /** The number of layers the paper allows this stage. */
  @Override
  public int budget() {
    return budget;
  }

  /**
   * The claims this stage establishes (on the registers it owns), each stated with the reference
   * machine's values: {@code d} is the step's {@code StepDetail}, {@code after} the state after
   * the step.
   */
  @Override
  public ImmutableList<RegisterClaim<PaperStep>> effect(PaperRegisters regs) {
    switch (this) {
      case FETCH:
        return ImmutableList.of(
            RegisterClaim.holds(regs.ra(), "ra == d.a()", s -> s.detail().a()),
            RegisterClaim.holds(regs.rb(), "rb == d.b()", s -> s.detail().b()),
            RegisterClaim.holds(regs.rc(), "rc == d.c()", s -> s.detail().c()));
      case READ:
        return ImmutableList.of(
            RegisterClaim.cleared(regs.ra()),
            RegisterClaim.holds(regs.va(), "va == d.memA()", s -> s.detail().memA()),
            RegisterClaim.holds(regs.vb(), "vb == d.memB()", s -> s.detail().memB()));
      case SUBTRACT:
        return ImmutableList.of(
            RegisterClaim.cleared(regs.va()),
            RegisterClaim.cleared(regs.vb()),
            RegisterClaim.holds(regs.r(), "r == d.result()", s -> s.detail().result()));
      case WRITE: {
        List<RegisterClaim<PaperStep>> claims = new ArrayList<>();
        for (int i = 0; i < regs.config().dataSize(); i++) {
          int address = i;
          claims.add(RegisterClaim.holds(regs.mem(i),
              "mem[" + i + "] == after.word(" + i + ")", s -> s.after().word(address)));
        }
        claims.add(RegisterClaim.cleared(regs.rb()));
        return ImmutableList.copyOf(claims);
      }
      case NEXT_PC:
        return ImmutableList.of(
            RegisterClaim.holds(regs.pc1(), "pc1 == d.pcPlusOne()", s -> s.detail().pcPlusOne()));
      case BRANCH:
        return ImmutableList.of(
            RegisterClaim.holds(regs.pc(), "pc == d.nextPc()", s -> s.detail().nextPc()),
            RegisterClaim.cleared(regs.r()),
            RegisterClaim.cleared(regs.rc()),
            RegisterClaim.cleared(regs.pc1()));
      default:
        throw new AssertionError(this);
    }
  }


  /**
   * The state space at the start of a pass, as {@code encode(program, before)}: the program, the
   * memory and pc before the step, all scratch 0.
   */
  public static StateCondition<PaperStep> passStart(PaperRegisters regs) {
    List<RegisterClaim<PaperStep>> claims = new ArrayList<>();
    for (int q = 0; q < regs.config().codeSize(); q++) {
      int slot = q;
      claims.add(RegisterClaim.holds(regs.code(q, Field.A), "code[" + q + "].a == program.at("
          + q + ").a()", s -> s.program().at(slot).a()));
      claims.add(RegisterClaim.holds(regs.code(q, Field.B), "code[" + q + "].b == program.at("
          + q + ").b()", s -> s.program().at(slot).b()));
      claims.add(RegisterClaim.holds(regs.code(q, Field.C), "code[" + q + "].c == program.at("
          + q + ").c()", s -> s.program().at(slot).c()));
    }
    for (int i = 0; i < regs.config().dataSize(); i++) {
      int address = i;
      claims.add(RegisterClaim.holds(regs.mem(i), "mem[" + i + "] == before.word(" + i + ")",
          s -> s.before().word(address)));
    }
    claims.add(RegisterClaim.holds(regs.pc(), "pc == before.pc()", s -> s.before().pc()));
    for (Register r : regs.scratch()) {
      claims.add(RegisterClaim.cleared(r));
    }
    return StateCondition.of(claims);
  }

  /**
   * The state space at the end of a pass, as {@code encode(program, after)}: the program, the
   * memory and pc after the step, all scratch 0.
   */
  public static StateCondition<PaperStep> passEnd(PaperRegisters regs) {
    StateCondition<PaperStep> c = passStart(regs);
    List<RegisterClaim<PaperStep>> after = new ArrayList<>();
    for (int i = 0; i < regs.config().dataSize(); i++) {
      int address = i;
      after.add(RegisterClaim.holds(regs.mem(i), "mem[" + i + "] == after.word(" + i + ")",
          s -> s.after().word(address)));
    }
    after.add(RegisterClaim.holds(regs.pc(), "pc == after.pc()", s -> s.after().pc()));
    return c.with(after);
  }

  @Override
  public String toString() {
    return label;
  }
}
