(* The `paper` construction of SPEC §8.1-§8.6 as Coq functions of (N, A, C): 13 layers, each
   written against named directions; hidden neurons follow the state space in the order the
   Java stages add them. *)
From Coq Require Import ZArith List Lia String.
From Loopmlp Require Import Net Layout.
Import ListNotations.
Open Scope Z_scope.

(* 2^j, the weight of bit j. *)
Definition p2 (j : nat) : Z := 2 ^ Z.of_nat j.

Fixpoint sumZ (n : nat) (f : nat -> Z) : Z :=
  match n with O => 0 | S n' => sumZ n' f + f n' end.

Section Paper.
Context (c : cfg).
Let N := cN c.
Let A := cA c.
Let C := cC c.
Let D := sdim c.
Let m := msize c.
Let k := ksize c.
Let col := sidx c.

(* A layer: the state rows (by direction), then hdim hidden rows (SPEC §7.2). *)
Definition mk_layer (lbl : string) (hdim : nat) (srow : sdir -> row) (hrow : nat -> row)
  : layer :=
  mkLayer lbl (D + hdim)
    (fun i => if (i <? D)%nat
              then match sdec c i with Some d => srow d | None => empty_row end
              else hrow (i - D)%nat).

(* Column of hidden neuron h of the previous layer. *)
Definition hcol (h : nat) : nat := (D + h)%nat.

Definition copy (d : sdir) : row := copy_row (col d).

(* ---- Gadgets ---- *)

(* s_v(x) of SPEC §7.4 over the L bits at columns xcol t:
   sum_t (2 x_t - 1)(2 v_t - 1) - L = sum_t 2 sgn_t x_t - sum_t sgn_t - L. *)
Definition sgn (v t : nat) : Z := if Z.testbit (Z.of_nat v) (Z.of_nat t) then 1 else -1.
Definition score_bias (L v : nat) : Z := - Z.of_nat L - sumZ L (sgn v).
Definition score_terms (L : nat) (xcol : nat -> nat) (v : nat) : list (nat * Z) :=
  map (fun t => (xcol t, 2 * sgn v t)) (seq 0 L).

(* AddressMatch.select: ReLU(s_v(x) + y) for a bit y at column ycol. *)
Definition select_row (L : nat) (xcol : nat -> nat) (v ycol : nat) : row :=
  mkRow (score_bias L v) (score_terms L xcol v ++ [(ycol, 1)]).

(* Threshold (SPEC §7.5): ReLU(S - T + 1) (".ge", u = 0) and ReLU(S - T) (".gt", u = 1). *)
Definition thr_row (s : row) (T : Z) (u : nat) : row :=
  mkRow (bias s - T + (if (u =? 0)%nat then 1 else 0)) (terms s).

(* Sum.ofBits: the sum of the given columns. *)
Definition sum_row (n : nat) (cl : nat -> nat) : row :=
  mkRow 0 (map (fun q => (cl q, 1)) (seq 0 n)).

(* ---- §8.1 Fetch ---- *)

(* fetch.sel[q].f.bit[t]: hidden neuron q * slotw + foff f + t, the code layout itself. *)
Definition fetch_sel (q : nat) (f : field) (t : nat) : nat := (q * slotw c + foff c f + t)%nat.

Definition fetch_select : layer :=
  mk_layer "fetch.select" (k * slotw c) copy
    (fun h => match slot_dec c (h / slotw c) (h mod slotw c) with
              | DCode q f t => select_row C (fun s => col (DPc s)) q (col (DCode q f t))
              | _ => empty_row
              end).

Definition fetch_gather : layer :=
  mk_layer "fetch.gather" 0
    (fun d => match d with
              | DRa t => sum_row k (fun q => hcol (fetch_sel q FA t))
              | DRb t => sum_row k (fun q => hcol (fetch_sel q FB t))
              | DRc t => sum_row k (fun q => hcol (fetch_sel q FC t))
              | _ => copy d
              end)
    (fun _ => empty_row).

(* ---- §8.2 Read ---- *)

(* read.g[o][i].bit[j]: operand o (0 = a, 1 = b), hidden neuron o m N + i N + j. *)
Definition read_g (o i j : nat) : nat := (o * (m * N) + i * N + j)%nat.

Definition read_select : layer :=
  mk_layer "read.select" (2 * (m * N))
    (fun d => match d with DRa _ => empty_row | _ => copy d end)
    (fun h => let o := (h / (m * N))%nat in
              let x := (h mod (m * N))%nat in
              let i := (x / N)%nat in
              let j := (x mod N)%nat in
              select_row A (fun t => col (if (o =? 0)%nat then DRa t else DRb t)) i
                (col (DMem i j))).

Definition read_gather : layer :=
  mk_layer "read.gather" 0
    (fun d => match d with
              | DVa j => sum_row m (fun i => hcol (read_g 0 i j))
              | DVb j => sum_row m (fun i => hcol (read_g 1 i j))
              | _ => copy d
              end)
    (fun _ => empty_row).

(* ---- §8.3 Subtract ---- *)

(* S_i = sum_{j<=i} 2^j (vb_j + 1 - va_j) + 1. *)
Definition sub_sum (i : nat) : row :=
  mkRow (1 + sumZ (S i) p2)
    (flat_map (fun j => [(col (DVb j), p2 j); (col (DVa j), - p2 j)]) (seq 0 (S i))).

