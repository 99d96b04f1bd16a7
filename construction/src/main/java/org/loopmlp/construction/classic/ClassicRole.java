package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.RegisterClaim;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StageRole;
import org.loopmlp.construction.stage.StateCondition;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * What a stage of the classic construction must establish, stated with the reference classic
 * machine's {@link ClassicStepDetail} only ({@code d}; {@code after} is the state after the
 * step). A role's effect replaces the claims on the registers it owns; every other register is
 * its frame. Roles that match a stage of the paper carry it (and its layer budget); decoding the
 * operation and I/O have no counterpart there.
 *
 * <p>Convention: every scratch register holds 0 at a halted pc except where the detail itself
 * names a value (the detail of a halted state reads address 0: {@code a = b = c = 0},
 * {@code memA = memB = mem[0]}).
 */
public enum ClassicRole implements StageRole<ClassicStepContext, ClassicRegisters> {
  FETCH("fetch", "fetch a, b, c at pc, pc + 1, pc + 2; test pc and the I/O operands",
      PaperStage.FETCH),
  NEXT_PC("next pc", "pc + 3 (wrapped to N bits)", PaperStage.NEXT_PC),
  READ("read", "read mem[a mod 2^A], mem[b mod 2^A] (or the input byte)", PaperStage.READ),
  DECODE("decode", "subtract, input, output or echo, from a == -1 and b == -1", null),
  SUBTRACT("subtract", "mem[b] - mem[a] (two's complement) and r <= 0", PaperStage.SUBTRACT),
  IO("i/o", "take the input byte, print a byte", null),
  WRITE("write", "write back to mem[b]", PaperStage.WRITE),
  BRANCH("branch", "pc := c if the result is <= 0, else pc + 3; a halted pc stays",
      PaperStage.BRANCH);

  private final String label;
  private final String description;
  private final PaperStage paperStage;

  ClassicRole(String label, String description, PaperStage paperStage) {
    this.label = label;
    this.description = description;
    this.paperStage = paperStage;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }

  /** The paper's stage this role realises, if any. */
  @Override
  public Optional<PaperStage> paperStage() {
    return Optional.ofNullable(paperStage);
  }

