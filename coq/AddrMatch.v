(* The address match of SPEC §7.4: s_v(x) is 0 when the L-bit register x holds v and at most -2
   otherwise, so ReLU(s_v(x) + y) = [x == v] y for a bit y; and a one-hot sum of such neurons
   selects one term. For every L and v < 2^L. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper Base.
Import ListNotations.
Open Scope Z_scope.

(* The number of bit positions t < L where X and v differ. *)
Definition mism (X v : Z) (t : nat) : Z :=
  if Bool.eqb (Z.testbit X (Z.of_nat t)) (Z.testbit v (Z.of_nat t)) then 0 else 1.

Lemma score_eval : forall L xcol v X x,
  (forall t, (t < L)%nat -> x (xcol t) = bitZ X t) ->
  score_bias L v + eval_terms (score_terms L xcol v) x = -2 * sumZ L (mism X (Z.of_nat v)).
Proof.
  intros L xcol v X x Hx; unfold score_bias, score_terms.
  rewrite (eval_map_seq0 xcol (fun t => 2 * sgn v t)).
  rewrite (sumZ_ext L (fun i => 2 * sgn v i * x (xcol i)) (fun i => 2 * sgn v i * bitZ X i))
    by (intros; rewrite Hx by assumption; reflexivity).
  assert (HL : Z.of_nat L = sumZ L (fun _ => 1)).
  { induction L; cbn [sumZ]; [reflexivity|rewrite Nat2Z.inj_succ, IHL; [ring|auto]]. }
  rewrite HL, <- sumZ_scale.
  assert (Hn : forall f g n, - sumZ n f - sumZ n g + sumZ n (fun i => 2 * sgn v i * bitZ X i)
                = sumZ n (fun i => - f i - g i + 2 * sgn v i * bitZ X i)).
  { intros f g n; induction n; cbn [sumZ]; [reflexivity|rewrite <- IHn; ring]. }
  rewrite Hn; apply sumZ_ext; intros t Ht.
  unfold mism, sgn, bitZ.
  destruct (Z.testbit X (Z.of_nat t)), (Z.testbit (Z.of_nat v) (Z.of_nat t)); simpl; ring.
Qed.

Lemma mism_range : forall X v t, 0 <= mism X v t <= 1.
Proof. intros; unfold mism; destruct (Bool.eqb _ _); lia. Qed.

Lemma sumZ_ge0 : forall n f, (forall j, (j < n)%nat -> 0 <= f j) -> 0 <= sumZ n f.
Proof.
  induction n; intros f H; cbn [sumZ]; [lia|].
  pose proof (IHn f ltac:(intros; apply H; lia)); pose proof (H n ltac:(lia)); lia.
Qed.

Lemma sumZ_zero : forall n f, (forall j, (j < n)%nat -> 0 <= f j) -> sumZ n f = 0 ->
  forall j, (j < n)%nat -> f j = 0.
Proof.
  induction n; intros f H E j Hj; [lia|]; cbn [sumZ] in E.
  pose proof (sumZ_ge0 n f ltac:(intros; apply H; lia)); pose proof (H n ltac:(lia)).
  destruct (Nat.eq_dec j n) as [->|Hne]; [lia|].
  apply (IHn f); [intros; apply H; lia|lia|lia].
Qed.

(* Two numbers in [0, 2^L) with the same L low bits are equal. *)
Lemma same_bits_eq : forall L X V, 0 <= X < p2 L -> 0 <= V < p2 L ->
  (forall t, (t < L)%nat -> bitZ X t = bitZ V t) -> X = V.
Proof.
  intros L X V HX HV H.
  rewrite <- (Z.mod_small X (p2 L)), <- (Z.mod_small V (p2 L)) by lia.
  rewrite <- !sum_bits; apply sumZ_ext; intros; rewrite H by assumption; reflexivity.
Qed.

(* SPEC §7.4: s_v(x) = 0 when x == v, s_v(x) <= -2 otherwise. *)
Lemma score_match : forall L X v, X = Z.of_nat v -> sumZ L (mism X (Z.of_nat v)) = 0.
Proof.
  intros L X v ->; rewrite (sumZ_ext L _ (fun _ => 0)); [apply sumZ_const0|].
  intros; unfold mism; rewrite Bool.eqb_reflx; reflexivity.
Qed.

Lemma score_mismatch : forall L X v, 0 <= X < p2 L -> Z.of_nat v < p2 L -> X <> Z.of_nat v ->
  1 <= sumZ L (mism X (Z.of_nat v)).
Proof.
  intros L X v HX Hv Hne.
  pose proof (sumZ_ge0 L (mism X (Z.of_nat v)) ltac:(intros; apply mism_range)).
  destruct (Z.eq_dec (sumZ L (mism X (Z.of_nat v))) 0) as [E|E]; [|lia].
  exfalso; apply Hne, (same_bits_eq L); [lia|lia|].
  intros t Ht; pose proof (sumZ_zero L _ (fun j _ => proj1 (mism_range X (Z.of_nat v) j)) E t Ht)
    as Z0.
  unfold mism, bitZ in *.
  destruct (Z.testbit X (Z.of_nat t)), (Z.testbit (Z.of_nat v) (Z.of_nat t)); simpl in *;
    congruence.
Qed.

(* AddressMatch.select: ReLU(s_v(x) + y) = [x == v] y for a bit y. *)
Lemma select_value : forall L xcol v ycol X x,
  0 <= X < p2 L -> Z.of_nat v < p2 L ->
  (forall t, (t < L)%nat -> x (xcol t) = bitZ X t) ->
  x ycol = 0 \/ x ycol = 1 ->
  relu (eval_row (select_row L xcol v ycol) x) = if X =? Z.of_nat v then x ycol else 0.
Proof.
  intros L xcol v ycol X x HX Hv Hx Hy.
  unfold select_row, eval_row; cbn [bias terms].
  rewrite eval_terms_app, Z.add_assoc, (score_eval L xcol v X x Hx); cbn [eval_terms].
  destruct (Z.eqb_spec X (Z.of_nat v)) as [E|E].
  - rewrite (score_match L X v E); unfold relu; lia.
  - pose proof (score_mismatch L X v HX Hv E); unfold relu; lia.
Qed.

(* A one-hot sum of selected bits: exactly the term of X. *)
Lemma onehot_select : forall n X (f : nat -> Z), (X < n)%nat ->
  sumZ n (fun q => if Z.of_nat X =? Z.of_nat q then f q else 0) = f X.
Proof.
  intros n X f HX.
  rewrite (sumZ_onehot n _ X HX).
  - rewrite Z.eqb_refl; reflexivity.
  - intros q Hq Hne; destruct (Z.eqb_spec (Z.of_nat X) (Z.of_nat q)); [lia|reflexivity].
Qed.

Lemma p2_nat : forall L, Z.of_nat (2 ^ L) = p2 L.
Proof. intros; unfold p2; rewrite Nat2Z.inj_pow; reflexivity. Qed.
