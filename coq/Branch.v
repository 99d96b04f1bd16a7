(* The branch stage (SPEC §8.6, lemma of SPEC §9.1): pc := (r <= 0) ? rc : pc1; r, rc, pc1 := 0;
   every other direction unchanged; for every N >= 1 and C, and every N-bit word r. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper Base Subtract.
Import ListNotations.
Open Scope Z_scope.

Lemma sumZ_nonneg : forall n f, (forall j, (j < n)%nat -> 0 <= f j) -> 0 <= sumZ n f.
Proof.
  induction n; intros f H; cbn [sumZ]; [lia|].
  pose proof (IHn f ltac:(intros; apply H; lia)); pose proof (H n ltac:(lia)); lia.
Qed.

Lemma sumZ_zero_each : forall n f, (forall j, (j < n)%nat -> 0 <= f j) -> sumZ n f = 0 ->
  forall j, (j < n)%nat -> f j = 0.
Proof.
  induction n; intros f H E j Hj; [lia|]; cbn [sumZ] in E.
  pose proof (sumZ_nonneg n f ltac:(intros; apply H; lia)); pose proof (H n ltac:(lia)).
  destruct (Nat.eq_dec j n) as [->|Hne]; [lia|].
  apply (IHn f); [intros; apply H; lia|lia|lia].
Qed.

Lemma bitZ_nonneg : forall v j, 0 <= bitZ v j.
Proof. intros; destruct (bitZ_range v j); lia. Qed.

(* [r <= 0] = r.bit[N-1] + [r == 0], with [r == 0] = ReLU(1 - sum_j r.bit[j]) (SPEC §8.6). *)
Lemma branch_flag : forall n r, (1 <= n)%nat -> - p2 (n - 1) <= r < p2 (n - 1) ->
  bitZ r (n - 1) + relu (1 - sumZ n (bitZ r)) = if r <=? 0 then 1 else 0.
Proof.
  intros n r Hn Hr.
  assert (HP : p2 n = 2 * p2 (n - 1)) by (replace n with (S (n - 1)) at 1 by lia; apply p2_S).
  pose proof (p2_pos (n - 1)).
  set (s := r mod p2 n).
  assert (Hs : 0 <= s < p2 n) by (apply Z.mod_pos_bound; lia).
  assert (Hsign : bitZ r (n - 1) = if p2 (n - 1) <=? s then 1 else 0).
  { rewrite <- (bitZ_mod r n (n - 1)) by lia; fold s.
    rewrite bit_by_steps by lia.
    repeat match goal with |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b) end; lia. }
  assert (Hsum : sumZ n (fun j => p2 j * bitZ r j) = s) by (apply sum_bits).
  assert (Hbits : 0 <= sumZ n (bitZ r)) by (apply sumZ_nonneg; intros; apply bitZ_nonneg).
  destruct (Z.eq_dec r 0) as [->|Hr0].
  - unfold bitZ; rewrite Z.testbit_0_l.
    rewrite (sumZ_ext n _ (fun _ => 0)) by (intros; unfold bitZ; rewrite Z.testbit_0_l; reflexivity).
    rewrite sumZ_const0; reflexivity.
  - (* r <> 0: some low bit is set, so the zero test is 0 *)
    assert (Hs0 : s <> 0).
    { destruct (Z.ltb_spec r 0).
      + assert (s = r + p2 n)
          by (unfold s; symmetry; apply (Z.mod_unique r (p2 n) (-1)); [left; lia|ring]).
        lia.
      + assert (s = r) by (unfold s; apply Z.mod_small; lia); lia. }
    assert (Hz : sumZ n (bitZ r) <> 0).
    { intros E; apply Hs0; rewrite <- Hsum.
      rewrite (sumZ_ext n _ (fun _ => 0)); [apply sumZ_const0|].
      intros j Hj; rewrite (sumZ_zero_each n (bitZ r)) by (auto; intros; apply bitZ_nonneg); ring. }
    replace (relu (1 - sumZ n (bitZ r))) with 0 by (unfold relu; lia).
    rewrite Hsign.
    destruct (Z.ltb_spec r 0).
    + assert (s = r + p2 n).
      { unfold s; symmetry; apply (Z.mod_unique r (p2 n) (-1)); [left; lia|ring]. }
      repeat match goal with |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b) end; lia.
    + assert (s = r) by (unfold s; apply Z.mod_small; lia).
      repeat match goal with |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b) end; lia.
