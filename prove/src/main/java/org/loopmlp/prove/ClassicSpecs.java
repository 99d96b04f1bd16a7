package org.loopmlp.prove;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.classic.ClassicRegisters;
import org.loopmlp.construction.classic.ClassicRole;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The prover's statement of the classic stage lemmas, output direction by output direction, as
 * functions of the stage's input registers (all of them bits) in the classic machine's
 * arithmetic. Roles of one stage run side by side: each reads the stage's input, and no two
 * change one register. With U the unsigned value of pc's N bits and T = min(2^(N-1), 2^A - 2)
 * (U >= T exactly when pc < 0 or pc + 2 >= 2^A: halted), and {@code [x]} the A low bits of a
 * word x (its sign bit repeated when N < A):
 *
 * <ul>
 *   <li>fetch: {@code ra, rb, rc = U < T ? mem[U], mem[U+1], mem[U+2] : 0}; {@code run = U < T};
 *       {@code io_a = U < T and mem[U] == -1}, {@code io_b} likewise with mem[U+1];
 *   <li>next pc: {@code p3 = U < T ? wrap_N(pc + 3) : 0}, bit t being bit t of {@code
 *       sum_{s<=t} 2^s pc_s + 3};
 *   <li>read: {@code va = io_a ? 0 : mem[[ra]]}; {@code vb = io_a ? (io_b ? 0 : w) : mem[[rb]]}
 *       with {@code w.bit[j] = in.byte.bit[j] or in.eof} (j < 8), {@code in.eof} (j >= 8): the
 *       byte, or -1 at end of input; {@code ra = 0};
 *   <li>decode: {@code op.sub = run and not io_a and not io_b}, {@code op.in = io_a and not
 *       io_b}, {@code op.out = io_b and not io_a}, {@code op.echo = io_a and io_b}; {@code run,
 *       io_a, io_b = 0};
 *   <li>subtract: {@code r = wrap_N(vb - va)} bit by bit as for the paper's machine; {@code br
 *       = op.sub and wrap_N(vb - va) <= 0}; {@code va = vb = 0};
 *   <li>i/o: {@code in.taken = op.in or op.echo}; {@code out.byte.bit[k] = op.out ?
 *       va.bit[min(k, N-1)] : op.echo ? in.byte.bit[k] : 0}; {@code out.valid = op.out or (op.echo
 *       and not in.eof)}; {@code executed} = any op flag;
 *   <li>write: {@code mem[i] = (op.sub or op.in) and [rb] == i ? r : mem[i]}; {@code rb = r =
 *       0};
 *   <li>branch: {@code pc = (no op flag) ? pc : br ? rc : p3}; {@code rc, p3, br} and the op
 *       flags 0.
 * </ul>
 *
 * Preconditions (what earlier stages guarantee, as forbidden patterns): read needs {@code in.eof
 * => in.byte == 0}; i/o, write and branch need at most one op flag; branch needs {@code br = 0}
 * and {@code p3 = 0} when no op flag is set.
 */
final class ClassicSpecs implements RoleSpecs<ClassicRole> {
  private final ClassicRegisters regs;
  private final StateLayout layout;
  private final int n;
  private final int a;

  ClassicSpecs(ClassicRegisters regs) {
    this.regs = regs;
    this.layout = regs.layout();
    this.n = regs.config().wordBits();
    this.a = regs.config().memoryBits();
  }

  /** The registers 0 at the start of a pass: the scratch and the flags the host clears. */
  @Override
  public ImmutableList<Register> zeroAtPassStart() {
    return ImmutableList.<Register>builder().addAll(regs.scratch()).addAll(regs.passFlags())
        .build();
  }

  /** T: pc halts exactly when its unsigned N-bit value is at least T. */
  static long haltThreshold(ClassicConfig config) {
    return Math.min(1L << (config.wordBits() - 1), config.memorySize() - 2L);
  }

  @Override
  public ImmutableList<Register> cleared(ClassicRole role) {
    switch (role) {
      case READ:
        return ImmutableList.of(regs.ra());
      case DECODE:
        return ImmutableList.of(regs.run(), regs.ioA(), regs.ioB());
      case SUBTRACT:
        return ImmutableList.of(regs.va(), regs.vb());
      case WRITE:
        return ImmutableList.of(regs.rb(), regs.r());
      case BRANCH:
        return ImmutableList.<Register>builder().add(regs.rc(), regs.p3(), regs.br())
            .addAll(regs.ops()).build();
      default:
        return ImmutableList.of();
    }
  }