  /** The roles of a classic construction's lemma, as classic roles. */
  public static ImmutableList<ClassicRole> of(StageLemma<ClassicStepContext> lemma) {
    return lemma.roles().stream().map(ClassicRole.class::cast)
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean running(ClassicStepContext s) {
    return s.detail().op() != ClassicOp.HALTED;
  }

  /**
   * The value the network's {@code r} holds after subtracting: the written value for a step
   * that writes; for output (b == -1) the difference it computes and discards; 0 for echo (both
   * reads are off) and at a halted pc (va = vb = mem[0]).
   */
  static long difference(ClassicStepContext s) {
    ClassicStepDetail d = s.detail();
    switch (d.op()) {
      case SUBTRACT:
      case INPUT:
        return d.result();
      case OUTPUT:
        return s.config().wrap(d.memB() - d.memA());
      default:
        return 0;
    }
  }

  /** The claims this role establishes on the registers it owns. */
  @Override
  public ImmutableList<RegisterClaim<ClassicStepContext>> effect(ClassicRegisters regs) {
    switch (this) {
      case FETCH:
        return ImmutableList.of(
            RegisterClaim.holds(regs.ra(), "ra == d.a()", s -> s.detail().a()),
            RegisterClaim.holds(regs.rb(), "rb == d.b()", s -> s.detail().b()),
            RegisterClaim.holds(regs.rc(), "rc == d.c()", s -> s.detail().c()),
            RegisterClaim.flag(regs.run(), "run == (d.op() != HALTED)",
                ClassicRole::running),
            RegisterClaim.flag(regs.ioA(), "io_a == (d.op() != HALTED && d.a() == -1)",
                s -> running(s) && s.detail().a() == ClassicMachine.IO),
            RegisterClaim.flag(regs.ioB(), "io_b == (d.op() != HALTED && d.b() == -1)",
                s -> running(s) && s.detail().b() == ClassicMachine.IO));
      case NEXT_PC:
        return ImmutableList.of(RegisterClaim.holds(regs.p3(),
            "p3 == (d.op() != HALTED ? d.pcPlusThree() : 0)",
            s -> running(s) ? s.detail().pcPlusThree() : 0));
      case READ:
        return ImmutableList.of(
            RegisterClaim.cleared(regs.ra()),
            RegisterClaim.holds(regs.va(), "va == (d.readsInput() ? 0 : d.memA())",
                s -> s.detail().readsInput() ? 0 : s.detail().memA()),
            RegisterClaim.holds(regs.vb(),
                "vb == (d.op() == INPUT ? d.result() : d.op() == ECHO ? 0 : d.memB())",
                s -> s.detail().op() == ClassicOp.INPUT ? s.detail().result()
                    : s.detail().op() == ClassicOp.ECHO ? 0 : s.detail().memB()));
      case DECODE:
        return ImmutableList.of(
            RegisterClaim.cleared(regs.run()),
            RegisterClaim.cleared(regs.ioA()),
            RegisterClaim.cleared(regs.ioB()),
            RegisterClaim.flag(regs.opSub(), "op.sub == (d.op() == SUBTRACT)",
                s -> s.detail().op() == ClassicOp.SUBTRACT),
            RegisterClaim.flag(regs.opIn(), "op.in == (d.op() == INPUT)",
                s -> s.detail().op() == ClassicOp.INPUT),
            RegisterClaim.flag(regs.opOut(), "op.out == (d.op() == OUTPUT)",
                s -> s.detail().op() == ClassicOp.OUTPUT),
            RegisterClaim.flag(regs.opEcho(), "op.echo == (d.op() == ECHO)",
                s -> s.detail().op() == ClassicOp.ECHO));
      case SUBTRACT:
        return ImmutableList.of(
            RegisterClaim.cleared(regs.va()),
            RegisterClaim.cleared(regs.vb()),
            RegisterClaim.holds(regs.r(), "r == (d.writes() ? d.result() : d.op() == OUTPUT"
                + " ? wrap_N(d.memB() - d.memA()) : 0)", ClassicRole::difference),
            RegisterClaim.flag(regs.br(), "br == d.branch()", s -> s.detail().branch()));
      case IO:
        return ImmutableList.of(
            RegisterClaim.flag(regs.inTaken(), "in.taken == d.readsInput()",
                s -> s.detail().readsInput()),
            RegisterClaim.holds(regs.outByte(), "out.byte == (d.prints() ? d.output() : 0)",
                s -> s.detail().prints() ? s.detail().output() : 0),
            RegisterClaim.flag(regs.outValid(), "out.valid == d.prints()",
                s -> s.detail().prints()),
            RegisterClaim.flag(regs.executed(), "executed == (d.op() != HALTED)",
                ClassicRole::running));
      case WRITE: {
        List<RegisterClaim<ClassicStepContext>> claims = new ArrayList<>();
        for (int i = 0; i < regs.config().memorySize(); i++) {
          int address = i;
          claims.add(RegisterClaim.holds(regs.mem(i), "mem[" + i + "] == after.word(" + i + ")",
              s -> s.after().word(address)));
        }
        claims.add(RegisterClaim.cleared(regs.rb()));
        claims.add(RegisterClaim.cleared(regs.r()));
        return ImmutableList.copyOf(claims);
      }
      case BRANCH: {
        List<RegisterClaim<ClassicStepContext>> claims = new ArrayList<>();
        claims.add(RegisterClaim.holds(regs.pc(), "pc == after.pc()", s -> s.after().pc()));
        claims.add(RegisterClaim.cleared(regs.rc()));
        claims.add(RegisterClaim.cleared(regs.p3()));
        claims.add(RegisterClaim.cleared(regs.br()));
        regs.ops().forEach(op -> claims.add(RegisterClaim.cleared(op)));
        return ImmutableList.copyOf(claims);
      }
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The state space at the start of a pass: memory and pc before the step, the input port
   * holding the offered byte (or end of input), the pass flags cleared by the host, scratch 0.
   */
  public static StateCondition<ClassicStepContext> passStart(ClassicRegisters regs) {
    List<RegisterClaim<ClassicStepContext>> claims = new ArrayList<>();
    for (int i = 0; i < regs.config().memorySize(); i++) {
      int address = i;
      claims.add(RegisterClaim.holds(regs.mem(i), "mem[" + i + "] == before.word(" + i + ")",
          s -> s.before().word(address)));
    }
    claims.add(RegisterClaim.holds(regs.pc(), "pc == before.pc()", s -> s.before().pc()));
    claims.addAll(inputPort(regs));
    for (Register r : regs.passFlags()) {
      claims.add(RegisterClaim.cleared(r));
    }
    for (Register r : regs.scratch()) {
      claims.add(RegisterClaim.cleared(r));
    }
    return StateCondition.of(claims);
  }

  /** The input port as the host fills it: the offered byte, or byte 0 and eof at the end. */
  static ImmutableList<RegisterClaim<ClassicStepContext>> inputPort(ClassicRegisters regs) {
    return ImmutableList.of(
        RegisterClaim.holds(regs.inByte(), "in.byte == (input == -1 ? 0 : input)",
            s -> s.nextInput() == ClassicMachine.END_OF_INPUT ? 0 : s.nextInput()),
        RegisterClaim.flag(regs.inEof(), "in.eof == (input == -1)",
            s -> s.nextInput() == ClassicMachine.END_OF_INPUT));
  }
}
