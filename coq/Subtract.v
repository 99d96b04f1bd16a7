(* The subtract stage (SPEC §8.3, lemma of SPEC §9.1): r := wrap_N(vb - va), va, vb := 0,
   every other direction unchanged; for every N and every integers va, vb. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper Base.
Import ListNotations.
Open Scope Z_scope.

Lemma eval_pairs : forall (a b : nat -> nat) (w v : nat -> Z) n x,
  eval_terms (flat_map (fun j => [(a j, w j); (b j, v j)]) (seq 0 n)) x
  = sumZ n (fun j => w j * x (a j) + v j * x (b j)).
Proof.
  intros a b w v n x; induction n; [reflexivity|].
  rewrite seq_S, flat_map_app, eval_terms_app, IHn; cbn [flat_map app eval_terms sumZ Nat.add]; ring.
Qed.

(* Hidden neuron 6 i + 2 g + u of subtract.steps reads back as (i, g, u). *)
Lemma sub_h_dec : forall i g u, (g < 3)%nat -> (u < 2)%nat ->
  (sub_h i g u / 6 = i /\ (sub_h i g u mod 6) / 2 = g /\ sub_h i g u mod 2 = u)%nat.
Proof.
  intros i g u Hg Hu; unfold sub_h.
  destruct (div_mod_of (6 * i + 2 * g + u) 6 i (2 * g + u)) as [E1 E2]; [lia|lia|].
  destruct (div_mod_of (2 * g + u) 2 g u) as [E3 _]; [lia|lia|].
  destruct (div_mod_of (6 * i + 2 * g + u) 2 (3 * i + g) u) as [_ E4]; [lia|lia|].
  rewrite E1, E2, E3, E4; auto.
Qed.

(* The value of a relu is a non-negative integer; a layer's output is never negative. *)
Lemma apply_nonneg : forall L x i, 0 <= apply L x i.
Proof. intros; unfold apply, relu; destruct (_ <? _)%nat; lia. Qed.

Lemma two_layers : forall L1 L2 x, pass [L1; L2] x = apply L2 (apply L1 x).
Proof. reflexivity. Qed.

(* S_i = 2^(i+1) + (vb mod 2^(i+1)) - (va mod 2^(i+1)). *)
Lemma eval_sub_sum : forall c x va vb i, (i < cN c)%nat ->
  (forall j, (j < cN c)%nat -> x (sidx c (DVa j)) = bitZ va j /\ x (sidx c (DVb j)) = bitZ vb j) ->
  eval_row (sub_sum c i) x = p2 (S i) + vb mod p2 (S i) - va mod p2 (S i).
Proof.
  intros c x va vb i Hi H; unfold sub_sum, eval_row; cbn [bias terms].
  rewrite eval_pairs, sumZ_p2, <- !sum_bits.
  rewrite (sumZ_ext (S i) _ (fun j => p2 j * bitZ vb j + - p2 j * bitZ va j)).
  - rewrite sumZ_add.
    rewrite (sumZ_ext (S i) (fun j => - p2 j * bitZ va j) (fun j => - (p2 j * bitZ va j)))
      by (intros; ring).
    assert (Hn : forall f n, sumZ n (fun j => - f j) = - sumZ n f)
      by (induction n; cbn [sumZ]; [reflexivity|rewrite IHn; ring]).
    rewrite Hn; ring.
  - intros j Hj; destruct (H j) as [Ha Hb]; [lia|]; rewrite Ha, Hb; reflexivity.
Qed.

Section Subtract.
Context (c : cfg) (x : vec) (va vb : Z).
Let N := cN c.
Let y := pass (subtract_layers c) x.

(* Precondition: every state direction holds a non-negative number (a bit), va and vb hold the
   bits of va and vb. *)
Definition sub_pre : Prop :=
  (forall d, valid c d -> 0 <= x (sidx c d)) /\
  (forall j, (j < N)%nat -> x (sidx c (DVa j)) = bitZ va j /\ x (sidx c (DVb j)) = bitZ vb j).

Lemma steps_value : sub_pre -> forall i g u, (i < N)%nat -> (g < 3)%nat -> (u < 2)%nat ->
  apply (subtract_steps c) x (hcol c (sub_h i g u))
  = relu (p2 (S i) + vb mod p2 (S i) - va mod p2 (S i) - Z.of_nat (S g) * p2 i
          + (if (u =? 0)%nat then 1 else 0)).
Proof.
  intros [Hnn Hv] i g u Hi Hg Hu.
  unfold subtract_steps; rewrite apply_hidden by (unfold sub_h; lia).
  destruct (sub_h_dec i g u Hg Hu) as (E1 & E2 & E3).
  cbv zeta; rewrite E1, E2, E3.
  unfold thr_row, eval_row; cbn [bias terms].
  fold (eval_row (sub_sum c i) x - bias (sub_sum c i)).
  pose proof (eval_sub_sum c x va vb i Hi Hv) as Es.
  unfold eval_row in Es. f_equal. lia.
Qed.

Theorem subtract_result : sub_pre ->
  forall i, (i < N)%nat -> y (sidx c (DR i)) = bitZ (vb - va) i.
Proof.
  intros Hpre i Hi; unfold y, subtract_layers; rewrite two_layers.
  unfold subtract_bits at 1; rewrite apply_state by (simpl; lia).
  unfold eval_row; cbn [bias terms eval_terms].
  rewrite !steps_value by (assumption || lia).
  cbn [Nat.eqb].
  set (P := p2 (S i)).
  pose proof (p2_pos i); pose proof (p2_S i) as HP; fold P in HP.
  assert (Ha : 0 <= va mod P < P) by (apply Z.mod_pos_bound; lia).
  assert (Hb : 0 <= vb mod P < P) by (apply Z.mod_pos_bound; lia).
  assert (Hbit : bitZ (P + vb mod P - va mod P) i = bitZ (vb - va) i).
  { apply (bitZ_eq_mod _ _ (S i)); [lia|]. fold P.
    rewrite Zminus_mod with (a := vb).
    replace (P + vb mod P - va mod P) with ((vb mod P - va mod P) + 1 * P) by ring.
    rewrite Z.mod_add by lia; reflexivity. }
  rewrite <- Hbit, (bit_by_steps _ i) by lia.
  change (Z.of_nat 1) with 1; change (Z.of_nat 2) with 2; change (Z.of_nat 3) with 3.
  set (S0 := P + vb mod P - va mod P) in *.
  unfold relu.
  repeat match goal with
  | |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b)
  end; lia.
Qed.

Theorem subtract_clears : sub_pre ->
  forall j, (j < N)%nat -> y (sidx c (DVa j)) = 0 /\ y (sidx c (DVb j)) = 0.
Proof.
  intros Hpre j Hj; unfold y, subtract_layers; rewrite two_layers.
  unfold subtract_bits; rewrite !apply_state by (simpl; lia).
  rewrite !eval_copy.
  unfold subtract_steps; rewrite !apply_state by (simpl; lia).
  rewrite !eval_empty; split; reflexivity.
Qed.

Theorem subtract_frame : sub_pre ->
  forall d, valid c d -> (forall j, d <> DVa j /\ d <> DVb j /\ d <> DR j) ->
  y (sidx c d) = x (sidx c d).
Proof.
  intros [Hnn _] d Hd Hn; unfold y, subtract_layers; rewrite two_layers.
  unfold subtract_bits at 1; rewrite apply_state by assumption.
  assert (E : (match d with DR i => mkRow 0 [(hcol c (sub_h i 0 0), 1); (hcol c (sub_h i 0 1), -1);
                                  (hcol c (sub_h i 1 0), -1); (hcol c (sub_h i 1 1), 1);
                                  (hcol c (sub_h i 2 0), 1); (hcol c (sub_h i 2 1), -1)]
                        | _ => copy c d end) = copy c d)
    by (destruct d; try reflexivity; destruct (Hn j) as (_ & _ & H); congruence).
  rewrite E, eval_copy.
  unfold subtract_steps; rewrite apply_state by assumption.
  assert (E2 : (match d with DVa _ | DVb _ => empty_row | _ => copy c d end) = copy c d)
    by (destruct d; try reflexivity; destruct (Hn j) as (H1 & H2 & _); congruence).
  rewrite E2, eval_copy, !relu_id by (try apply Hnn; auto; unfold relu; pose proof (Hnn d Hd); lia).
  reflexivity.
Qed.

Theorem subtract_beyond : forall i, (sdim c <= i)%nat -> y i = 0.
Proof.
  intros i Hi; unfold y, subtract_layers; rewrite two_layers.
  unfold subtract_bits; apply apply_beyond; lia.
Qed.

End Subtract.
