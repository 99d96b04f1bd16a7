(* Lemmas used by every stage: the layout is a bijection (SPEC §7.2), what a layer built by
   mk_layer computes at a named direction or hidden neuron, sums, bits and 2^j. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper.
Import ListNotations.
Open Scope Z_scope.

(* ---- Natural-number division by a layout stride ---- *)

Lemma div_mod_of : forall a b q r, (r < b)%nat -> a = (q * b + r)%nat -> (a / b = q /\ a mod b = r)%nat.
Proof.
  intros a b q r Hr ->; split.
  - symmetry; apply (Nat.div_unique _ _ _ r); lia.
  - symmetry; apply (Nat.mod_unique _ _ q); lia.
Qed.

Lemma lt_mul_add : forall q k w r, (q < k)%nat -> (r < w)%nat -> (q * w + r < k * w)%nat.
Proof. intros; nia. Qed.

(* ---- The layout ---- *)

(* Decides every (a <? b) of the goal that lia can decide. *)
Ltac ltb_lia :=
  repeat match goal with
  | |- context [(?a <? ?b)%nat] =>
      first [ replace (a <? b)%nat with false by (symmetry; apply Nat.ltb_ge; lia)
            | replace (a <? b)%nat with true by (symmetry; apply Nat.ltb_lt; lia) ]
  end.

Ltac lay := unfold sdim, rB, vbB, vaB, pc1B, rcB, rbB, raB, pcB, memB in *.

Section LayoutFacts.
Context (c : cfg).

Lemma slotw_pos_of : forall q f t, valid c (DCode q f t) -> (0 < slotw c)%nat.
Proof. intros q f t [_ H]; destruct f; unfold slotw, fwidth in *; simpl in *; lia. Qed.

Lemma sidx_lt : forall d, valid c d -> (sidx c d < sdim c)%nat.
Proof.
  intros d Hd; destruct d; cbn [sidx valid] in *; lay; try lia.
  - destruct Hd as [Hq Ht].
    assert (foff c f + t < slotw c)%nat by (destruct f; unfold foff, fwidth, slotw in *; lia).
    pose proof (lt_mul_add q (ksize c) (slotw c) (foff c f + t) Hq H); lia.
  - destruct Hd as [Hi Hj].
    pose proof (lt_mul_add i (msize c) (cN c) j Hi Hj); lia.
Qed.

Lemma sdec_sidx : forall d, valid c d -> sdec c (sidx c d) = Some d.
Proof.
  intros d Hd.
  pose proof (sidx_lt d Hd) as Hlt.
  unfold sdec; destruct d; cbn [sidx valid] in *; lay.
  (* the eight registers after mem: one range each *)
  all: try (ltb_lia; f_equal; f_equal; lia).
  - destruct Hd as [Hq Ht].
    assert (Hr : (foff c f + t < slotw c)%nat)
      by (destruct f; unfold foff, fwidth, slotw in *; lia).
    pose proof (lt_mul_add q (ksize c) (slotw c) _ Hq Hr).
    destruct (div_mod_of (q * slotw c + foff c f + t) (slotw c) q (foff c f + t)) as [E1 E2];
      [lia|lia|].
    replace (q * slotw c + foff c f + t <? ksize c * slotw c)%nat with true
      by (symmetry; apply Nat.ltb_lt; lia).
    rewrite E1, E2; unfold slot_dec.
    destruct f; unfold foff, fwidth in *; ltb_lia; f_equal; f_equal; lia.
  - destruct Hd as [Hi Hj].
    pose proof (lt_mul_add i (msize c) (cN c) j Hi Hj).
    destruct (div_mod_of (i * cN c + j) (cN c) i j) as [E1 E2]; [lia|lia|].
    ltb_lia.
    replace (ksize c * slotw c + i * cN c + j - ksize c * slotw c)%nat with (i * cN c + j)%nat
      by lia.
    rewrite E1, E2; reflexivity.
Qed.

Lemma sidx_inj : forall d e, valid c d -> valid c e -> sidx c d = sidx c e -> d = e.
Proof.
  intros d e Hd He H.
  pose proof (sdec_sidx d Hd); pose proof (sdec_sidx e He); congruence.
Qed.

(* Every index of the state space is a valid direction. *)
Lemma sdec_total : forall i, (i < sdim c)%nat ->
  exists d, sdec c i = Some d /\ valid c d /\ sidx c d = i.
Proof.
  intros i Hi.
  unfold sdim, rB, vbB, vaB, pc1B, rcB, rbB, raB, pcB, memB in Hi.
  unfold sdec, sdim, rB, vbB, vaB, pc1B, rcB, rbB, raB, pcB, memB.
  destruct (i <? ksize c * slotw c)%nat eqn:H0.
  { apply Nat.ltb_lt in H0.
    assert (Hw : (0 < slotw c)%nat) by (destruct (slotw c); [lia|lia]).
    pose proof (Nat.div_mod i (slotw c) ltac:(lia)) as E.
    pose proof (Nat.mod_upper_bound i (slotw c) ltac:(lia)) as U.
    assert (Hq : (i / slotw c < ksize c)%nat).
    { apply Nat.div_lt_upper_bound; lia. }
    set (q := (i / slotw c)%nat) in *; set (r := (i mod slotw c)%nat) in *.
    unfold slot_dec, slotw in *.
    destruct (r <? cA c)%nat eqn:H1; [apply Nat.ltb_lt in H1|apply Nat.ltb_ge in H1].
    { eexists; split; [reflexivity|]; simpl; unfold slotw; split; [lia|lia]. }
    destruct (r <? 2 * cA c)%nat eqn:H2; [apply Nat.ltb_lt in H2|apply Nat.ltb_ge in H2].
    { eexists; split; [reflexivity|]; simpl; unfold slotw; split; [lia|lia]. }
    eexists; split; [reflexivity|]; simpl; unfold slotw; split; [lia|lia]. }
  apply Nat.ltb_ge in H0.
  destruct (i <? ksize c * slotw c + msize c * cN c)%nat eqn:H1.
  { apply Nat.ltb_lt in H1.
    set (u := (i - ksize c * slotw c)%nat).
    assert (Hn : (0 < cN c)%nat) by (destruct (cN c); [lia|lia]).
    pose proof (Nat.div_mod u (cN c) ltac:(lia)) as E.
    pose proof (Nat.mod_upper_bound u (cN c) ltac:(lia)) as U.
    assert (Hq : (u / cN c < msize c)%nat) by (apply Nat.div_lt_upper_bound; lia).
    eexists; split; [reflexivity|]; simpl; split; [split; lia|].
    unfold memB; lia. }
  apply Nat.ltb_ge in H1.
  repeat match goal with
  | |- context [if (?a <? ?b)%nat then _ else _] =>
      let H := fresh in
      destruct (a <? b)%nat eqn:H;
      [apply Nat.ltb_lt in H; eexists; split; [reflexivity|];
       simpl; lay; split; lia
      |apply Nat.ltb_ge in H]
  end.
  lia.
Qed.

End LayoutFacts.

(* ---- What a layer of mk_layer computes ---- *)

Lemma apply_state : forall c lbl h srow hrow x d, valid c d ->
  apply (mk_layer c lbl h srow hrow) x (sidx c d) = relu (eval_row (srow d) x).
Proof.
  intros c lbl h srow hrow x d Hd; unfold apply, mk_layer; simpl.
  pose proof (sidx_lt c d Hd).
  replace (sidx c d <? sdim c + h)%nat with true by (symmetry; apply Nat.ltb_lt; lia).
  replace (sidx c d <? sdim c)%nat with true by (symmetry; apply Nat.ltb_lt; lia).
  rewrite sdec_sidx by assumption; reflexivity.
Qed.

Lemma apply_hidden : forall c lbl h srow hrow x j, (j < h)%nat ->
  apply (mk_layer c lbl h srow hrow) x (hcol c j) = relu (eval_row (hrow j) x).
Proof.
  intros c lbl h srow hrow x j Hj; unfold apply, mk_layer, hcol; simpl.
  replace (sdim c + j <? sdim c + h)%nat with true by (symmetry; apply Nat.ltb_lt; lia).
  replace (sdim c + j <? sdim c)%nat with false by (symmetry; apply Nat.ltb_ge; lia).
  replace (sdim c + j - sdim c)%nat with j by lia; reflexivity.
Qed.

Lemma apply_beyond : forall c lbl h srow hrow x i, (sdim c + h <= i)%nat ->
  apply (mk_layer c lbl h srow hrow) x i = 0.
Proof.
  intros c lbl h srow hrow x i Hi; unfold apply, mk_layer; simpl.
  replace (i <? sdim c + h)%nat with false by (symmetry; apply Nat.ltb_ge; lia); reflexivity.
Qed.

(* ---- Rows ---- *)

Lemma eval_copy : forall c d x, eval_row (copy c d) x = x (sidx c d).
Proof. intros; unfold copy, copy_row, eval_row; cbn [eval_terms bias terms]; ring. Qed.

Lemma eval_empty : forall x, eval_row empty_row x = 0.
Proof. reflexivity. Qed.

Lemma relu_id : forall z, 0 <= z -> relu z = z.
Proof. intros; unfold relu; lia. Qed.

Lemma eval_terms_app : forall t1 t2 x,
  eval_terms (t1 ++ t2) x = eval_terms t1 x + eval_terms t2 x.
Proof. induction t1 as [|[a w] t1 IH]; intros; cbn [app eval_terms]; [|rewrite IH]; ring. Qed.

Lemma sumZ_ext : forall n f g, (forall i, (i < n)%nat -> f i = g i) -> sumZ n f = sumZ n g.
Proof.
  induction n; intros f g H; simpl; [reflexivity|].
  rewrite (IHn f g) by (intros; apply H; lia); rewrite H by lia; reflexivity.
Qed.

Lemma sumZ_add : forall n f g, sumZ n (fun i => f i + g i) = sumZ n f + sumZ n g.
Proof. induction n; intros; simpl; [|rewrite IHn]; ring. Qed.

Lemma sumZ_scale : forall n a f, sumZ n (fun i => a * f i) = a * sumZ n f.
Proof. induction n; intros; simpl; [|rewrite IHn]; ring. Qed.

Lemma sumZ_const0 : forall n, sumZ n (fun _ => 0) = 0.
Proof. induction n; simpl; [|rewrite IHn]; reflexivity. Qed.

(* A sum over a range of terms read from a map over seq. *)
Lemma eval_map_seq : forall (cl : nat -> nat) (w : nat -> Z) n s x,
  eval_terms (map (fun i => (cl i, w i)) (seq s n)) x
  = sumZ n (fun i => w (s + i)%nat * x (cl (s + i)%nat)).
Proof.
  intros cl w n; induction n; intros s x; [reflexivity|].
  rewrite seq_S, map_app, eval_terms_app, IHn; cbn [map eval_terms sumZ]; ring.
Qed.

Lemma eval_map_seq0 : forall (cl : nat -> nat) (w : nat -> Z) n x,
  eval_terms (map (fun i => (cl i, w i)) (seq 0 n)) x = sumZ n (fun i => w i * x (cl i)).
Proof. intros; rewrite eval_map_seq; reflexivity. Qed.

Lemma eval_sum_row : forall n cl x, eval_row (sum_row n cl) x = sumZ n (fun q => x (cl q)).
Proof.
  intros; unfold sum_row, eval_row; cbn [bias terms].
  rewrite (eval_map_seq0 cl (fun _ => 1)), Z.add_0_l.
  apply sumZ_ext; intros; ring.
Qed.

(* A one-hot sum: only the term at q0 may be non-zero. *)
Lemma sumZ_onehot : forall n f q0, (q0 < n)%nat ->
  (forall q, (q < n)%nat -> q <> q0 -> f q = 0) -> sumZ n f = f q0.
Proof.
  induction n; intros f q0 Hq H; [lia|simpl].
  destruct (Nat.eq_dec q0 n) as [->|Hne].
  - rewrite (sumZ_ext n f (fun _ => 0)) by (intros; apply H; lia).
    rewrite sumZ_const0; ring.
  - rewrite (IHn f q0) by (try lia; intros; apply H; lia).
    rewrite (H n) by lia; ring.
Qed.

(* ---- 2^j, bits ---- *)

Lemma p2_pos : forall j, 0 < p2 j.
Proof. intros; unfold p2; apply Z.pow_pos_nonneg; lia. Qed.

Lemma p2_S : forall j, p2 (S j) = 2 * p2 j.
Proof.
  intros; unfold p2; rewrite Nat2Z.inj_succ, Z.pow_succ_r; [ring|lia].
Qed.

Lemma sumZ_p2 : forall n, sumZ n p2 = p2 n - 1.
Proof.
  induction n; simpl; [reflexivity|]; rewrite IHn, p2_S; ring.
Qed.

Lemma p2_mono : forall i j, (i <= j)%nat -> p2 i <= p2 j.
Proof.
  intros i j H; induction H; [lia|]; rewrite p2_S; pose proof (p2_pos m); lia.
Qed.

Definition bitZ (v : Z) (j : nat) : Z := Z.b2z (Z.testbit v (Z.of_nat j)).

Lemma bitZ_range : forall v j, bitZ v j = 0 \/ bitZ v j = 1.
Proof. intros; unfold bitZ; destruct (Z.testbit _ _); simpl; lia. Qed.

(* The low bits of any integer (two's complement for a negative one). *)
Lemma mod_p2_S : forall v n, v mod p2 (S n) = v mod p2 n + p2 n * bitZ v n.
Proof.
  intros v n; unfold bitZ.
  rewrite p2_S, Z.mul_comm, Z.rem_mul_r by (pose proof (p2_pos n); lia).
  rewrite Z.testbit_spec' by lia; reflexivity.
Qed.

Lemma sum_bits : forall v n, sumZ n (fun j => p2 j * bitZ v j) = v mod p2 n.
Proof.
  induction n; simpl.
  - unfold p2; simpl; rewrite Z.mod_1_r; reflexivity.
  - rewrite IHn, mod_p2_S; reflexivity.
Qed.

(* Bit j only depends on v mod 2^n for j < n. *)
Lemma bitZ_mod : forall v n j, (j < n)%nat -> bitZ (v mod p2 n) j = bitZ v j.
Proof.
  intros v n j H; unfold bitZ, p2; rewrite Z.mod_pow2_bits_low by lia; reflexivity.
Qed.

Lemma bitZ_eq_mod : forall u v n j, (j < n)%nat -> u mod p2 n = v mod p2 n ->
  bitZ u j = bitZ v j.
Proof.
  intros u v n j H E; rewrite <- (bitZ_mod u n j H), <- (bitZ_mod v n j H), E; reflexivity.
Qed.

(* For 0 <= S < 4 2^i: bit i of S is [S >= 2^i] - [S >= 2 2^i] + [S >= 3 2^i]. *)
Lemma bit_by_steps : forall s i, 0 <= s < 4 * p2 i ->
  bitZ s i = (if p2 i <=? s then 1 else 0) - (if 2 * p2 i <=? s then 1 else 0)
             + (if 3 * p2 i <=? s then 1 else 0).
Proof.
  intros s i H; pose proof (p2_pos i) as P.
  unfold bitZ; rewrite Z.testbit_spec' by lia.
  fold (p2 i).
  pose proof (Z.div_mod s (p2 i) ltac:(lia)) as E.
  pose proof (Z.mod_pos_bound s (p2 i) P) as B.
  assert (Q : 0 <= s / p2 i < 4).
  { split; [apply Z.div_pos; lia|apply Z.div_lt_upper_bound; lia]. }
  remember (s / p2 i) as q eqn:Hq; remember (s mod p2 i) as r eqn:Hr.
  assert (q = 0 \/ q = 1 \/ q = 2 \/ q = 3) as [-> | [-> | [-> | ->]]] by lia;
  match goal with |- ?k mod 2 = _ => let v := eval vm_compute in (k mod 2) in
    change (k mod 2) with v end;
  repeat match goal with
  | |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b)
  end; lia.
Qed.

(* The threshold gadget (SPEC §7.5). *)
Lemma threshold : forall s t, relu (s - t + 1) - relu (s - t) = if t <=? s then 1 else 0.
Proof. intros; unfold relu; destruct (Z.leb_spec t s); lia. Qed.
