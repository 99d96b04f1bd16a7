package org.loopmlp.prove;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.PaperStage;

/**
 * The prover's statement of the six lemmas (SPEC §9), output direction by output direction,
 * with the reference machine's arithmetic:
 *
 * <ul>
 *   <li>fetch: {@code ra, rb, rc = code[pc].a, .b, .c};
 *   <li>read: {@code va = mem[ra]}, {@code vb = mem[rb]}, {@code ra = 0};
 *   <li>subtract: {@code r = wrap_N(vb - va)}, bit i being bit i of {@code sum_{j<=i} 2^j (vb_j -
 *       va_j)} (the two agree modulo 2^(i+1)); {@code va = vb = 0};
 *   <li>write: {@code mem[i] = (rb == i) ? r : mem[i]}, {@code rb = 0};
 *   <li>next pc: {@code pc1 = (pc + 1) mod 2^C}, bit t being bit t of {@code sum_{s<=t} 2^s pc_s +
 *       1};
 *   <li>branch: {@code pc = (r <= 0) ? rc : pc1} with r read as two's complement; {@code r = rc =
 *       pc1 = 0}.
 * </ul>
 *
 * Every other direction is the frame: unchanged. Owned registers that need a case split get a goal
 * each (one per bit for the carry chains of subtract and next pc, so each bit's split stays
 * small); the frame and the cleared registers form one goal that needs no split. For subtract,
 * va_j and vb_j are paired: a case may tie them (equal, or opposite), so the carry chain is
 * followed in O(N) cases per bit instead of 2^i.
 */
final class PaperSpecs implements RoleSpecs<PaperStage> {
  private final PaperRegisters regs;
  private final StateLayout layout;

  PaperSpecs(PaperRegisters regs) {
    this.regs = regs;
    this.layout = regs.layout();
  }

  /** The scratch registers: 0 at the start of a pass. */
  @Override
  public ImmutableList<Register> zeroAtPassStart() {
    return regs.scratch();
  }

  /** The registers the role sets to 0. */
  @Override
  public ImmutableList<Register> cleared(PaperStage role) {
    switch (role) {
      case READ:
        return ImmutableList.of(regs.ra());
      case SUBTRACT:
        return ImmutableList.of(regs.va(), regs.vb());
      case WRITE:
        return ImmutableList.of(regs.rb());
      case BRANCH:
        return ImmutableList.of(regs.r(), regs.rc(), regs.pc1());
      default:
        return ImmutableList.of();
    }
  }

  /** The registers the role writes with a value (they hold bits afterwards). */
  @Override
  public ImmutableList<Register> written(PaperStage role) {
    switch (role) {
      case FETCH:
        return ImmutableList.of(regs.ra(), regs.rb(), regs.rc());
      case READ:
        return ImmutableList.of(regs.va(), regs.vb());
      case SUBTRACT:
        return ImmutableList.of(regs.r());
      case WRITE:
        return regs.memory();
      case NEXT_PC:
        return ImmutableList.of(regs.pc1());
      case BRANCH:
        return ImmutableList.of(regs.pc());
      default:
        throw new AssertionError(role);
    }
  }

  /** The registers the role's lemma reads (its values are functions of these inputs). */
  ImmutableList<Register> read(PaperStage role) {
    switch (role) {
      case FETCH:
        return ImmutableList.<Register>builder().add(regs.pc()).addAll(regs.code()).build();
      case READ:
        return ImmutableList.<Register>builder().add(regs.ra(), regs.rb())
            .addAll(regs.memory()).build();
      case SUBTRACT:
        return ImmutableList.of(regs.va(), regs.vb());
      case WRITE:
        return ImmutableList.<Register>builder().add(regs.rb(), regs.r())
            .addAll(regs.memory()).build();
      case NEXT_PC:
        return ImmutableList.of(regs.pc());
      case BRANCH:
        return ImmutableList.of(regs.r(), regs.rc(), regs.pc1());
      default:
        throw new AssertionError(role);
    }
  }

  /** The goals of a stage with role {@code role}: every state direction in exactly one. */
  List<Goal> goals(PaperStage role) {
    return goals(List.of(role));
  }

