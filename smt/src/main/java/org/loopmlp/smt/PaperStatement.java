package org.loopmlp.smt;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper machine's six lemmas (SPEC §9.1) and its step (SPEC §2.3), over the registers of
 * SPEC §7.1: {@code code[q].a/.b/.c}, {@code mem[i]}, {@code pc}, scratch {@code ra, rb, rc, pc1,
 * va, vb, r}.
 */
final class PaperStatement extends Statement {
  private final int n;
  private final int m;
  private final int k;

  PaperStatement(Subject s) {
    this.n = s.wordBits();
    this.m = 1 << s.dataBits();
    this.k = 1 << s.codeBits();
  }

  @Override
  List<String> zeroAtPassStart() {
    return List.of("ra", "rb", "rc", "pc1", "va", "vb", "r");
  }

  @Override
  List<String> written(String role) {
    switch (role) {
      case "FETCH":
        return List.of("ra", "rb", "rc");
      case "READ":
        return List.of("va", "vb");
      case "SUBTRACT":
        return List.of("r");
      case "WRITE":
        List<String> mem = new ArrayList<>();
        for (int i = 0; i < m; i++) {
          mem.add("mem[" + i + "]");
        }
        return mem;
      case "NEXT_PC":
        return List.of("pc1");
      case "BRANCH":
        return List.of("pc");
      default:
        throw new IllegalArgumentException("no paper role " + role);
    }
  }

  @Override
  List<String> cleared(String role) {
    switch (role) {
      case "READ":
        return List.of("ra");
      case "SUBTRACT":
        return List.of("va", "vb");
      case "WRITE":
        return List.of("rb");
      case "BRANCH":
        return List.of("r", "rc", "pc1");
      default:
        return List.of();
    }
  }

  @Override
  List<Script.Goal> post(String role, Registers in, Registers out, Defs defs) {
    List<Script.Goal> g = new ArrayList<>();
    switch (role) {
      case "FETCH": {
        // ra, rb, rc := code[pc].a, code[pc].b, code[pc].c
        String pc = defs.let("pc", in.uval("pc"));
        for (String f : List.of("a", "b", "c")) {
          g.add(bitsAre(out, "r" + f,
              t -> Smt.select(pc, k, q -> in.bit("code[" + q + "]." + f, t))));
        }
        break;
      }
      case "READ": {
        // va := mem[ra], vb := mem[rb]
        for (String x : List.of("a", "b")) {
          String address = defs.let("r" + x, in.uval("r" + x));
          g.add(bitsAre(out, "v" + x, t -> Smt.select(address, m, i -> in.bit("mem[" + i + "]",
              t))));
        }
        break;
      }
      case "SUBTRACT":
        subtractPost(g, in, out);
        break;
      case "WRITE": {
        // mem[rb] := r
        String rb = defs.let("rb", in.uval("rb"));
        for (int i = 0; i < m; i++) {
          String here = Smt.eq(rb, Integer.toString(i));
          String cell = "mem[" + i + "]";
          g.add(bitsAre(out, cell, t -> Smt.ite(here, in.bit("r", t), in.bit(cell, t))));
        }
        break;
      }
      case "NEXT_PC":
        // pc1 := (pc + 1) mod 2^C; bit t is bit t of sum_{s<=t} 2^s pc_s + 1, in [1, 2^(t+1)]
        for (int t = 0; t < in.width("pc"); t++) {
          String low = Smt.uval(in.bits("pc").subList(0, t + 1));
          g.add(bitIs(out, "pc1", t, bitOf("(+ " + low + " 1)", t, 1, 1L << (t + 1))));
        }
        break;
      case "BRANCH": {
        // pc := (r <= 0) ? rc : pc1, r read as two's complement
        String taken = defs.letBool("r<=0", "(<= " + in.sval("r") + " 0)");
        g.add(bitsAre(out, "pc", t -> Smt.ite(taken, in.bit("rc", t), in.bit("pc1", t))));
        break;
      }
      default:
        throw new IllegalArgumentException("no paper role " + role);
    }
    return g;
  }

  /**
   * SUBTRACT: r := wrap_N(vb - va); bit i of a value modulo 2^N is bit i of its low i+1 bits:
   * sum_{j<=i} 2^j (vb_j - va_j), in (-2^(i+1), 2^(i+1)).
   */
  private void subtractPost(List<Script.Goal> g, Registers in, Registers out) {
    for (int i = 0; i < n; i++) {
      List<String> terms = new ArrayList<>();
      for (int j = 0; j <= i; j++) {
        terms.add("(* " + (1L << j) + " (- " + in.bit("vb", j) + " " + in.bit("va", j) + "))");
      }
      long span = (1L << (i + 1)) - 1;
      g.add(bitIs(out, "r", i, bitOf(Smt.op("+", terms), i, -span, span)));
    }
  }

  @Override
  List<Script.Goal> passPost(Registers in, Registers out, Defs defs) {
    // SPEC §2.3: (a, b, c) = program[pc]; r = wrap_N(mem[b] - mem[a]); mem[b] = r;
    // pc = (r <= 0) ? c : (pc + 1) mod k. The program is read-only; scratch is 0 (SPEC §7.3).
    List<Script.Goal> g = new ArrayList<>();
    String pc = defs.let("pc", in.uval("pc"));
    String a = defs.let("a", Smt.select(pc, k, q -> in.uval("code[" + q + "].a")));
    String b = defs.let("b", Smt.select(pc, k, q -> in.uval("code[" + q + "].b")));
    // r = wrap_N(mem[b] - mem[a]) bit by bit (Statement.differenceBit); r <= 0 on those bits
    List<String> memA = new ArrayList<>();
    List<String> memB = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      int bit = t;
      memA.add(defs.let("mem[a].bit[" + t + "]", Smt.select(a, m, i -> in.bit("mem[" + i + "]",
          bit))));
      memB.add(defs.let("mem[b].bit[" + t + "]", Smt.select(b, m, i -> in.bit("mem[" + i + "]",
          bit))));
    }
    List<String> r = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      r.add(defs.let("r.bit[" + t + "]", differenceBit(memB, memA, t)));
    }
    String taken = defs.letBool("r<=0", atMostZero(r));
    for (String reg : in.names()) {
      if (reg.startsWith("code[")) {
        g.add(new Script.Goal(reg, same(in, out, reg)));
      } else if (reg.startsWith("mem[")) {
        int i = Integer.parseInt(reg.substring(4, reg.length() - 1));
        String here = Smt.eq(b, Integer.toString(i));
        g.add(bitsAre(out, reg, t -> Smt.ite(here, r.get(t), in.bit(reg, t))));
      } else if (reg.equals("pc")) {
        // bit t: c's bit t, or bit t of (pc + 1) mod k, which is bit t of the low t + 1 bits
        // of pc plus 1
        g.add(bitsAre(out, "pc", t -> Smt.ite(taken, Smt.select(pc, k,
            q -> in.bit("code[" + q + "].c", t)), bitOf("(+ " + Smt.uval(in.bits("pc")
                .subList(0, t + 1)) + " 1)", t, 1, 1L << (t + 1)))));
      } else {
        g.add(new Script.Goal(reg, zero(out, reg)));
      }
    }
    return g;
  }
}