  @Override
  public ImmutableList<Register> written(ClassicRole role) {
    switch (role) {
      case FETCH:
        return ImmutableList.of(regs.ra(), regs.rb(), regs.rc(), regs.run(), regs.ioA(),
            regs.ioB());
      case NEXT_PC:
        return ImmutableList.of(regs.p3());
      case READ:
        return ImmutableList.of(regs.va(), regs.vb());
      case DECODE:
        return regs.ops();
      case SUBTRACT:
        return ImmutableList.of(regs.r(), regs.br());
      case IO:
        return ImmutableList.of(regs.inTaken(), regs.outByte(), regs.outValid(),
            regs.executed());
      case WRITE:
        return regs.memory();
      case BRANCH:
        return ImmutableList.of(regs.pc());
      default:
        throw new AssertionError(role);
    }
  }

  /** Forbidden patterns of the role's precondition (literals {@code 2 * input + value}). */
  List<int[]> forbidden(ClassicRole role) {
    List<int[]> p = new ArrayList<>();
    int[] ops = regs.ops().stream().mapToInt(r -> dir(r, 0)).toArray();
    switch (role) {
      case READ:
        for (int k = 0; k < regs.inByte().width(); k++) {
          p.add(new int[] {lit(regs.inEof(), 0, 1), lit(regs.inByte(), k, 1)});
        }
        break;
      case IO:
      case WRITE:
      case BRANCH:
        for (int x = 0; x < ops.length; x++) {
          for (int y = x + 1; y < ops.length; y++) {
            p.add(new int[] {2 * ops[x] + 1, 2 * ops[y] + 1});
          }
        }
        if (role == ClassicRole.BRANCH) {
          p.add(noOpAnd(ops, lit(regs.br(), 0, 1)));
          for (int t = 0; t < n; t++) {
            p.add(noOpAnd(ops, lit(regs.p3(), t, 1)));
          }
        }
        break;
      default:
        break;
    }
    return p;
  }

  private static int[] noOpAnd(int[] ops, int literal) {
    int[] pattern = new int[ops.length + 1];
    for (int k = 0; k < ops.length; k++) {
      pattern[k] = 2 * ops[k];
    }
    pattern[ops.length] = literal;
    return pattern;
  }

  private Register[] control(ClassicRole role, Register target) {
    switch (role) {
      case FETCH:
      case NEXT_PC:
        return new Register[] {regs.pc()};
      case BRANCH:
        return new Register[] {regs.opSub(), regs.opIn(), regs.opOut(), regs.opEcho(),
            regs.br()};
      case READ:
        return target.equals(regs.va()) ? new Register[] {regs.ra(), regs.ioA()}
            : new Register[] {regs.rb(), regs.ioA(), regs.ioB()};
      case DECODE:
        return new Register[] {regs.run(), regs.ioA(), regs.ioB()};
      case SUBTRACT:
        return new Register[] {regs.va(), regs.vb()};
      case IO:
        return regs.ops().toArray(new Register[0]);
      case WRITE:
        return new Register[] {regs.rb()};
      default:
        throw new AssertionError(role);
    }
  }