  /**
   * The goals of a stage whose parts play {@code roles} side by side, their effects in this
   * order: the union of the roles' goals, one frame goal for what no role owns. The union states
   * the sequential composition (each role on the previous role's output) exactly when no role
   * reads a register an earlier role writes or clears, and no two roles own the same register
   * (SPEC §8); otherwise refused. Every state direction is in exactly one goal.
   */
  @Override
  public List<Goal> goals(List<PaperStage> roles) {
    Set<Register> changed = new HashSet<>();
    for (PaperStage role : roles) {
      for (Register r : read(role)) {
        if (changed.contains(r)) {
          throw new IllegalArgumentException("roles " + roles + " cannot run side by side: "
              + role.label() + " reads " + r.name() + ", which an earlier role changes");
        }
      }
      for (Register r : owned(role)) {
        if (!changed.add(r)) {
          throw new IllegalArgumentException("roles " + roles + " cannot run side by side: two"
              + " change " + r.name());
        }
      }
    }
    Map<String, List<Integer>> outputs = new LinkedHashMap<>();
    Map<String, List<OutputSpec>> specs = new LinkedHashMap<>();
    Map<String, Register[]> control = new LinkedHashMap<>();
    Map<String, PaperStage> roleOf = new LinkedHashMap<>();
    Set<Integer> owned = new HashSet<>();
    Set<Integer> zero = new HashSet<>();
    for (PaperStage role : roles) {
      for (Register r : written(role)) {
        for (int t = 0; t < r.width(); t++) {
          boolean perBit = role == PaperStage.SUBTRACT || role == PaperStage.NEXT_PC;
          String goal = perBit ? r.bit(t).name() : r.name();
          int out = layout.indexOf(r.bit(t));
          owned.add(out);
          outputs.computeIfAbsent(goal, g -> new ArrayList<>()).add(out);
          specs.computeIfAbsent(goal, g -> new ArrayList<>()).add(spec(role, r, t));
          control.put(goal, controlOf(role, r));
          roleOf.put(goal, role);
        }
      }
      cleared(role).forEach(r -> r.bits().forEach(d -> zero.add(layout.indexOf(d))));
    }
    List<Integer> frame = new ArrayList<>();
    List<OutputSpec> frameSpecs = new ArrayList<>();
    for (int i = 0; i < layout.dimension(); i++) {
      if (!owned.contains(i)) {
        frame.add(i);
        frameSpecs.add(zero.contains(i) ? OutputSpec.zero() : OutputSpec.same(i));
      }
    }
    List<Goal> goals = new ArrayList<>();
    int[] none = new int[layout.dimension()];
    java.util.Arrays.fill(none, -1);
    goals.add(new Goal("frame", toArray(frame), frameSpecs, new boolean[layout.dimension()],
        none));
    int[] pair = none.clone();
    for (int j = 0; j < regs.va().width(); j++) {
      pair[layout.indexOf(regs.va().bit(j))] = layout.indexOf(regs.vb().bit(j));
      pair[layout.indexOf(regs.vb().bit(j))] = layout.indexOf(regs.va().bit(j));
    }
    Map<List<Register>, boolean[]> controls = new java.util.HashMap<>();
    for (String g : outputs.keySet()) {
      boolean[] c = controls.computeIfAbsent(List.of(control.get(g)), regs -> {
        boolean[] mark = new boolean[layout.dimension()];
        regs.forEach(r -> r.bits().forEach(d -> mark[layout.indexOf(d)] = true));
        return mark;
      });
      goals.add(new Goal(g, toArray(outputs.get(g)), specs.get(g), c,
          roleOf.get(g) == PaperStage.SUBTRACT ? pair : none));
    }
    return goals;
  }

  /** The registers the role changes: written with a value, or cleared. */
  private List<Register> owned(PaperStage role) {
    List<Register> all = new ArrayList<>(written(role));
    all.addAll(cleared(role));
    return all;
  }

  private Register[] controlOf(PaperStage role, Register target) {
    switch (role) {
      case FETCH:
      case NEXT_PC:
        return new Register[] {regs.pc()};
      case READ:
        return new Register[] {target.equals(regs.va()) ? regs.ra() : regs.rb()};
      case SUBTRACT:
        return new Register[] {regs.va(), regs.vb()};
      case WRITE:
        return new Register[] {regs.rb()};
      case BRANCH:
        return new Register[] {regs.r()};
      default:
        throw new AssertionError(role);
    }
  }

  private OutputSpec spec(PaperStage role, Register target, int t) {
    switch (role) {
      case FETCH: {
        Field f = target.equals(regs.ra()) ? Field.A : target.equals(regs.rb()) ? Field.B : Field.C;
        return OutputSpec.indexed(bits(regs.pc()),
            q -> layout.indexOf(regs.code(q, f).bit(t)));
      }
      case READ: {
        Register address = target.equals(regs.va()) ? regs.ra() : regs.rb();
        return OutputSpec.indexed(bits(address), i -> layout.indexOf(regs.mem(i).bit(t)));
      }
      case SUBTRACT: {
        int[] vars = new int[2 * (t + 1)];
        BigInteger[] coefs = new BigInteger[vars.length];
        for (int j = 0; j <= t; j++) {
          vars[2 * j] = layout.indexOf(regs.vb().bit(j));
          coefs[2 * j] = BigInteger.ONE.shiftLeft(j);
          vars[2 * j + 1] = layout.indexOf(regs.va().bit(j));
          coefs[2 * j + 1] = BigInteger.ONE.shiftLeft(j).negate();
        }
        return OutputSpec.bitOf(vars, coefs, 0, t);
      }
      case WRITE: {
        int i = regs.memory().indexOf(target);
        return OutputSpec.select(bits(regs.rb()), i, layout.indexOf(regs.r().bit(t)),
            layout.indexOf(target.bit(t)));
      }
      case NEXT_PC: {
        int[] vars = new int[t + 1];
        BigInteger[] coefs = new BigInteger[t + 1];
        for (int s = 0; s <= t; s++) {
          vars[s] = layout.indexOf(regs.pc().bit(s));
          coefs[s] = BigInteger.ONE.shiftLeft(s);
        }
        return OutputSpec.bitOf(vars, coefs, 1, t);
      }
      case BRANCH: {
        Register r = regs.r();
        int[] vars = bits(r);
        BigInteger[] coefs = new BigInteger[vars.length];
        for (int j = 0; j < vars.length; j++) {
          coefs[j] = j == vars.length - 1 ? BigInteger.ONE.shiftLeft(j).negate()
              : BigInteger.ONE.shiftLeft(j);
        }
        return OutputSpec.ifAtMostZero(vars, coefs, layout.indexOf(regs.rc().bit(t)),
            layout.indexOf(regs.pc1().bit(t)));
      }
      default:
        throw new AssertionError(role);
    }
  }

  private int[] bits(Register r) {
    return r.bits().stream().mapToInt(layout::indexOf).toArray();
  }

  private static int[] toArray(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }
}
