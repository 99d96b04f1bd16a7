package org.loopmlp.isa.classic.gen;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.statistics.Statistics;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicOp;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * The corners of the classic machine a step or a run can reach, classified from the reference
 * machine's {@link ClassicStepDetail} (never from a network's output), so properties can record
 * what their cases exercised and fail when a generator stops reaching a corner.
 */
public enum ClassicCoverage {
  /** A subtract step. */
  SUBTRACT("subtract"),
  /** A subtract whose result is {@code <= 0}: jumps to c. */
  BRANCH_TAKEN("branch taken"),
  /** A subtract whose result is {@code > 0}: falls through to pc + 3. */
  BRANCH_NOT_TAKEN("branch not taken"),
  /** A subtract whose exact difference does not fit in N bits and wraps. */
  RESULT_WRAPPED("result wrapped"),
  /** A subtract with {@code a == b} (clears the word, always branches). */
  SAME_OPERAND("a == b"),
  /** An operand outside [0, 2^A) that is not the I/O operand: taken modulo 2^A. */
  OPERAND_WRAPPED("operand taken mod 2^A"),
  /** An input step that read a byte 0..127. */
  INPUT_BYTE("input byte"),
  /** An input step that read a byte 128..255. */
  INPUT_HIGH_BYTE("input byte >= 128"),
  /** An input step at the end of input (stores -1). */
  INPUT_END("input at end"),
  /** An output step. */
  OUTPUT("output"),
  /** An output step whose word is outside 0..255: only its low 8 bits are printed. */
  OUTPUT_LOW_BITS("output of a word outside 0..255"),
  /** An echo step ({@code a == b == -1}) that copied a byte. */
  ECHO_BYTE("echo byte"),
  /** An echo step at the end of input (prints nothing). */
  ECHO_END("echo at end"),
  /** A write into one of the three words of the instruction being executed. */
  WRITES_THIS_INSTRUCTION("writes the executing instruction"),
  /** A write into one of the three words of the next instruction (pc + 3 .. pc + 5). */
  WRITES_NEXT_INSTRUCTION("writes the next instruction"),
  /** A step whose pc + 3 does not fit in N bits and wraps. */
  PC_WRAPPED("pc + 3 wrapped"),
  /** A run that ended at a negative pc. */
  HALTED_NEGATIVE_PC("halted at pc < 0"),
  /** A run that ended where the instruction does not fit ({@code pc + 2 >= 2^A}). */
  HALTED_OFF_END("halted off the end"),
  /** A run that reached its step limit without halting. */
  STEP_LIMIT("step limit");

  private final String label;

  ClassicCoverage(String label) {
    this.label = label;
  }

  /** A short human-readable name, used as a statistics label. */
  public String label() {
    return label;
  }

  /** The corners one step reaches (empty for a halted state, which is no step). */
  public static EnumSet<ClassicCoverage> ofStep(ClassicConfig config, ClassicStepDetail d) {
    checkNotNull(config, "config");
    checkNotNull(d, "d");
    EnumSet<ClassicCoverage> hit = EnumSet.noneOf(ClassicCoverage.class);
    if (d.op() == ClassicOp.HALTED) {
      return hit;
    }
    long size = config.memorySize();
    boolean aWraps = d.a() != -1 && (d.a() < 0 || d.a() >= size);
    boolean bWraps = d.b() != -1 && (d.b() < 0 || d.b() >= size);
    switch (d.op()) {
      case SUBTRACT -> {
        hit.add(SUBTRACT);
        hit.add(d.branch() ? BRANCH_TAKEN : BRANCH_NOT_TAKEN);
        if (d.memB() - d.memA() != d.result()) {
          hit.add(RESULT_WRAPPED);
        }
        if (d.a() == d.b()) {
          hit.add(SAME_OPERAND);
        }
        if (aWraps || bWraps) {
          hit.add(OPERAND_WRAPPED);
        }
      }
      case INPUT -> {
        hit.add(d.input() < 0 ? INPUT_END : d.input() >= 128 ? INPUT_HIGH_BYTE : INPUT_BYTE);
        if (bWraps) {
          hit.add(OPERAND_WRAPPED);
        }
      }
      case OUTPUT -> {
        hit.add(OUTPUT);
        if (d.memA() < 0 || d.memA() > 255) {
          hit.add(OUTPUT_LOW_BITS);
        }
        if (aWraps) {
          hit.add(OPERAND_WRAPPED);
        }
      }
      case ECHO -> hit.add(d.input() < 0 ? ECHO_END : ECHO_BYTE);
      default -> throw new AssertionError(d.op());
    }
    if (d.writes()) {
      long offset = d.addrB() - d.pc();
      if (offset >= 0 && offset < 3) {
        hit.add(WRITES_THIS_INSTRUCTION);
      } else if (offset >= 3 && offset < 6) {
        hit.add(WRITES_NEXT_INSTRUCTION);
      }
    }
    if (d.pcPlusThree() != d.pc() + 3) {
      hit.add(PC_WRAPPED);
    }
    return hit;
  }

  /** How a run ended: halted at a negative pc, off the end, or stopped at its step limit. */
  public static ClassicCoverage ending(ClassicRun run) {
    ClassicState last = run.finalState();
    if (!last.halted()) {
      return STEP_LIMIT;
    }
    return last.pc() < 0 ? HALTED_NEGATIVE_PC : HALTED_OFF_END;
  }

  /** Every corner a traced run reached, its ending included. */
  public static EnumSet<ClassicCoverage> ofRun(ClassicRun run) {
    checkArgument(run.trace().isPresent(), "coverage needs a traced run");
    ClassicConfig config = run.finalState().config();
    EnumSet<ClassicCoverage> hit = EnumSet.of(ending(run));
    for (ClassicStepDetail d : run.trace().get().details()) {
      hit.addAll(ofStep(config, d));
    }
    return hit;
  }

  /** Records, under each corner's label, whether {@code hit} contains it. */
  public static void collect(Set<ClassicCoverage> hit) {
    for (ClassicCoverage c : values()) {
      Statistics.label(c.label()).collect(hit.contains(c));
    }
  }

  /**
   * Fails the property unless each of {@code corners} was hit in at least {@code minPercent}
   * of the tries (after {@link #collect} in every try).
   */
  public static void checkCoverage(Collection<ClassicCoverage> corners, double minPercent) {
    for (ClassicCoverage c : corners) {
      Statistics.label(c.label())
          .coverage(check -> check.check(true).percentage(p -> p >= minPercent));
    }
  }
}
