package org.loopmlp.smt;

import java.math.BigInteger;
import java.util.List;
import java.util.function.IntFunction;
import org.loopmlp.exact.Rational;

/** SMT-LIB 2 terms as text: linear integer arithmetic, {@code ite}, Boolean connectives. */
final class Smt {
  private Smt() {}

  /** A quoted symbol: any name without {@code |} or {@code \}. */
  static String sym(String name) {
    if (name.indexOf('|') >= 0 || name.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("name " + name + " cannot be an SMT-LIB symbol");
    }
    return "|" + name + "|";
  }

  static String num(long v) {
    return v < 0 ? "(- " + (-v) + ")" : Long.toString(v);
  }

  static String num(BigInteger v) {
    return v.signum() < 0 ? "(- " + v.negate() + ")" : v.toString();
  }

  /** An exact rational: an integer numeral, or {@code (/ p q)} (only in real-sorted scripts). */
  static String num(Rational r) {
    if (r.isInteger()) {
      return num(r.numerator());
    }
    return "(/ " + num(r.numerator()) + " " + r.denominator() + ")";
  }

  static BigInteger pow2(int e) {
    return BigInteger.ONE.shiftLeft(e);
  }

  static String op(String op, List<String> args) {
    if (args.isEmpty()) {
      switch (op) {
        case "and":
          return "true";
        case "or":
          return "false";
        case "+":
          return "0";
        default:
          throw new IllegalArgumentException(op + " of nothing");
      }
    }
    if (args.size() == 1 && (op.equals("and") || op.equals("or") || op.equals("+"))) {
      return args.get(0);
    }
    return "(" + op + " " + String.join(" ", args) + ")";
  }

  static String op(String op, String... args) {
    return op(op, List.of(args));
  }

  static String ite(String c, String t, String e) {
    return "(ite " + c + " " + t + " " + e + ")";
  }

  static String eq(String x, String y) {
    return "(= " + x + " " + y + ")";
  }

  static String not(String x) {
    return "(not " + x + ")";
  }

  /** A 0/1 term that is 1 exactly when {@code cond}. */
  static String flag(String cond) {
    return ite(cond, "1", "0");
  }

  /** True when the 0/1 term {@code bit} is 1. */
  static String on(String bit) {
    return eq(bit, "1");
  }

  /** The unsigned value of bits, least significant first: {@code sum 2^t b_t}. */
  static String uval(List<String> bits) {
    StringBuilder s = new StringBuilder("(+");
    for (int t = 0; t < bits.size(); t++) {
      s.append(' ').append(t == 0 ? bits.get(0) : "(* " + pow2(t) + " " + bits.get(t) + ")");
    }
    return bits.size() == 1 ? bits.get(0) : s.append(')').toString();
  }

  /** The two's complement value of bits: {@code uval - 2^L b_(L-1)} (SPEC §7.1). */
  static String sval(List<String> bits) {
    int l = bits.size();
    return "(- " + uval(bits) + " (* " + pow2(l) + " " + bits.get(l - 1) + "))";
  }

  /** {@code wrap_N(x)} (SPEC notation): x modulo 2^N read back as a signed word. */
  static String wrap(String x, int n) {
    BigInteger half = pow2(n - 1);
    return "(let ((w " + x + ")) (ite (>= w " + half + ") (- w " + pow2(n) + ") (ite (< w "
        + num(half.negate()) + ") (+ w " + pow2(n) + ") w)))";
  }

  /**
   * {@code value(index)} for the index term's value in [0, count): a chain of ite on index; the
   * last value also stands for every index outside the range, which callers exclude.
   */
  static String select(String index, int count, IntFunction<String> value) {
    String t = value.apply(count - 1);
    for (int i = count - 2; i >= 0; i--) {
      t = ite(eq(index, Integer.toString(i)), value.apply(i), t);
    }
    return t;
  }

  /** Every term of {@code bits} is 0 or 1. */
  static String bits(List<String> bits) {
    return op("and", bits.stream().map(b -> "(or (= " + b + " 0) (= " + b + " 1))").toList());
  }
}
