#!/usr/bin/env python3
"""Runs a classic SUBLEQ program on a model written by `loopmlp export --isa classic --onnx`,
without loopmlp and without ONNX Runtime: the model is read with the `onnx` package and every
pass is evaluated with NumPy in float16, rounding after every multiplication and every addition,
each row summed from its bias in a chosen order:

  stored   the order of the model's entries (ascending column for a dense layer)
  largest  the products of the pass by decreasing magnitude
  random   a fixed random order per row (--seed)

The host loop is the one of onnx/README.md ("Running a classic model"), driven by the direction
names in the model's metadata. Every entry of every pass output must be exactly 0 or 1. With
--trace FILE (one line per pass, written from the exact run: see below), every pass must equal
the exact run's; with --expected FILE the printed bytes must equal the file's.

    python3 onnx/scripts/classic_host.py MODEL.onnx PROGRAM.slq [--input-file F]
        [--orders stored,largest,random] [--seed S] [--trace FILE] [--expected FILE]
        [--max-passes K]

Trace lines: `PASS PC TAKEN OUT MEMHASH` for a pass that executed an instruction (TAKEN 0/1,
OUT the printed byte or -1, MEMHASH the first 16 hex digits of the SHA-256 of the memory words
as signed decimals joined by commas, after the pass), and `halt STEPS` for the pass that
executed nothing. Exit 0 when every order ran to its halt and agreed with the trace and the
expected bytes, 1 otherwise, 2 on a usage error.

Needs the `onnx` and `numpy` packages (Debian: python3-onnx python3-numpy)."""
import argparse
import hashlib
import sys

import numpy as np
import onnx
from onnx import numpy_helper

F16 = np.float16


def layers(graph):
    """Every layer of the graph as (rows, columns, weights, bias) in stored order, read from the
    dense (MatMul, Add, Relu) or gathered (Gather, Mul, ScatterElements, Relu) nodes."""
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    producer = {o: n for n in graph.node for o in n.output}
    result = []
    for relu in (n for n in graph.node if n.op_type == "Relu"):
        pre = producer[relu.input[0]]
        if pre.op_type == "Add":  # dense: x @ W + b, W is [columns, rows]
            mm = producer[pre.input[0]]
            w = init[mm.input[1]]
            bias = init[pre.input[1]]
            rows, cols = np.nonzero(w.T)  # row-major: ascending column within a row
            result.append((rows, cols, w.T[rows, cols].astype(F16), bias.astype(F16)))
        elif pre.op_type == "ScatterElements":  # gathered: bias + scatter-add(w * x[cols])
            mul = producer[pre.input[2]]
            gather = producer[mul.input[0]]
            cols = init[gather.input[1]].astype(np.int64)
            rows = init[pre.input[1]].astype(np.int64)
            w = init[mul.input[1]].astype(F16)
            result.append((rows, cols, w, init[pre.input[0]].astype(F16)))
        elif pre.op_type == "Identity":  # no weights: the bias
            bias = init[pre.input[0]].astype(F16)
            e = np.zeros(0, dtype=np.int64)
            result.append((e, e, np.zeros(0, dtype=F16), bias))
        else:
            raise SystemExit(f"unexpected node {pre.op_type} before {relu.name}")
    return result


class Layer:
    """One layer as a padded [rows, fan-in] table, entries in stored order within each row."""

    def __init__(self, rows, cols, w, bias, rng):
        n = len(bias)
        order = np.lexsort((np.arange(len(rows)), rows))  # by row, stored order within a row
        rows, cols, w = rows[order], cols[order], w[order]
        counts = np.bincount(rows, minlength=n)
        width = int(counts.max()) if len(rows) else 0
        start = np.concatenate(([0], np.cumsum(counts)[:-1]))
        slot = np.arange(len(rows)) - start[rows]
        self.cols = np.zeros((n, width), dtype=np.int64)
        self.w = np.zeros((n, width), dtype=F16)
        self.valid = np.zeros((n, width), dtype=bool)
        self.cols[rows, slot], self.w[rows, slot], self.valid[rows, slot] = cols, w, True
        self.bias = bias
        keys = np.where(self.valid, rng.random((n, width)), np.inf)
        self.random_order = np.argsort(keys, axis=1, kind="stable")

    def apply(self, x, order):
        p = self.w * x[self.cols]  # float16 products, each rounded
        if order == "largest":
            p = np.take_along_axis(p, np.argsort(-np.abs(p), axis=1, kind="stable"), axis=1)
        elif order == "random":
            p = np.take_along_axis(p, self.random_order, axis=1)
        acc = self.bias.copy()
        for k in range(p.shape[1]):  # padding adds +0, which changes nothing
            acc = acc + p[:, k]  # float16 + float16 rounds to float16
        return np.maximum(acc, F16(0))


