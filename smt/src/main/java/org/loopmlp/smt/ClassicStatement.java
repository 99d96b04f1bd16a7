package org.loopmlp.smt;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic machine (SPEC §3): its step, and the lemmas of its construction's roles (fetch,
 * next pc, read, decode, subtract, i/o, write, branch; SPEC §8.7), each a function of the
 * stage's input registers. Words are N-bit two's complement; an address is a word modulo 2^A;
 * with U the unsigned value of pc's N bits, the machine runs exactly when U < T = min(2^(N-1),
 * 2^A - 2), i.e. when 0 <= pc and pc + 2 < 2^A (SPEC §3.2).
 */
final class ClassicStatement extends Statement {
  private static final List<String> OPS = List.of("op.sub", "op.in", "op.out", "op.echo");

  private final int n;
  private final int a;
  private final int size;
  private final long t;

  ClassicStatement(Subject s) {
    this.n = s.wordBits();
    this.a = s.dataBits();
    this.size = 1 << a;
    this.t = Math.min(1L << (n - 1), size - 2L);
  }

  @Override
  List<String> zeroAtPassStart() {
    return List.of("ra", "rb", "rc", "p3", "run", "io_a", "io_b", "va", "vb", "op.sub", "op.in",
        "op.out", "op.echo", "r", "br", "in.taken", "out.byte", "out.valid", "executed");
  }