(* subtract.s[i].ge{g+1}.{ge,gt}: hidden neuron 6 i + 2 g + u. *)
Definition sub_h (i g u : nat) : nat := (6 * i + 2 * g + u)%nat.

Definition subtract_steps : layer :=
  mk_layer "subtract.steps" (6 * N)
    (fun d => match d with DVa _ | DVb _ => empty_row | _ => copy d end)
    (fun h => let i := (h / 6)%nat in
              let g := ((h mod 6) / 2)%nat in
              thr_row (sub_sum i) (Z.of_nat (S g) * p2 i) (h mod 2)).

(* r.bit[i] = [S_i >= 2^i] - [S_i >= 2^(i+1)] + [S_i >= 3 2^i]. *)
Definition subtract_bits : layer :=
  mk_layer "subtract.bits" 0
    (fun d => match d with
              | DR i => mkRow 0 [(hcol (sub_h i 0 0), 1); (hcol (sub_h i 0 1), -1);
                                 (hcol (sub_h i 1 0), -1); (hcol (sub_h i 1 1), 1);
                                 (hcol (sub_h i 2 0), 1); (hcol (sub_h i 2 1), -1)]
              | _ => copy d
              end)
    (fun _ => empty_row).

(* ---- §8.4 Write ---- *)

(* write.z[i].bit[j] (w = 0) and write.y[i].bit[j] (w = 1): hidden neuron 2 (i N + j) + w. *)
Definition write_h (i j w : nat) : nat := (2 * (i * N + j) + w)%nat.

Definition write_select : layer :=
  mk_layer "write.select" (2 * (m * N)) copy
    (fun h => let x := (h / 2)%nat in
              let i := (x / N)%nat in
              let j := (x mod N)%nat in
              select_row A (fun t => col (DRb t)) i
                (col (if (h mod 2 =? 0)%nat then DMem i j else DR j))).

Definition write_update : layer :=
  mk_layer "write.update" 0
    (fun d => match d with
              | DMem i j => mkRow 0 [(col (DMem i j), 1); (hcol (write_h i j 0), -1);
                                     (hcol (write_h i j 1), 1)]
              | DRb _ => empty_row
              | _ => copy d
              end)
    (fun _ => empty_row).

(* ---- §8.5 Next pc ---- *)

(* S_t = sum_{s<=t} 2^s pc_s + 1. *)
Definition pc_sum (t : nat) : row :=
  mkRow 1 (map (fun s => (col (DPc s), p2 s)) (seq 0 (S t))).

(* next_pc.s[t].ge{g+1}.{ge,gt}: hidden neuron 4 t + 2 g + u. *)
Definition npc_h (t g u : nat) : nat := (4 * t + 2 * g + u)%nat.

Definition nextpc_steps : layer :=
  mk_layer "next pc.steps" (4 * C) copy
    (fun h => let t := (h / 4)%nat in
              let g := ((h mod 4) / 2)%nat in
              thr_row (pc_sum t) (Z.of_nat (S g) * p2 t) (h mod 2)).

Definition nextpc_bits : layer :=
  mk_layer "next pc.bits" 0
    (fun d => match d with
              | DPc1 t => mkRow 0 [(hcol (npc_h t 0 0), 1); (hcol (npc_h t 0 1), -1);
                                   (hcol (npc_h t 1 0), -1); (hcol (npc_h t 1 1), 1)]
              | _ => copy d
              end)
    (fun _ => empty_row).

(* ---- §8.6 Branch ---- *)

(* branch.zero = ReLU(1 - sum_j r.bit[j]): hidden neuron 0. *)
Definition branch_zero : layer :=
  mk_layer "branch.zero" 1 copy
    (fun _ => mkRow 1 (map (fun j => (col (DR j), -1)) (seq 0 N))).

(* flag = r.bit[N-1] + zero; p[t] = ReLU(rc_t + flag - 1) (hidden 2t),
   q[t] = ReLU(pc1_t - flag) (hidden 2t + 1). *)
Definition branch_choose : layer :=
  mk_layer "branch.choose" (2 * C)
    (fun d => match d with DR _ | DRc _ | DPc1 _ => empty_row | _ => copy d end)
    (fun h => let t := (h / 2)%nat in
              if (h mod 2 =? 0)%nat
              then mkRow (-1) [(col (DRc t), 1); (col (DR (N - 1)), 1); (hcol 0, 1)]
              else mkRow 0 [(col (DPc1 t), 1); (col (DR (N - 1)), -1); (hcol 0, -1)]).

Definition branch_merge : layer :=
  mk_layer "branch.merge" 0
    (fun d => match d with
              | DPc t => mkRow 0 [(hcol (2 * t), 1); (hcol (2 * t + 1), 1)]
              | _ => copy d
              end)
    (fun _ => empty_row).

(* The six stages, in order (SPEC §8). *)
Definition fetch_layers := [fetch_select; fetch_gather].
Definition read_layers := [read_select; read_gather].
Definition subtract_layers := [subtract_steps; subtract_bits].
Definition write_layers := [write_select; write_update].
Definition nextpc_layers := [nextpc_steps; nextpc_bits].
Definition branch_layers := [branch_zero; branch_choose; branch_merge].

Definition paper_layers : list layer :=
  fetch_layers ++ read_layers ++ subtract_layers ++ write_layers ++ nextpc_layers
  ++ branch_layers.

(* The network as written to the file: every row in normal form (SPEC §10.2). *)
Definition paper_network : list layer := map norm_layer paper_layers.

End Paper.