  /**
   * The goals of a stage whose roles run side by side: one per written register (per bit for
   * the carry chains of subtract's r and next pc's p3), and a frame goal for every direction no
   * role writes (cleared ones required 0). Refused when two roles change one register.
   */
  @Override
  public List<Goal> goals(List<ClassicRole> roles) {
    Set<Register> changed = new HashSet<>();
    List<int[]> forbidden = new ArrayList<>();
    for (ClassicRole role : roles) {
      for (Register r : written(role)) {
        if (!changed.add(r)) {
          throw new IllegalArgumentException("roles " + roles + ": two change " + r.name());
        }
      }
      for (Register r : cleared(role)) {
        if (!changed.add(r)) {
          throw new IllegalArgumentException("roles " + roles + ": two change " + r.name());
        }
      }
      for (int[] p : forbidden(role)) {
        if (forbidden.stream().noneMatch(q -> java.util.Arrays.equals(p, q))) {
          forbidden.add(p);
        }
      }
    }
    int[][] pre = forbidden.toArray(new int[0][]);
    int dim = layout.dimension();
    int[] none = new int[dim];
    java.util.Arrays.fill(none, -1);
    int[] pair = none.clone();
    for (int j = 0; j < n; j++) {
      pair[dir(regs.va(), j)] = dir(regs.vb(), j);
      pair[dir(regs.vb(), j)] = dir(regs.va(), j);
    }
    Set<Integer> owned = new HashSet<>();
    Set<Integer> zero = new HashSet<>();
    Map<String, List<Integer>> outputs = new LinkedHashMap<>();
    Map<String, List<OutputSpec>> specs = new LinkedHashMap<>();
    Map<String, boolean[]> controls = new LinkedHashMap<>();
    Map<String, int[]> pairs = new LinkedHashMap<>();
    for (ClassicRole role : roles) {
      for (Register r : written(role)) {
        boolean perBit = r.equals(regs.r()) || r.equals(regs.p3());
        for (int t = 0; t < r.width(); t++) {
          String goal = perBit ? r.bit(t).name() : r.name();
          owned.add(dir(r, t));
          outputs.computeIfAbsent(goal, g -> new ArrayList<>()).add(dir(r, t));
          specs.computeIfAbsent(goal, g -> new ArrayList<>()).add(spec(role, r, t));
          controls.computeIfAbsent(goal, g -> mark(control(role, r)));
          pairs.put(goal, role == ClassicRole.SUBTRACT ? pair : none);
        }
      }
      cleared(role).forEach(r -> r.bits().forEach(d -> zero.add(layout.indexOf(d))));
    }
    List<Integer> frame = new ArrayList<>();
    List<OutputSpec> frameSpecs = new ArrayList<>();
    for (int i = 0; i < dim; i++) {
      if (!owned.contains(i)) {
        frame.add(i);
        frameSpecs.add(zero.contains(i) ? OutputSpec.zero() : OutputSpec.same(i));
      }
    }
    List<Goal> goals = new ArrayList<>();
    goals.add(new Goal("frame", toArray(frame), frameSpecs, new boolean[dim], none, pre));
    for (String g : outputs.keySet()) {
      goals.add(new Goal(g, toArray(outputs.get(g)), specs.get(g), controls.get(g),
          pairs.get(g), pre));
    }
    return goals;
  }

