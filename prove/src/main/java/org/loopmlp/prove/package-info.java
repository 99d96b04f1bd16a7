/**
 * Complete proofs of the stage lemmas for every input of one machine size (SPEC §9.2, tier 4),
 * with certificates that {@code org.loopmlp.certcheck} re-checks independently.
 *
 * <h2>Method</h2>
 *
 * A stage maps the state space to itself through a few ReLU layers. Its inputs are bits, except
 * the scratch registers earlier stages leave at 0. The prover splits the input box into cases
 * (cubes: some bits fixed, the rest free). In a case every neuron's pre-activation is an exact
 * affine form of the free bits, so its range over the cube is exact: a neuron is OFF (maximum
 * <= 0), ON (minimum >= 0, then its output is that affine form) or undecided. A case with an
 * undecided neuron, or whose lemma value is still open, is split on one bit: the undecided
 * neuron's largest-weight variable, control bits first (pc for fetch; ra, rb for read and write;
 * r for branch; va, vb and pc for the carry chains of subtract and next pc). A split either fixes
 * the bit to 0 and to 1, or ties it to another free bit (equal, and opposite); both ways the two
 * branches cover the case and the free bits of each branch range over a full box, so ranges stay
 * exact. When all neurons of
 * a case are decided, each output is an affine form, compared exactly with the form the lemma
 * requires ({@code PaperSpecs}). Outputs are grouped into goals proved by
 * separate case splits, one per owned register, or per bit for subtract and next pc. Bit i of
 * {@code r = wrap(vb - va)} depends only on the low i+1 bits, through {@code S_i = sum_{j<=i} 2^j
 * (vb_j - va_j) + 2^(i+1)}; a threshold on S_i is undecided only while the carry into the fixed
 * top bits is open, i.e. along bits where {@code va_j == vb_j}. Fixing bits alone would need 2^i
 * cases per bit (both (0,0) and (1,1) propagate the carry); tying vb_j to va_j instead cancels
 * the pair's terms exactly, so the split follows the chain in about 6 cases per bit position:
 * 769 cases for the whole subtract stage at N = 16, 3,073 at N = 32.
 *
 * <h2>Bounded rows: the carry-lookahead subtraction</h2>
 *
 * The narrow construction's subtraction has a first layer of generate and kill bits per pair
 * (va_j, vb_j), each undecided until its pair is split; deciding all of them would take 3^(i+1)
 * cases for bit i. A first-layer row that is undecided is therefore BOUNDED: only its range
 * {@code [0, high]} is carried, as an interval beside the affine form of every row that reads it;
 * such a row is OFF when the form's maximum plus the interval's is <= 0, and BOUNDED again
 * otherwise. A case is a leaf when every output is an exact form; otherwise it is split on the
 * first undecided first-layer row, the highest pair (the layer lists them from the top bit down),
 * by a tie. Bit i of r then needs only the pairs along its carry chain decided: pair i and the
 * pairs below it while they propagate (equal), 3(2i + 1) cases, 3N^2 for the stage (12,288 at N
 * = 64). The paper construction's proofs are unchanged: there every first-layer row reaches an
 * output, so a case with an undecided one is split as before.
 *
 * <h2>Exact in a floating-point format</h2>
 *
 * A format with p significand bits holds every integer of magnitude up to 2^p; a dot product of
 * integers is exact in it, whatever the order of the additions (and with or without fused
 * multiply-add), when every operand, product and partial sum is an integer within 2^p, and then
 * rounding to nearest stores the result unchanged. {@link org.loopmlp.prove.PartialSumBounds}
 * bounds, per layer of each stage, {@code |b| + sum |w| max x} over the stage's input box (every
 * input a bit, or 0 where an earlier stage cleared it; hidden ranges by interval arithmetic) and
 * every |w|: where a layer's bound is within 2^p it computes exactly in that format on every input
 * the lemmas admit, so by induction over layers and stages a pass evaluated in the format equals
 * the exact pass, which the lemmas prove equal to one SUBLEQ step. The bounds go into the
 * certificate (one {@code bounds} line per stage) and the checker re-derives them; {@link
 * org.loopmlp.prove.ProofReport#narrowestExactFormat()} and {@link
 * org.loopmlp.prove.PrecisionTable} name the narrowest format ({@code loopmlp prove --format},
 * {@code --precision-table}).
 *
 * <h2>Stages run side by side</h2>
 *
 * A lemma may cover several roles (the compact construction's {@code ParallelStage}s: next pc
 * beside fetch, branch beside write). Its goals are the union of its roles' goals, each keeping
 * its role's control bits and ties, plus one frame goal for the directions no role owns (cleared
 * ones required 0). This states the roles applied one after the other, in the lemma's order,
 * exactly when no role reads a register an earlier role of the stage writes or clears (write
 * reads r before branch clears it: write first) and no two roles change one register; otherwise
 * {@code PaperSpecs} refuses the lemma. Each goal's tree is a complete split of the whole stage
 * input, so it covers every input of the combined stage whatever the other parts' neurons do;
 * those neurons are outside the goal's cone unless the goal's outputs depend on them, and then
 * they are decided like any other.
 *
 * <h2>Certificate</h2>
 *
 * Text, one item per line, gzip when the file name ends in {@code .gz}; written while proving
 * ({@code CertificateWriter}), so memory does not grow with the number of
 * cases. Its grammar, and what the checker checks, have one authoritative description: {@code
 * certcheck/README.md} (SPEC §11 points there too). The {@code o} facts make fetch and read
 * linear in the number of slots and cells: a slot's select neurons are checked OFF once, where
 * the split first separates pc from the slot, not in every leaf. Next to it, {@link
 * org.loopmlp.prove.Prover#certifyInto} writes the network with its direction names in {@code
 * org.loopmlp.exact.NetworkFormat}.
 *
 * <h2>The classic machine</h2>
 *
 * {@link org.loopmlp.prove.ClassicProver} proves the classic construction's four stages (fetch +
 * next pc, read + decode, subtract + i/o, write + branch) by the same search, with the lemmas of
 * {@code ClassicSpecs}: each output a function of the stage's input registers (roles of a stage
 * side by side, each reading the stage's input). Control bits: pc for fetch and next pc (the
 * halt test U >= T splits pc's high bits first, then the low bits select the instruction), the
 * operand registers and the I/O flags for read, va and vb (tied pairwise) for subtract's carry
 * chain and r <= 0, the op flags for i/o, rb for write, the op flags and br for branch. Some
 * stages hold only on inputs earlier stages can produce; their precondition is a list of
 * forbidden patterns (at most one op flag; no byte at end of input; br and p3 zero when no op
 * runs), split on eagerly: a case fixing a whole pattern is a leaf {@code x}. The certificate is
 * version 2 (grammar: {@code certcheck/README.md}). N=16, A=8: 38,658 cases in about 11 s; the checker re-derives
 * 1.28 million neuron facts in about 16 s.
 *
 * <h2>Entry points</h2>
 *
 * {@link org.loopmlp.prove.Prover#prove}, {@link org.loopmlp.prove.Prover#certifyInto}, and
 * {@link org.loopmlp.prove.ProveMain} ({@code ProveMain 16,10,10 --construction compact --out DIR
 * --check}; the construction is {@code paper} by default); {@link
 * org.loopmlp.prove.ClassicProver#certifyInto} for the classic machine.
 */
package org.loopmlp.prove;
