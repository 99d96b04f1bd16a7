(* The stages built on the address match (SPEC §7.4): fetch (SPEC §8.1), read (§8.2) and write
   (§8.4), with the lemmas of SPEC §9.1, for every N, A, C. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper Base Subtract AddrMatch.
Import ListNotations.
Open Scope Z_scope.

Lemma relu_bit : forall z, z = 0 \/ z = 1 -> relu z = z.
Proof. intros z [-> | ->]; reflexivity. Qed.

(* ---- Fetch ---- *)

Lemma slot_dec_ok : forall c q f t, (t < fwidth c f)%nat ->
  slot_dec c (fetch_sel c q f t / slotw c) (fetch_sel c q f t mod slotw c) = DCode q f t.
Proof.
  intros c q f t Ht; unfold fetch_sel.
  assert (Hr : (foff c f + t < slotw c)%nat)
    by (destruct f; unfold foff, fwidth, slotw in *; lia).
  destruct (div_mod_of (q * slotw c + foff c f + t) (slotw c) q (foff c f + t)) as [E1 E2];
    [lia|lia|].
  rewrite E1, E2; unfold slot_dec.
  destruct f; unfold foff, fwidth in *; ltb_lia; f_equal; lia.
Qed.

Lemma fetch_sel_lt : forall c q f t, (q < ksize c)%nat -> (t < fwidth c f)%nat ->
  (fetch_sel c q f t < ksize c * slotw c)%nat.
Proof.
  intros c q f t Hq Ht; unfold fetch_sel.
  assert (Hr : (foff c f + t < slotw c)%nat)
    by (destruct f; unfold foff, fwidth, slotw in *; lia).
  pose proof (lt_mul_add q (ksize c) (slotw c) _ Hq Hr); lia.
Qed.

Section Fetch.
Context (c : cfg) (x : vec) (pc : nat) (prog : nat -> field -> Z).
Let y := pass (fetch_layers c) x.

(* Precondition: state directions hold non-negative numbers; pc < 2^C holds its bits; slot q's
   fields hold the bits of prog q f. *)
Definition fetch_pre : Prop :=
  (forall d, valid c d -> 0 <= x (sidx c d)) /\ (pc < ksize c)%nat /\
  (forall t, (t < cC c)%nat -> x (sidx c (DPc t)) = bitZ (Z.of_nat pc) t) /\
  (forall q f t, (q < ksize c)%nat -> (t < fwidth c f)%nat ->
     x (sidx c (DCode q f t)) = bitZ (prog q f) t).

Lemma fetch_sel_value : fetch_pre -> forall q f t, (q < ksize c)%nat -> (t < fwidth c f)%nat ->
  apply (fetch_select c) x (hcol c (fetch_sel c q f t))
  = if Z.of_nat pc =? Z.of_nat q then bitZ (prog q f) t else 0.
Proof.
  intros (Hnn & Hpc & Hp & Hcode) q f t Hq Ht.
  unfold fetch_select; rewrite apply_hidden by (apply fetch_sel_lt; auto).
  rewrite slot_dec_ok by assumption.
  rewrite (select_value (cC c) _ q _ (Z.of_nat pc)).
  - rewrite Hcode by assumption; reflexivity.
  - unfold ksize in Hpc; rewrite <- p2_nat; lia.
  - unfold ksize in Hq; rewrite <- p2_nat; lia.
  - exact Hp.
  - rewrite Hcode by assumption; apply bitZ_range.
Qed.

Lemma fetch_field : fetch_pre -> forall f t, (t < fwidth c f)%nat ->
  relu (eval_row (sum_row (ksize c) (fun q => hcol c (fetch_sel c q f t)))
                 (apply (fetch_select c) x)) = bitZ (prog pc f) t.
Proof.
  intros Hpre f t Ht; rewrite eval_sum_row.
  pose proof Hpre as (_ & Hpc & _).
  rewrite (sumZ_ext _ _ (fun q => if Z.of_nat pc =? Z.of_nat q then bitZ (prog q f) t else 0))
    by (intros; apply fetch_sel_value; auto).
  rewrite onehot_select by assumption.
  apply relu_bit, bitZ_range.
Qed.

Theorem fetch_result : fetch_pre ->
  (forall t, (t < cA c)%nat -> y (sidx c (DRa t)) = bitZ (prog pc FA) t
                            /\ y (sidx c (DRb t)) = bitZ (prog pc FB) t) /\
  (forall t, (t < cC c)%nat -> y (sidx c (DRc t)) = bitZ (prog pc FC) t).
Proof.
  intros Hpre; unfold y, fetch_layers; rewrite two_layers.
  split; [intros t Ht; split|intros t Ht];
  unfold fetch_gather at 1; rewrite apply_state by (simpl; lia);
  apply fetch_field; auto.
Qed.

Theorem fetch_frame : fetch_pre ->
  forall d, valid c d -> (forall t, d <> DRa t /\ d <> DRb t /\ d <> DRc t) ->
  y (sidx c d) = x (sidx c d).
Proof.
  intros Hpre d Hd Hn; pose proof Hpre as (Hnn & _).
  unfold y, fetch_layers; rewrite two_layers.
  unfold fetch_gather at 1; rewrite apply_state by assumption.
  assert (E : (match d with
               | DRa t => sum_row (ksize c) (fun q => hcol c (fetch_sel c q FA t))
               | DRb t => sum_row (ksize c) (fun q => hcol c (fetch_sel c q FB t))
               | DRc t => sum_row (ksize c) (fun q => hcol c (fetch_sel c q FC t))
               | _ => copy c d end) = copy c d)
    by (destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; try reflexivity;
        destruct (Hn t) as (H1 & H2 & H3); congruence).
  rewrite E, eval_copy.
  unfold fetch_select; rewrite apply_state, eval_copy by assumption.
  pose proof (Hnn d Hd); unfold relu; lia.
Qed.

Theorem fetch_beyond : forall i, (sdim c <= i)%nat -> y i = 0.
Proof.
  intros i Hi; unfold y, fetch_layers; rewrite two_layers.
  unfold fetch_gather; apply apply_beyond; lia.
Qed.

End Fetch.

(* ---- Read ---- *)

Lemma read_g_dec : forall c o i j, (o < 2)%nat -> (i < msize c)%nat -> (j < cN c)%nat ->
  (read_g c o i j / (msize c * cN c) = o /\
   (read_g c o i j mod (msize c * cN c)) / cN c = i /\
   (read_g c o i j mod (msize c * cN c)) mod cN c = j)%nat.
Proof.
  intros c o i j Ho Hi Hj; unfold read_g.
  pose proof (lt_mul_add i (msize c) (cN c) j Hi Hj).
  destruct (div_mod_of (o * (msize c * cN c) + i * cN c + j) (msize c * cN c) o (i * cN c + j))
    as [E1 E2]; [lia|lia|].
  destruct (div_mod_of (i * cN c + j) (cN c) i j) as [E3 E4]; [lia|lia|].
  rewrite E1, E2, E3, E4; auto.
Qed.

Lemma read_g_lt : forall c o i j, (o < 2)%nat -> (i < msize c)%nat -> (j < cN c)%nat ->
  (read_g c o i j < 2 * (msize c * cN c))%nat.
Proof.
  intros c o i j Ho Hi Hj; unfold read_g.
  pose proof (lt_mul_add i (msize c) (cN c) j Hi Hj); nia.
Qed.

Section Read.
Context (c : cfg) (x : vec) (a b : nat) (mem : nat -> Z).
Let y := pass (read_layers c) x.

Definition read_pre : Prop :=
  (forall d, valid c d -> 0 <= x (sidx c d)) /\ (a < msize c)%nat /\ (b < msize c)%nat /\
  (forall t, (t < cA c)%nat -> x (sidx c (DRa t)) = bitZ (Z.of_nat a) t
                            /\ x (sidx c (DRb t)) = bitZ (Z.of_nat b) t) /\
  (forall i j, (i < msize c)%nat -> (j < cN c)%nat -> x (sidx c (DMem i j)) = bitZ (mem i) j).

Lemma read_g_value : read_pre -> forall o i j, (o < 2)%nat -> (i < msize c)%nat ->
  (j < cN c)%nat ->
  apply (read_select c) x (hcol c (read_g c o i j))
  = if Z.of_nat (if (o =? 0)%nat then a else b) =? Z.of_nat i then bitZ (mem i) j else 0.
Proof.
  intros (Hnn & Ha & Hb & Hab & Hmem) o i j Ho Hi Hj.
  unfold read_select; rewrite apply_hidden by (apply read_g_lt; auto).
  destruct (read_g_dec c o i j Ho Hi Hj) as (E1 & E2 & E3).
  cbv zeta; rewrite E1, E2, E3.
  rewrite (select_value (cA c) _ i _ (Z.of_nat (if (o =? 0)%nat then a else b))).
  - rewrite Hmem by assumption; reflexivity.
  - unfold msize in *; rewrite <- p2_nat; destruct (o =? 0)%nat; lia.
  - unfold msize in Hi; rewrite <- p2_nat; lia.
  - intros t Ht; destruct (o =? 0)%nat; apply Hab; auto.
  - rewrite Hmem by assumption; apply bitZ_range.
Qed.

Theorem read_result : read_pre ->
  (forall j, (j < cN c)%nat -> y (sidx c (DVa j)) = bitZ (mem a) j
                            /\ y (sidx c (DVb j)) = bitZ (mem b) j) /\
  (forall t, (t < cA c)%nat -> y (sidx c (DRa t)) = 0).
Proof.
  intros Hpre; pose proof Hpre as (Hnn & Ha & Hb & _).
  unfold y, read_layers; rewrite two_layers.
  split; [intros j Hj; split|intros t Ht].
  - unfold read_gather at 1; rewrite apply_state by (simpl; lia).
    rewrite eval_sum_row.
    rewrite (sumZ_ext _ _ (fun i => if Z.of_nat a =? Z.of_nat i then bitZ (mem i) j else 0))
      by (intros; apply (read_g_value Hpre 0); auto).
    rewrite onehot_select by assumption; apply relu_bit, bitZ_range.
  - unfold read_gather at 1; rewrite apply_state by (simpl; lia).
    rewrite eval_sum_row.
    rewrite (sumZ_ext _ _ (fun i => if Z.of_nat b =? Z.of_nat i then bitZ (mem i) j else 0))
      by (intros; apply (read_g_value Hpre 1); auto).
    rewrite onehot_select by assumption; apply relu_bit, bitZ_range.
  - unfold read_gather; rewrite apply_state, eval_copy by (simpl; lia).
  unfold read_select; rewrite apply_state, eval_empty by (simpl; lia); reflexivity.
Qed.

Theorem read_frame : read_pre ->
  forall d, valid c d -> (forall t, d <> DRa t /\ d <> DVa t /\ d <> DVb t) ->
  y (sidx c d) = x (sidx c d).
Proof.
  intros Hpre d Hd Hn; pose proof Hpre as (Hnn & _).
  unfold y, read_layers; rewrite two_layers.
  unfold read_gather at 1; rewrite apply_state by assumption.
  assert (E : (match d with
               | DVa j => sum_row (msize c) (fun i => hcol c (read_g c 0 i j))
               | DVb j => sum_row (msize c) (fun i => hcol c (read_g c 1 i j))
               | _ => copy c d end) = copy c d)
    by (destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; try reflexivity;
        destruct (Hn t) as (H1 & H2 & H3); congruence).
  rewrite E, eval_copy.
  unfold read_select; rewrite apply_state by assumption.
  assert (E2 : (match d with DRa _ => empty_row | _ => copy c d end) = copy c d)
    by (destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; try reflexivity;
        destruct (Hn t) as (H1 & H2 & H3); congruence).
  rewrite E2, eval_copy.
  pose proof (Hnn d Hd); unfold relu; lia.
Qed.

Theorem read_beyond : forall i, (sdim c <= i)%nat -> y i = 0.
Proof.
  intros i Hi; unfold y, read_layers; rewrite two_layers.
  unfold read_gather; apply apply_beyond; lia.
Qed.

End Read.

(* ---- Write ---- *)

Lemma write_h_dec : forall c i j w, (w < 2)%nat -> (j < cN c)%nat ->
  ((write_h c i j w / 2) / cN c = i /\ (write_h c i j w / 2) mod cN c = j /\
   write_h c i j w mod 2 = w)%nat.
Proof.
  intros c i j w Hw Hj; unfold write_h.
  destruct (div_mod_of (2 * (i * cN c + j) + w) 2 (i * cN c + j) w) as [E1 E2]; [lia|lia|].
  destruct (div_mod_of (i * cN c + j) (cN c) i j) as [E3 E4]; [lia|lia|].
  rewrite E1, E3, E4, E2; auto.
Qed.

Lemma write_h_lt : forall c i j w, (w < 2)%nat -> (i < msize c)%nat -> (j < cN c)%nat ->
  (write_h c i j w < 2 * (msize c * cN c))%nat.
Proof.
  intros c i j w Hw Hi Hj; unfold write_h.
  pose proof (lt_mul_add i (msize c) (cN c) j Hi Hj); lia.
Qed.

Section Write.
Context (c : cfg) (x : vec) (b : nat) (r : Z) (mem : nat -> Z).
Let y := pass (write_layers c) x.

Definition write_pre : Prop :=
  (forall d, valid c d -> 0 <= x (sidx c d)) /\ (b < msize c)%nat /\
  (forall t, (t < cA c)%nat -> x (sidx c (DRb t)) = bitZ (Z.of_nat b) t) /\
  (forall j, (j < cN c)%nat -> x (sidx c (DR j)) = bitZ r j) /\
  (forall i j, (i < msize c)%nat -> (j < cN c)%nat -> x (sidx c (DMem i j)) = bitZ (mem i) j).

Lemma write_sel_value : write_pre -> forall i j w, (w < 2)%nat -> (i < msize c)%nat ->
  (j < cN c)%nat ->
  apply (write_select c) x (hcol c (write_h c i j w))
  = if Z.of_nat b =? Z.of_nat i then (if (w =? 0)%nat then bitZ (mem i) j else bitZ r j) else 0.
Proof.
  intros (Hnn & Hb & Hrb & Hr & Hmem) i j w Hw Hi Hj.
  unfold write_select; rewrite apply_hidden by (apply write_h_lt; auto).
  destruct (write_h_dec c i j w Hw Hj) as (E1 & E2 & E3).
  cbv zeta; rewrite E1, E2, E3.
  rewrite (select_value (cA c) _ i _ (Z.of_nat b)).
  - destruct (w =? 0)%nat; [rewrite Hmem|rewrite Hr]; auto.
  - unfold msize in *; rewrite <- p2_nat; lia.
  - unfold msize in Hi; rewrite <- p2_nat; lia.
  - exact Hrb.
  - destruct (w =? 0)%nat; [rewrite Hmem|rewrite Hr]; auto; apply bitZ_range.
Qed.

Theorem write_result : write_pre ->
  (forall i j, (i < msize c)%nat -> (j < cN c)%nat ->
     y (sidx c (DMem i j)) = if (i =? b)%nat then bitZ r j else bitZ (mem i) j) /\
  (forall t, (t < cA c)%nat -> y (sidx c (DRb t)) = 0).
Proof.
  intros Hpre; pose proof Hpre as (Hnn & Hb & Hrb & Hr & Hmem).
  unfold y, write_layers; rewrite two_layers.
  split; [intros i j Hi Hj|intros t Ht].
  - unfold write_update at 1; rewrite apply_state by (simpl; lia).
    unfold eval_row; cbn [bias terms eval_terms].
    rewrite !write_sel_value by (auto; lia). cbn [Nat.eqb].
    unfold write_select; rewrite apply_state, eval_copy by (simpl; lia).
    rewrite Hmem by assumption.
    pose proof (bitZ_range (mem i) j); pose proof (bitZ_range r j).
    destruct (Nat.eqb_spec i b) as [->|Hne].
    + rewrite Z.eqb_refl; unfold relu in *; lia.
    + destruct (Z.eqb_spec (Z.of_nat b) (Z.of_nat i)); [lia|]; unfold relu in *; lia.
  - unfold write_update; rewrite apply_state, eval_empty by (simpl; lia); reflexivity.
Qed.

Theorem write_frame : write_pre ->
  forall d, valid c d -> (forall i j, d <> DMem i j) -> (forall t, d <> DRb t) ->
  y (sidx c d) = x (sidx c d).
Proof.
  intros Hpre d Hd Hm Hn; pose proof Hpre as (Hnn & _).
  unfold y, write_layers; rewrite two_layers.
  unfold write_update at 1; rewrite apply_state by assumption.
  assert (E : (match d with
               | DMem i j => mkRow 0 [(sidx c (DMem i j), 1); (hcol c (write_h c i j 0), -1);
                                     (hcol c (write_h c i j 1), 1)]
               | DRb _ => empty_row
               | _ => copy c d end) = copy c d)
    by (destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; try reflexivity;
        [destruct (Hm i j)|destruct (Hn t)]; reflexivity).
  rewrite E, eval_copy.
  unfold write_select; rewrite apply_state, eval_copy by assumption.
  pose proof (Hnn d Hd); unfold relu; lia.
Qed.

Theorem write_beyond : forall i, (sdim c <= i)%nat -> y i = 0.
Proof.
  intros i Hi; unfold y, write_layers; rewrite two_layers.
  unfold write_update; apply apply_beyond; lia.
Qed.

End Write.