  private List<String> memory() {
    List<String> mem = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      mem.add("mem[" + i + "]");
    }
    return mem;
  }

  @Override
  List<String> written(String role) {
    switch (role) {
      case "FETCH":
        return List.of("ra", "rb", "rc", "run", "io_a", "io_b");
      case "NEXT_PC":
        return List.of("p3");
      case "READ":
        return List.of("va", "vb");
      case "DECODE":
        return OPS;
      case "SUBTRACT":
        return List.of("r", "br");
      case "IO":
        return List.of("in.taken", "out.byte", "out.valid", "executed");
      case "WRITE":
        return memory();
      case "BRANCH":
        return List.of("pc");
      default:
        throw new IllegalArgumentException("no classic role " + role);
    }
  }

  @Override
  List<String> cleared(String role) {
    switch (role) {
      case "READ":
        return List.of("ra");
      case "DECODE":
        return List.of("run", "io_a", "io_b");
      case "SUBTRACT":
        return List.of("va", "vb");
      case "WRITE":
        return List.of("rb", "r");
      case "BRANCH":
        return List.of("rc", "p3", "br", "op.sub", "op.in", "op.out", "op.echo");
      default:
        return List.of();
    }
  }

  @Override
  List<String> precondition(List<String> roles, Registers in) {
    // What earlier stages guarantee: the host offers byte 0 at end of input (read); at most one
    // operation flag (i/o, write, branch); no branch flag and no pc + 3 when no operation runs.
    List<String> c = new ArrayList<>();
    if (roles.contains("READ")) {
      c.add(eofMeansZeroByte(in));
    }
    if (roles.contains("IO") || roles.contains("WRITE") || roles.contains("BRANCH")) {
      c.add("(<= " + Smt.op("+", OPS.stream().map(o -> in.bit(o, 0)).toList()) + " 1)");
    }
    if (roles.contains("BRANCH")) {
      String noOp = Smt.op("and", OPS.stream().map(o -> Smt.eq(in.bit(o, 0), "0")).toList());
      c.add("(=> " + noOp + " " + Smt.op("and", Smt.eq(in.bit("br", 0), "0"),
          Smt.eq(in.uval("p3"), "0")) + ")");
    }
    return c;
  }

  private static String eofMeansZeroByte(Registers in) {
    return "(=> " + Smt.on(in.bit("in.eof", 0)) + " " + Smt.eq(in.uval("in.byte"), "0") + ")";
  }

  @Override
  List<String> passPrecondition(Registers in) {
    return List.of(eofMeansZeroByte(in));
  }

  /** A word taken as an address: x modulo 2^A (SPEC §3.2). */
  private String address(Registers in, String r) {
    return n >= a ? Smt.uval(in.bits(r).subList(0, a))
        : "(mod " + in.sval(r) + " " + size + ")";
  }

  /** The low 8 bits of a word, as printed (SPEC §3.2). */
  private String lowByte(String word, Registers in, String r) {
    return n >= 8 ? Smt.uval(in.bits(r).subList(0, 8)) : "(mod " + word + " 256)";
  }

  private String memU(Registers in, int i) {
    return in.uval("mem[" + i + "]");
  }

  @Override
  List<Script.Goal> post(String role, Registers in, Registers out, Defs defs) {
    List<Script.Goal> g = new ArrayList<>();
    List<String> ops = OPS.stream().map(o -> Smt.on(in.bit(o, 0))).toList();
    switch (role) {
      case "FETCH":
        fetchPost(g, ops, in, out, defs);
        break;
      case "NEXT_PC":
        nextPcPost(g, ops, in, out, defs);
        break;
      case "READ":
        readPost(g, ops, in, out, defs);
        break;
      case "DECODE":
        decodePost(g, ops, in, out, defs);
        break;
      case "SUBTRACT":
        subtractPost(g, ops, in, out, defs);
        break;
      case "IO":
        ioPost(g, ops, in, out, defs);
        break;
      case "WRITE":
        writePost(g, ops, in, out, defs);
        break;
      case "BRANCH":
        branchPost(g, ops, in, out, defs);
        break;
      default:
        throw new IllegalArgumentException("no classic role " + role);
    }
    return g;
  }

  /** The FETCH role's post-condition. */
  private void fetchPost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    // ra, rb, rc := mem[U], mem[U+1], mem[U+2] when running (U < T), else 0; run; io_a,
    // io_b: running and the operand is -1 (every bit 1)
    String u = defs.let("U", in.uval("pc"));
    String run = defs.letBool("run", "(< " + u + " " + t + ")");
    int cells = (int) t;
    String[] regs = {"ra", "rb", "rc"};
    for (int f = 0; f < 3; f++) {
      int off = f;
      g.add(bitsAre(out, regs[f], b -> Smt.ite(run,
          Smt.select(u, cells, q -> in.bit("mem[" + (q + off) + "]", b)), "0")));
    }
    g.add(bitsAre(out, "run", b -> Smt.flag(run)));
    for (int f = 0; f < 2; f++) {
      int off = f;
      String minusOne = Smt.select(u, cells, q -> Smt.op("and", in.bits("mem[" + (q + off)
          + "]").stream().map(Smt::on).toList()));
      g.add(bitsAre(out, f == 0 ? "io_a" : "io_b",
          b -> Smt.flag(Smt.op("and", run, minusOne))));
    }
  }

  /** The NEXT_PC role's post-condition. */
  private void nextPcPost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    // p3 := wrap_N(pc + 3) when running, else 0; bit t is bit t of sum_{s<=t} 2^s pc_s + 3
    String u = defs.let("U", in.uval("pc"));
    for (int b = 0; b < n; b++) {
      String low = Smt.uval(in.bits("pc").subList(0, b + 1));
      g.add(bitIs(out, "p3", b, Smt.ite("(< " + u + " " + t + ")",
          bitOf("(+ " + low + " 3)", b, 3, (1L << (b + 1)) + 2), "0")));
    }
  }

  /** The READ role's post-condition. */
  private void readPost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    // va := io_a ? 0 : mem[ra mod 2^A]; vb := io_a ? (io_b ? 0 : the byte, or -1 at end of
    // input) : mem[rb mod 2^A]
    String ioA = Smt.on(in.bit("io_a", 0));
    String ioB = Smt.on(in.bit("io_b", 0));
    String eof = Smt.on(in.bit("in.eof", 0));
    String ra = defs.let("[ra]", address(in, "ra"));
    String rb = defs.let("[rb]", address(in, "rb"));
    g.add(bitsAre(out, "va", b -> Smt.ite(ioA, "0",
        Smt.select(ra, size, i -> in.bit("mem[" + i + "]", b)))));
    g.add(bitsAre(out, "vb", b -> Smt.ite(ioA,
        Smt.ite(ioB, "0", Smt.ite(eof, "1", b < 8 ? in.bit("in.byte", b) : "0")),
        Smt.select(rb, size, i -> in.bit("mem[" + i + "]", b)))));
  }

  /** The DECODE role's post-condition. */
  private void decodePost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    String run = Smt.on(in.bit("run", 0));
    String ioA = Smt.on(in.bit("io_a", 0));
    String ioB = Smt.on(in.bit("io_b", 0));
    g.add(bitsAre(out, "op.sub", b -> Smt.flag(Smt.op("and", run, Smt.not(ioA),
        Smt.not(ioB)))));
    g.add(bitsAre(out, "op.in", b -> Smt.flag(Smt.op("and", ioA, Smt.not(ioB)))));
    g.add(bitsAre(out, "op.out", b -> Smt.flag(Smt.op("and", ioB, Smt.not(ioA)))));
    g.add(bitsAre(out, "op.echo", b -> Smt.flag(Smt.op("and", ioA, ioB))));
  }

  /** The SUBTRACT role's post-condition. */
  private void subtractPost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    // r := wrap_N(vb - va), bit by bit as for the paper machine; br := op.sub and r <= 0
    for (int i = 0; i < n; i++) {
      List<String> terms = new ArrayList<>();
      for (int j = 0; j <= i; j++) {
        terms.add("(* " + (1L << j) + " (- " + in.bit("vb", j) + " " + in.bit("va", j)
            + "))");
      }
      long span = (1L << (i + 1)) - 1;
      g.add(bitIs(out, "r", i, bitOf(Smt.op("+", terms), i, -span, span)));
    }
    String r = defs.let("wrap(vb-va)",
        Smt.wrap("(- " + in.sval("vb") + " " + in.sval("va") + ")", n));
    g.add(bitsAre(out, "br", b -> Smt.flag(Smt.op("and", Smt.on(in.bit("op.sub", 0)),
        "(<= " + r + " 0)"))));
  }

  /** The IO role's post-condition. */
  private void ioPost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    String in_ = ops.get(1);
    String out_ = ops.get(2);
    String echo = ops.get(3);
    g.add(bitsAre(out, "in.taken", b -> Smt.flag(Smt.op("or", in_, echo))));
    // the low 8 bits of va (sign-extended when N < 8), or the echoed byte
    g.add(bitsAre(out, "out.byte", b -> Smt.ite(out_, in.bit("va", Math.min(b, n - 1)),
        Smt.ite(echo, in.bit("in.byte", b), "0"))));
    g.add(bitsAre(out, "out.valid", b -> Smt.flag(Smt.op("or", out_,
        Smt.op("and", echo, Smt.eq(in.bit("in.eof", 0), "0"))))));
    g.add(bitsAre(out, "executed", b -> Smt.flag(Smt.op("or", ops))));
  }

  /** The WRITE role's post-condition. */
  private void writePost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    // mem[rb mod 2^A] := r for subtract and input
    String writes = defs.letBool("writes", Smt.op("or", ops.get(0), ops.get(1)));
    String rb = defs.let("[rb]", address(in, "rb"));
    for (int i = 0; i < size; i++) {
      String here = Smt.op("and", writes, Smt.eq(rb, Integer.toString(i)));
      String cell = "mem[" + i + "]";
      g.add(bitsAre(out, cell, b -> Smt.ite(here, in.bit("r", b), in.bit(cell, b))));
    }
  }

  /** The BRANCH role's post-condition. */
  private void branchPost(
      List<Script.Goal> g, List<String> ops, Registers in, Registers out, Defs defs) {
    // pc := no operation (halted) ? pc : br ? rc : p3
    String none = defs.letBool("no op", Smt.not(Smt.op("or", ops)));
    String br = Smt.on(in.bit("br", 0));
    g.add(bitsAre(out, "pc", b -> Smt.ite(none, in.bit("pc", b),
        Smt.ite(br, in.bit("rc", b), in.bit("p3", b)))));
  }

  @Override
  List<Script.Goal> passPost(Registers in, Registers out, Defs defs) {
    // SPEC §3.2, written from the table: halted when pc < 0 or pc + 2 >= 2^A; else a, b, c at
    // pc, pc+1, pc+2 and echo (a = b = -1), input (a = -1), output (b = -1) or subtract.
    List<Script.Goal> c = new ArrayList<>();
    String pc = defs.let("pc", in.sval("pc"));
    String halted = defs.letBool("halted", "(or (< " + pc + " 0) (>= (+ " + pc + " 2) " + size
        + "))");
    int cells = (int) Math.min(size - 2L, 1L << (n - 1));
    String wa = defs.let("a", Smt.select(pc, cells, q -> in.sval("mem[" + q + "]")));
    String wb = defs.let("b", Smt.select(pc, cells, q -> in.sval("mem[" + (q + 1) + "]")));
    String ioA = defs.letBool("a=-1", Smt.eq(wa, "(- 1)"));
    String ioB = defs.letBool("b=-1", Smt.eq(wb, "(- 1)"));
    String echo = defs.letBool("echo", Smt.op("and", Smt.not(halted), ioA, ioB));
    String input = defs.letBool("input", Smt.op("and", Smt.not(halted), ioA, Smt.not(ioB)));
    String output = defs.letBool("output", Smt.op("and", Smt.not(halted), Smt.not(ioA), ioB));
    String sub = defs.letBool("subtract", Smt.op("and", Smt.not(halted), Smt.not(ioA),
        Smt.not(ioB)));
    String am = defs.let("a mod 2^A", "(mod " + wa + " " + size + ")");
    String bm = defs.let("b mod 2^A", "(mod " + wb + " " + size + ")");
    String memA = defs.let("mem[a]", Smt.select(am, size, i -> in.sval("mem[" + i + "]")));
    // the result wrap_N(mem[b] - mem[a]) and the input word, bit by bit
    // (Statement.differenceBit); the result <= 0 on those bits
    List<String> bitsA = new ArrayList<>();
    List<String> bitsB = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      int bit = b;
      bitsA.add(defs.let("mem[a].bit[" + b + "]", Smt.select(am, size,
          i -> in.bit("mem[" + i + "]", bit))));
      bitsB.add(defs.let("mem[b].bit[" + b + "]", Smt.select(bm, size,
          i -> in.bit("mem[" + i + "]", bit))));
    }
    List<String> result = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      result.add(defs.let("result.bit[" + b + "]", differenceBit(bitsB, bitsA, b)));
    }
    String atMostZero = defs.letBool("result<=0", atMostZero(result));
    String eof = Smt.on(in.bit("in.eof", 0));
    String byteIn = in.uval("in.byte");
    // the input word: -1 at end of input, else the byte (0..255) wrapped to N bits, whose bit b
    // is the byte's bit b below 8 and 0 above
    java.util.function.IntFunction<String> stored = b -> Smt.ite(eof, "1",
        b < 8 ? in.bit("in.byte", b) : "0");
    // the new pc bit by bit: c at pc + 2, or wrap_N(pc + 3), whose bit b is bit b of the low
    // b + 1 bits of pc plus 3 (Statement.differenceBit's argument)
    String jump = defs.letBool("jump", Smt.op("and", sub, atMostZero));
    java.util.function.IntFunction<String> plus3 = b -> bitOf("(+ " + Smt.uval(in.bits("pc")
        .subList(0, b + 1)) + " 3)", b, 3, (1L << (b + 1)) + 2);
    for (String reg : in.names()) {
      if (reg.startsWith("mem[")) {
        int i = Integer.parseInt(reg.substring(4, reg.length() - 1));
        String here = Smt.eq(bm, Integer.toString(i));
        String subHere = Smt.op("and", sub, here);
        String inputHere = Smt.op("and", input, here);
        c.add(bitsAre(out, reg, b -> Smt.ite(subHere, result.get(b), Smt.ite(inputHere,
            stored.apply(b), in.bit(reg, b)))));
      } else if (reg.equals("pc")) {
        c.add(bitsAre(out, "pc", b -> Smt.ite(halted, in.bit("pc", b), Smt.ite(jump,
            Smt.select(pc, cells, q -> in.bit("mem[" + (q + 2) + "]", b)), plus3.apply(b)))));
      } else if (reg.equals("in.byte") || reg.equals("in.eof")) {
        c.add(new Script.Goal(reg, same(in, out, reg)));
      } else if (reg.equals("in.taken")) {
        c.add(new Script.Goal(reg, unsignedIs(out, reg, Smt.flag(Smt.op("or", input, echo)))));
      } else if (reg.equals("out.valid")) {
        c.add(new Script.Goal(reg, unsignedIs(out, reg, Smt.flag(Smt.op("or", output,
            Smt.op("and", echo, Smt.not(eof)))))));
      } else if (reg.equals("out.byte")) {
        c.add(new Script.Goal(reg, unsignedIs(out, reg, Smt.ite(output, "(mod " + memA + " 256)",
            Smt.ite(echo, byteIn, "0")))));
      } else if (reg.equals("executed")) {
        c.add(new Script.Goal(reg, unsignedIs(out, reg, Smt.flag(Smt.not(halted)))));
      } else {
        c.add(new Script.Goal(reg, zero(out, reg)));
      }
    }
    return c;
  }
}