def run(model, image, data, order, seed, trace, max_passes):
    meta = {p.key: p.value for p in model.metadata_props}
    if meta.get("loopmlp.isa") != "classic":
        raise SystemExit("not a classic model: its metadata has no loopmlp.isa=classic")
    index = {name: i for i, name in enumerate(meta["loopmlp.directions"].split("\n"))}
    at = lambda key: np.array([index[d] for d in meta["loopmlp.classic." + key].split(",")])
    n, a = int(meta["loopmlp.classic.word_bits"]), int(meta["loopmlp.classic.memory_bits"])
    mem = np.array([[index[f"mem[{j}].bit[{t}]"] for t in range(n)] for j in range(1 << a)])
    pc, flags, executed = at("pc"), at("pass_flags"), at("executed")[0]
    in_byte, in_eof, in_taken = at("in_byte"), at("in_eof"), at("in_taken")[0]
    out_byte, out_valid = at("out_byte"), at("out_valid")[0]
    rng = np.random.default_rng(seed)
    net = [Layer(*l, rng) for l in layers(model.graph)]
    signed = lambda bits: int(sum(int(b) << t for t, b in enumerate(bits))) - (
        (1 << len(bits)) if bits[-1] else 0)
    x = np.zeros(len(index), dtype=F16)
    for j, word in enumerate(image):
        x[mem[j]] = [(word >> t) & 1 for t in range(n)]
    printed, taken, lines = bytearray(), 0, iter(trace or [])
    for step in range(max_passes + 1):
        x[flags] = 0  # the host's part: clear the pass flags, offer the next byte
        eof = taken >= len(data)
        x[in_byte] = 0 if eof else [(data[taken] >> t) & 1 for t in range(8)]
        x[in_eof] = 1 if eof else 0
        y = x
        for layer in net:
            y = layer.apply(y, order)
        bad = np.nonzero((y != 0) & (y != 1))[0]
        if len(bad):
            names = list(index)
            return printed, step, f"pass {step}: {names[bad[0]]} = {float(y[bad[0]])}, not a bit"
        want = next(lines, None) if trace is not None else None
        if not y[executed]:
            if trace is not None and want != f"halt {step}":
                return printed, step, f"pass {step} halted, the exact run: {want}"
            return printed, step, None
        words = ",".join(str(signed(y[mem[j]])) for j in range(1 << a))
        got = (f"{step} {signed(y[pc])} {int(y[in_taken])} "
               f"{signed(y[out_byte]) & 255 if y[out_valid] else -1} "
               f"{hashlib.sha256(words.encode()).hexdigest()[:16]}")
        if trace is not None and got != want:
            return printed, step, f"pass {step}: {got}, the exact run: {want}"
        taken += int(y[in_taken])
        if y[out_valid]:
            printed.append(signed(y[out_byte]) & 255)
        x = y
    return printed, max_passes, f"not halted after {max_passes} passes"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model")
    ap.add_argument("program", help="a .slq memory image: '#' lines, then integers")
    ap.add_argument("--input-file")
    ap.add_argument("--orders", default="stored,largest,random")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--trace")
    ap.add_argument("--expected")
    ap.add_argument("--max-passes", type=int, default=100000)
    o = ap.parse_args()
    model = onnx.load(o.model)
    text = open(o.program).read().splitlines()
    image = [int(v) for line in text if not line.lstrip().startswith("#") for v in line.split()]
    n = int({p.key: p.value for p in model.metadata_props}.get("loopmlp.classic.word_bits", 8))
    image = [v % (1 << n) for v in image]
    data = open(o.input_file, "rb").read() if o.input_file else b""
    trace = open(o.trace).read().split("\n")[:-1] if o.trace else None
    expected = open(o.expected, "rb").read() if o.expected else None
    ok = True
    for order in o.orders.split(","):
        if order not in ("stored", "largest", "random"):
            ap.error(f"unknown order '{order}', expected stored, largest or random")
        printed, passes, failure = run(model, image, data, order, o.seed, trace, o.max_passes)
        if failure is None and expected is not None and bytes(printed) != expected:
            failure = f"printed {bytes(printed)!r}, expected {expected!r}"
        ok &= failure is None
        print(f"float16, {order} order: {passes} passes, "
              + (f"FAILED: {failure}" if failure else "halted" + (
                  ", every pass equal to the exact run" if trace else "")
                 + f", printed {bytes(printed)!r}"), file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