Qed.

Lemma two_dec : forall t w, (w < 2)%nat -> ((2 * t + w) / 2 = t /\ (2 * t + w) mod 2 = w)%nat.
Proof. intros; apply div_mod_of; lia. Qed.

Lemma three_layers : forall L1 L2 L3 x, pass [L1; L2; L3] x = apply L3 (apply L2 (apply L1 x)).
Proof. reflexivity. Qed.

Section Branch.
Context (c : cfg) (x : vec) (r rc p1 : Z).
Let N := cN c.
Let C := cC c.
Let y := pass (branch_layers c) x.

(* Precondition: state directions hold non-negative numbers; r holds the bits of an N-bit word
   r, rc and pc1 the bits of rc and p1. *)
Definition branch_pre : Prop :=
  (1 <= N)%nat /\ - p2 (N - 1) <= r < p2 (N - 1) /\
  (forall d, valid c d -> 0 <= x (sidx c d)) /\
  (forall j, (j < N)%nat -> x (sidx c (DR j)) = bitZ r j) /\
  (forall t, (t < C)%nat -> x (sidx c (DRc t)) = bitZ rc t /\ x (sidx c (DPc1 t)) = bitZ p1 t).

Let y1 := apply (branch_zero c) x.
Let y2 := apply (branch_choose c) y1.

Lemma zero_copy : branch_pre -> forall d, valid c d -> y1 (sidx c d) = x (sidx c d).
Proof.
  intros (_ & _ & Hnn & _) d Hd; unfold y1, branch_zero; rewrite apply_state, eval_copy by auto.
  apply relu_id, Hnn, Hd.
Qed.

Lemma zero_value : branch_pre -> y1 (hcol c 0) = relu (1 - sumZ N (bitZ r)).
Proof.
  intros (_ & _ & _ & Hr & _); unfold y1, branch_zero; rewrite apply_hidden by lia.
  unfold eval_row; cbn [bias terms].
  rewrite (eval_map_seq0 (fun j => sidx c (DR j)) (fun _ => -1)).
  f_equal.
  rewrite (sumZ_ext N _ (fun j => - bitZ r j)) by (intros; rewrite Hr by lia; ring).
  assert (Hn : forall f n, sumZ n (fun j => - f j) = - sumZ n f)
    by (induction n; cbn [sumZ]; [reflexivity|rewrite IHn; ring]).
  rewrite Hn; ring.
Qed.

Let flag := if r <=? 0 then 1 else 0.

Lemma choose_values : branch_pre -> forall t, (t < C)%nat ->
  y2 (hcol c (2 * t)) = bitZ rc t * flag /\ y2 (hcol c (2 * t + 1)) = bitZ p1 t * (1 - flag).