  private OutputSpec spec(ClassicRole role, Register target, int t) {
    int[] pc = bits(regs.pc());
    long halt = haltThreshold(regs.config());
    switch (role) {
      case FETCH: {
        if (target.equals(regs.run())) {
          return OutputSpec.belowOrZero(pc, halt, OutputSpec.one());
        }
        if (target.equals(regs.ioA()) || target.equals(regs.ioB())) {
          int field = target.equals(regs.ioA()) ? 0 : 1;
          return OutputSpec.belowOrZero(pc, halt, OutputSpec.dispatch(pc,
              q -> OutputSpec.allOf(allOnes(regs.mem(q + field)))));
        }
        int field = target.equals(regs.ra()) ? 0 : target.equals(regs.rb()) ? 1 : 2;
        return OutputSpec.belowOrZero(pc, halt,
            OutputSpec.dispatch(pc, q -> OutputSpec.same(dir(regs.mem(q + field), t))));
      }
      case NEXT_PC: {
        int[] vars = new int[t + 1];
        BigInteger[] coefs = new BigInteger[t + 1];
        for (int s = 0; s <= t; s++) {
          vars[s] = pc[s];
          coefs[s] = BigInteger.ONE.shiftLeft(s);
        }
        return OutputSpec.belowOrZero(pc, halt, OutputSpec.bitOf(vars, coefs, 3, t));
      }
      case READ: {
        int ioA = dir(regs.ioA(), 0);
        if (target.equals(regs.va())) {
          return OutputSpec.ifBit(ioA, OutputSpec.zero(), readMemory(regs.ra(), t));
        }
        int eof = dir(regs.inEof(), 0);
        OutputSpec w = t < regs.inByte().width()
            ? OutputSpec.ifBit(eof, OutputSpec.one(), OutputSpec.same(dir(regs.inByte(), t)))
            : OutputSpec.same(eof);
        return OutputSpec.ifBit(ioA,
            OutputSpec.ifBit(dir(regs.ioB(), 0), OutputSpec.zero(), w),
            readMemory(regs.rb(), t));
      }
      case DECODE: {
        int run = dir(regs.run(), 0);
        int ioA = dir(regs.ioA(), 0);
        int ioB = dir(regs.ioB(), 0);
        if (target.equals(regs.opSub())) {
          return OutputSpec.allOf(2 * run + 1, 2 * ioA, 2 * ioB);
        }
        if (target.equals(regs.opIn())) {
          return OutputSpec.allOf(2 * ioA + 1, 2 * ioB);
        }
        if (target.equals(regs.opOut())) {
          return OutputSpec.allOf(2 * ioA, 2 * ioB + 1);
        }
        return OutputSpec.allOf(2 * ioA + 1, 2 * ioB + 1);
      }
      case SUBTRACT: {
        int width = target.equals(regs.r()) ? t + 1 : n;
        int[] vars = new int[2 * width];
        BigInteger[] coefs = new BigInteger[vars.length];
        for (int j = 0; j < width; j++) {
          vars[2 * j] = dir(regs.vb(), j);
          coefs[2 * j] = BigInteger.ONE.shiftLeft(j);
          vars[2 * j + 1] = dir(regs.va(), j);
          coefs[2 * j + 1] = BigInteger.ONE.shiftLeft(j).negate();
        }
        if (target.equals(regs.r())) {
          return OutputSpec.bitOf(vars, coefs, 0, t);
        }
        return OutputSpec.ifBit(dir(regs.opSub(), 0),
            OutputSpec.wrappedAtMostZero(vars, coefs, n), OutputSpec.zero());
      }
      case IO: {
        int[] ops = regs.ops().stream().mapToInt(r -> dir(r, 0)).toArray();
        int in = dir(regs.opIn(), 0);
        int out = dir(regs.opOut(), 0);
        int echo = dir(regs.opEcho(), 0);
        if (target.equals(regs.inTaken())) {
          return OutputSpec.ifAny(new int[] {in, echo}, OutputSpec.one(), OutputSpec.zero());
        }
        if (target.equals(regs.outByte())) {
          return OutputSpec.ifBit(out, OutputSpec.same(dir(regs.va(), Math.min(t, n - 1))),
              OutputSpec.ifBit(echo, OutputSpec.same(dir(regs.inByte(), t)),
                  OutputSpec.zero()));
        }
        if (target.equals(regs.outValid())) {
          return OutputSpec.ifBit(out, OutputSpec.one(),
              OutputSpec.allOf(2 * echo + 1, 2 * dir(regs.inEof(), 0)));
        }
        return OutputSpec.ifAny(ops, OutputSpec.one(), OutputSpec.zero());
      }
      case WRITE: {
        int i = regs.memory().indexOf(target);
        int cell = dir(target, t);
        int[] writes = {dir(regs.opSub(), 0), dir(regs.opIn(), 0)};
        return OutputSpec.ifAny(writes,
            OutputSpec.select(addressBits(regs.rb()), i, dir(regs.r(), t), cell),
            OutputSpec.same(cell));
      }
      case BRANCH: {
        int[] ops = regs.ops().stream().mapToInt(r -> dir(r, 0)).toArray();
        return OutputSpec.ifAny(ops, OutputSpec.ifBit(dir(regs.br(), 0),
            OutputSpec.same(dir(regs.rc(), t)), OutputSpec.same(dir(regs.p3(), t))),
            OutputSpec.same(pc[t]));
      }
      default:
        throw new AssertionError(role);
    }
  }

  private OutputSpec readMemory(Register address, int t) {
    return OutputSpec.dispatch(addressBits(address),
        i -> OutputSpec.same(dir(regs.mem(i), t)));
  }

  /** The A bits of a word taken as an address: bit min(t, N-1) for t < A. */
  private int[] addressBits(Register word) {
    int[] bits = new int[a];
    for (int t = 0; t < a; t++) {
      bits[t] = dir(word, Math.min(t, n - 1));
    }
    return bits;
  }

  private int[] allOnes(Register word) {
    int[] lits = new int[word.width()];
    for (int j = 0; j < lits.length; j++) {
      lits[j] = lit(word, j, 1);
    }
    return lits;
  }

  private int lit(Register r, int t, int value) {
    return 2 * dir(r, t) + value;
  }

  private int dir(Register r, int t) {
    return layout.indexOf(r.bit(t));
  }

  private int[] bits(Register r) {
    return r.bits().stream().mapToInt(layout::indexOf).toArray();
  }

  private boolean[] mark(Register[] control) {
    boolean[] m = new boolean[layout.dimension()];
    for (Register r : control) {
      r.bits().forEach(d -> m[layout.indexOf(d)] = true);
    }
    return m;
  }

  private static int[] toArray(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }
}
