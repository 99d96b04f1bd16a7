#!/usr/bin/env python3
"""Checks an ONNX file written by `loopmlp export --onnx` without loopmlp and without ONNX
Runtime: onnx.checker, the metadata, and one pass evaluated node by node with NumPy (float64)
on random machine states, decoded and compared with a SUBLEQ step computed here.

    python3 onnx/scripts/check_onnx.py net.onnx [states]

Needs the `onnx` and `numpy` packages (Debian: python3-onnx python3-numpy)."""
import random
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def evaluate(graph, x):
    """One pass: every node of the graph in order, in float64."""
    env = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    env = {k: (v.astype(np.float64) if v.dtype.kind == "f" else v) for k, v in env.items()}
    env[graph.input[0].name] = x
    for n in graph.node:
        a = [env[i] for i in n.input]
        attrs = {t.name: onnx.helper.get_attribute_value(t) for t in n.attribute}
        if n.op_type == "MatMul":
            y = a[0] @ a[1]
        elif n.op_type == "Add":
            y = a[0] + a[1]
        elif n.op_type == "Mul":
            y = a[0] * a[1]
        elif n.op_type == "Relu":
            y = np.maximum(a[0], 0)
        elif n.op_type == "Identity":
            y = a[0]
        elif n.op_type == "Gather":
            y = np.take(a[0], a[1], axis=attrs.get("axis", 0))
        elif n.op_type == "ScatterElements":
            assert attrs.get("reduction") == b"add", attrs
            y = a[0].copy()
            np.add.at(y, a[1], a[2])
        else:
            raise SystemExit("unexpected operator " + n.op_type)
        env[n.output[0]] = y
    return env[graph.output[0].name]


def main():
    path = sys.argv[1]
    states = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    model = onnx.load(path)
    onnx.checker.check_model(model)
    meta = {p.key: p.value for p in model.metadata_props}
    names = meta["loopmlp.directions"].split("\n")
    index = {name: i for i, name in enumerate(names)}
    n_bits, a_bits, c_bits = (int(v) for v in meta["loopmlp.config"].split(","))
    opset = model.opset_import[0].version
    print(f"{path}: checker ok, opset {opset}, {meta['loopmlp.construction']} "
          f"{meta['loopmlp.config']}, {meta['loopmlp.element_type']}, {len(names)} directions, "
          f"{len(model.graph.node)} nodes")

    def put(x, prefix, value, width):
        for j in range(width):
            x[index[f"{prefix}.bit[{j}]"]] = (value >> j) & 1

    def get(y, prefix, width):
        bits = [y[index[f"{prefix}.bit[{j}]"]] for j in range(width)]
        assert all(b in (0.0, 1.0) for b in bits), (prefix, bits)
        return sum(int(b) << j for j, b in enumerate(bits))

    rnd = random.Random(1)
    mask = (1 << n_bits) - 1
    for _ in range(states):
        mem = [rnd.randrange(1 << n_bits) for _ in range(1 << a_bits)]
        code = [[rnd.randrange(1 << a_bits), rnd.randrange(1 << a_bits),
                 rnd.randrange(1 << c_bits)] for _ in range(1 << c_bits)]
        pc = rnd.randrange(1 << c_bits)
        x = np.zeros(len(names))
        for i, v in enumerate(mem):
            put(x, f"mem[{i}]", v, n_bits)
        for q, (a, b, c) in enumerate(code):
            put(x, f"code[{q}].a", a, a_bits)
            put(x, f"code[{q}].b", b, a_bits)
            put(x, f"code[{q}].c", c, c_bits)
        put(x, "pc", pc, c_bits)
        y = evaluate(model.graph, x)
        # The SUBLEQ step: mem[b] -= mem[a] (mod 2^N); jump to c when the result is <= 0.
        a, b, c = code[pc]
        r = (mem[b] - mem[a]) & mask
        signed = r - (1 << n_bits) if r >> (n_bits - 1) else r
        want_mem = list(mem)
        want_mem[b] = r
        want_pc = c if signed <= 0 else (pc + 1) % (1 << c_bits)
        got_mem = [get(y, f"mem[{i}]", n_bits) for i in range(1 << a_bits)]
        assert got_mem == want_mem, (pc, code[pc], mem, got_mem)
        assert get(y, "pc", c_bits) == want_pc, (pc, code[pc], mem)
    print(f"{states} random states: one pass equals one SUBLEQ step")


if __name__ == "__main__":
    main()