Proof.
  intros Hpre t Ht.
  pose proof Hpre as (HN & Hr & Hnn & Hbits & Hcp).
  pose proof (branch_flag N r HN Hr) as Hf; fold flag in Hf.
  destruct (Hcp t Ht) as [Hc Hp].
  assert (Hsign : y1 (sidx c (DR (cN c - 1))) = bitZ r (N - 1))
    by (rewrite zero_copy by (auto; simpl; lia); apply Hbits; lia).
  assert (Hz := zero_value Hpre).
  assert (Hc1 : y1 (sidx c (DRc t)) = bitZ rc t) by (rewrite zero_copy by (auto; simpl; lia); auto).
  assert (Hp1 : y1 (sidx c (DPc1 t)) = bitZ p1 t) by (rewrite zero_copy by (auto; simpl; lia); auto).
  unfold y2, branch_choose; split; (rewrite apply_hidden by lia);
    [destruct (two_dec t 0 ltac:(lia)) as [E1 E2]|destruct (two_dec t 1 ltac:(lia)) as [E1 E2]];
    replace (2 * t + 0)%nat with (2 * t)%nat in * by lia;
    cbv zeta; rewrite E1, E2; cbn [Nat.eqb];
    unfold eval_row; cbn [bias terms eval_terms];
    rewrite Hsign, Hz, ?Hc1, ?Hp1;
    pose proof (bitZ_range rc t); pose proof (bitZ_range p1 t);
    unfold flag in *; destruct (r <=? 0); unfold relu in *; lia.
Qed.

Theorem branch_result : branch_pre ->
  forall t, (t < C)%nat -> y (sidx c (DPc t)) = bitZ (if r <=? 0 then rc else p1) t.
Proof.
  intros Hpre t Ht; unfold y, branch_layers; rewrite three_layers; fold y1 y2.
  unfold branch_merge at 1; rewrite apply_state by (simpl; lia).
  unfold eval_row; cbn [bias terms eval_terms].
  destruct (choose_values Hpre t Ht) as [E1 E2]; rewrite E1, E2.
  pose proof (bitZ_range rc t); pose proof (bitZ_range p1 t).
  unfold flag; destruct (r <=? 0); destruct H as [-> | ->]; destruct H0 as [-> | ->];
    unfold relu; lia.
Qed.

Theorem branch_clears : branch_pre ->
  (forall j, (j < N)%nat -> y (sidx c (DR j)) = 0) /\
  (forall t, (t < C)%nat -> y (sidx c (DRc t)) = 0 /\ y (sidx c (DPc1 t)) = 0).
Proof.
  intros Hpre; unfold y, branch_layers; rewrite three_layers; fold y1 y2.
  split; [intros j Hj|intros t Ht; split];
  unfold branch_merge; rewrite apply_state, eval_copy by (simpl; lia);
  unfold y2, branch_choose; rewrite apply_state, eval_empty by (simpl; lia); reflexivity.
Qed.

Theorem branch_frame : branch_pre ->
  forall d, valid c d -> (forall t, d <> DPc t /\ d <> DR t /\ d <> DRc t /\ d <> DPc1 t) ->
  y (sidx c d) = x (sidx c d).
Proof.
  intros Hpre d Hd Hn; unfold y, branch_layers; rewrite three_layers; fold y1 y2.
  pose proof Hpre as (_ & _ & Hnn & _).
  unfold branch_merge at 1; rewrite apply_state by assumption.
  assert (E : (match d with
               | DPc t => mkRow 0 [(hcol c (2 * t), 1); (hcol c (2 * t + 1), 1)]
               | _ => copy c d end) = copy c d)
    by (destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; try reflexivity;
        destruct (Hn t) as (H1 & H2 & H3 & H4); congruence).
  rewrite E, eval_copy.
  unfold y2, branch_choose; rewrite apply_state by assumption.
  assert (E2 : (match d with DR _ | DRc _ | DPc1 _ => empty_row | _ => copy c d end) = copy c d)
    by (destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; try reflexivity;
        destruct (Hn t) as (H1 & H2 & H3 & H4); congruence).
  rewrite E2, eval_copy, zero_copy by assumption.
  pose proof (Hnn d Hd); unfold relu; lia.
Qed.

Theorem branch_beyond : forall i, (sdim c <= i)%nat -> y i = 0.
Proof.
  intros i Hi; unfold y, branch_layers; rewrite three_layers.
  unfold branch_merge; apply apply_beyond; lia.
Qed.

End Branch.
