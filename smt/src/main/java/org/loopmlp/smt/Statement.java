package org.loopmlp.smt;

import java.util.ArrayList;
import java.util.List;

/**
 * A machine's lemmas in SMT-LIB, stated from SPEC over register names: per role, the registers it
 * writes and clears, its precondition beyond "bits, and 0 where cleared", and the value of each
 * register it writes as a function of the stage's input; and the whole pass against the
 * machine's step.
 */
abstract class Statement {
  /** Named intermediate values ({@code define-fun}) shared by the claims of one script. */
  static final class Defs {
    private final StringBuilder text = new StringBuilder();
    private final java.util.Set<String> used = new java.util.HashSet<>();
    private final String prefix;

    Defs() {
      this("");
    }

    /** Definitions whose symbols start with {@code spec.prefix}, apart from other scripts' parts. */
    Defs(String prefix) {
      this.prefix = prefix;
    }

    /** Defines {@code name} as the integer {@code term} and returns its symbol. */
    String let(String name, String term) {
      String s = unique(name);
      text.append("(define-fun ").append(s).append(" () Int ").append(term).append(")\n");
      return s;
    }

    /** Defines {@code name} as the Boolean {@code term} and returns its symbol. */
    String letBool(String name, String term) {
      String s = unique(name);
      text.append("(define-fun ").append(s).append(" () Bool ").append(term).append(")\n");
      return s;
    }

    private String unique(String name) {
      String n = name;
      for (int k = 2; !used.add(n); k++) {
        n = name + "#" + k;
      }
      return Smt.sym("spec." + prefix + n);
    }

    String text() {
      return text.toString();
    }
  }

  static Statement of(Subject s) {
    return s.machine() == Subject.Machine.PAPER ? new PaperStatement(s)
        : new ClassicStatement(s);
  }

  /** The registers 0 at the start of a pass (scratch, and the classic machine's pass flags). */
  abstract List<String> zeroAtPassStart();

  /** The registers a role writes with a value. */
  abstract List<String> written(String role);

  /** The registers a role sets to 0. */
  abstract List<String> cleared(String role);

  /** What a stage with these roles assumes of its input beyond bits and zeros. */
  List<String> precondition(List<String> roles, Registers in) {
    return List.of();
  }

  /** The goals, one per written register (or bit), that the role establishes (SPEC §9.1). */
  abstract List<Script.Goal> post(String role, Registers in, Registers out, Defs defs);

  /** What a pass assumes of its input beyond bits and the zeros of {@link #zeroAtPassStart}. */
  List<String> passPrecondition(Registers in) {
    return List.of();
  }

  /**
   * One claim per register of the state space: after one pass the state is the machine's step
   * of the state before (SPEC §2.3, §3.2), scratch 0.
   */
  abstract List<Script.Goal> passPost(Registers in, Registers out, Defs defs);

  /** The goal that every bit t of {@code out.r} is the 0/1 term {@code bit(t)}. */
  static Script.Goal bitsAre(Registers out, String r, java.util.function.IntFunction<String> bit) {
    List<String> c = new ArrayList<>();
    for (int t = 0; t < out.width(r); t++) {
      c.add(Smt.eq(out.bit(r, t), bit.apply(t)));
    }
    return new Script.Goal(r, Smt.op("and", c));
  }

  /** The goal that bit t of {@code out.r} alone is the 0/1 term {@code bit}. */
  static Script.Goal bitIs(Registers out, String r, int t, String bit) {
    return new Script.Goal(r + ".bit[" + t + "]", Smt.eq(out.bit(r, t), bit));
  }

  /**
   * Bit t of the integer {@code x}, for x in [lo, hi]: 1 exactly when x mod 2^(t+1) >= 2^t,
   * written as the union of the intervals [k 2^(t+1) + 2^t, (k+1) 2^(t+1)) that meet [lo, hi].
   */
  static String bitOf(String x, int t, long lo, long hi) {
    long period = 1L << (t + 1);
    long half = 1L << t;
    List<String> parts = new ArrayList<>();
    for (long k = Math.floorDiv(lo, period); k * period <= hi; k++) {
      long from = k * period + half;
      long to = (k + 1) * period;
      if (to - 1 >= lo && from <= hi) {
        parts.add("(and (>= x " + Smt.num(from) + ") (< x " + Smt.num(to) + "))");
      }
    }
    return "(let ((x " + x + ")) " + Smt.flag(Smt.op("or", parts)) + ")";
  }

  /**
   * Bit t of wrap_N(B - A), for words given by their 0/1 bit terms (least significant first) and
   * t < N: a number modulo 2^N has the low bits of the number, and bit t of a number depends on
   * its low t + 1 bits only, so it is bit t of sum_{j<=t} 2^j (B_j - A_j), in (-2^(t+1),
   * 2^(t+1)). The step's memory words are stated bit by bit this way: the same value as
   * wrap_N(mem[b] - mem[a]), in a form a solver composes with the subtract lemma.
   */
  static String differenceBit(List<String> b, List<String> a, int t) {
    List<String> terms = new ArrayList<>();
    for (int j = 0; j <= t; j++) {
      terms.add("(* " + (1L << j) + " (- " + b.get(j) + " " + a.get(j) + "))");
    }
    long span = (1L << (t + 1)) - 1;
    return bitOf(Smt.op("+", terms), t, -span, span);
  }

  /** A two's complement word of 0/1 bit terms is at most 0: its sign bit is 1, or it is 0. */
  static String atMostZero(List<String> bits) {
    return Smt.op("or", Smt.on(bits.get(bits.size() - 1)), Smt.op("and",
        bits.stream().map(x -> Smt.eq(x, "0")).toList()));
  }

  /** {@code out.r} holds bits whose unsigned value is {@code value}. */
  static String unsignedIs(Registers out, String r, String value) {
    return Smt.op("and", Smt.bits(out.bits(r)), Smt.eq(out.uval(r), value));
  }

  /** {@code out.r} holds bits whose two's complement value is {@code value}. */
  static String signedIs(Registers out, String r, String value) {
    return Smt.op("and", Smt.bits(out.bits(r)), Smt.eq(out.sval(r), value));
  }

  /** Every bit of {@code out.r} is 0. */
  static String zero(Registers out, String r) {
    return Smt.op("and", out.bits(r).stream().map(b -> Smt.eq(b, "0")).toList());
  }

  /** Every bit of {@code out.r} equals the same bit of {@code in.r}. */
  static String same(Registers in, Registers out, String r) {
    List<String> c = new ArrayList<>();
    for (int t = 0; t < in.width(r); t++) {
      c.add(Smt.eq(out.bit(r, t), in.bit(r, t)));
    }
    return Smt.op("and", c);
  }
}
