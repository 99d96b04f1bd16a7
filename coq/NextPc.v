(* The next pc stage (SPEC §8.5, lemma of SPEC §9.1): pc1 := (pc + 1) mod 2^C, every other
   direction unchanged; for every C. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper Base Subtract.
Import ListNotations.
Open Scope Z_scope.

Lemma npc_h_dec : forall t g u, (g < 2)%nat -> (u < 2)%nat ->
  (npc_h t g u / 4 = t /\ (npc_h t g u mod 4) / 2 = g /\ npc_h t g u mod 2 = u)%nat.
Proof.
  intros t g u Hg Hu; unfold npc_h.
  destruct (div_mod_of (4 * t + 2 * g + u) 4 t (2 * g + u)) as [E1 E2]; [lia|lia|].
  destruct (div_mod_of (2 * g + u) 2 g u) as [E3 _]; [lia|lia|].
  destruct (div_mod_of (4 * t + 2 * g + u) 2 (2 * t + g) u) as [_ E4]; [lia|lia|].
  rewrite E1, E2, E3, E4; auto.
Qed.

Section NextPc.
Context (c : cfg) (x : vec) (pc : Z).
Let C := cC c.
Let y := pass (nextpc_layers c) x.

(* Precondition: state directions hold non-negative numbers, pc holds the bits of pc. *)
Definition npc_pre : Prop :=
  (forall d, valid c d -> 0 <= x (sidx c d)) /\
  (forall t, (t < C)%nat -> x (sidx c (DPc t)) = bitZ pc t).

Lemma npc_steps_value : npc_pre -> forall t g u, (t < C)%nat -> (g < 2)%nat -> (u < 2)%nat ->
  apply (nextpc_steps c) x (hcol c (npc_h t g u))
  = relu (1 + pc mod p2 (S t) - Z.of_nat (S g) * p2 t + (if (u =? 0)%nat then 1 else 0)).
Proof.
  intros [Hnn Hv] t g u Ht Hg Hu.
  unfold nextpc_steps; rewrite apply_hidden by (unfold npc_h; lia).
  destruct (npc_h_dec t g u Hg Hu) as (E1 & E2 & E3).
  cbv zeta; rewrite E1, E2, E3.
  unfold thr_row, pc_sum, eval_row; cbn [bias terms].
  rewrite (eval_map_seq0 (fun s => sidx c (DPc s)) p2), <- sum_bits.
  rewrite (sumZ_ext (S t) _ (fun j => p2 j * bitZ pc j)) by (intros; rewrite Hv by lia; ring).
  f_equal; ring.
Qed.

Theorem nextpc_result : npc_pre ->
  forall t, (t < C)%nat -> y (sidx c (DPc1 t)) = bitZ (pc + 1) t.
Proof.
  intros Hpre t Ht; unfold y, nextpc_layers; rewrite two_layers.
  unfold nextpc_bits at 1; rewrite apply_state by (simpl; lia).
  unfold eval_row; cbn [bias terms eval_terms].
  rewrite !npc_steps_value by (assumption || lia).
  cbn [Nat.eqb].
  set (P := p2 (S t)).
  pose proof (p2_pos t); pose proof (p2_S t) as HP; fold P in HP.
  assert (Ha : 0 <= pc mod P < P) by (apply Z.mod_pos_bound; lia).
  assert (Hbit : bitZ (1 + pc mod P) t = bitZ (pc + 1) t).
  { apply (bitZ_eq_mod _ _ (S t)); [lia|]. fold P.
    rewrite Zplus_mod with (a := pc), Zplus_mod with (a := 1), Z.mod_mod by lia; f_equal; ring. }
  rewrite <- Hbit, (bit_by_steps _ t) by lia.
  change (Z.of_nat 1) with 1; change (Z.of_nat 2) with 2.
  set (S0 := 1 + pc mod P) in *.
  unfold relu.
  repeat match goal with
  | |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b)
  end; lia.
Qed.

Theorem nextpc_frame : npc_pre ->
  forall d, valid c d -> (forall t, d <> DPc1 t) -> y (sidx c d) = x (sidx c d).
Proof.
  intros [Hnn _] d Hd Hn; unfold y, nextpc_layers; rewrite two_layers.
  unfold nextpc_bits at 1; rewrite apply_state by assumption.
  assert (E : (match d with
               | DPc1 t => mkRow 0 [(hcol c (npc_h t 0 0), 1); (hcol c (npc_h t 0 1), -1);
                                   (hcol c (npc_h t 1 0), -1); (hcol c (npc_h t 1 1), 1)]
               | _ => copy c d end) = copy c d)
    by (destruct d; try reflexivity; destruct (Hn t); reflexivity).
  rewrite E, eval_copy.
  unfold nextpc_steps; rewrite apply_state, eval_copy by assumption.
  pose proof (Hnn d Hd); unfold relu; lia.
Qed.

Theorem nextpc_beyond : forall i, (sdim c <= i)%nat -> y i = 0.
Proof.
  intros i Hi; unfold y, nextpc_layers; rewrite two_layers.
  unfold nextpc_bits; apply apply_beyond; lia.
Qed.

End NextPc.
