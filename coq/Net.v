(* Networks of SPEC §6: integer vectors, sparse ReLU layers, a pass as their composition. *)
From Coq Require Import ZArith List Lia String.
Import ListNotations.
Open Scope Z_scope.

(* A vector is a function from indices to integers; beyond a layer's dimension it is 0. *)
Definition vec := nat -> Z.

(* A sparse row (SPEC §10): a bias and (column, weight) terms. *)
Record row := mkRow { bias : Z; terms : list (nat * Z) }.

Definition empty_row : row := mkRow 0 [].
(* The identity copy of column c (SPEC §8: ReLU(x) = x for x >= 0). *)
Definition copy_row (c : nat) : row := mkRow 0 [(c, 1)].

Fixpoint eval_terms (ts : list (nat * Z)) (x : vec) : Z :=
  match ts with
  | [] => 0
  | (c, w) :: ts' => w * x c + eval_terms ts' x
  end.

Definition eval_row (r : row) (x : vec) : Z := bias r + eval_terms (terms r) x.

Definition relu (z : Z) : Z := Z.max 0 z.

(* A layer: a label, its output dimension and the row of every output index. *)
Record layer := mkLayer { label : string; ldim : nat; lrow : nat -> row }.

Definition apply (L : layer) (x : vec) : vec :=
  fun i => if (i <? ldim L)%nat then relu (eval_row (lrow L i) x) else 0.

Definition pass (Ls : list layer) (x : vec) : vec := fold_left (fun v L => apply L v) Ls x.

(* ---- Terms in the file's normal form: columns strictly increasing, no zero weight. ---- *)

Fixpoint ins (cw : nat * Z) (ts : list (nat * Z)) : list (nat * Z) :=
  match ts with
  | [] => [cw]
  | (c', w') :: ts' =>
      let (c, w) := cw in
      if (c <? c')%nat then cw :: ts
      else if (c =? c')%nat then (c, w + w') :: ts'
      else (c', w') :: ins cw ts'
  end.

Definition norm_terms (ts : list (nat * Z)) : list (nat * Z) :=
  filter (fun cw => negb (snd cw =? 0)) (fold_right ins [] ts).

Definition norm_row (r : row) : row := mkRow (bias r) (norm_terms (terms r)).

Lemma eval_ins : forall cw ts x,
  eval_terms (ins cw ts) x = snd cw * x (fst cw) + eval_terms ts x.
Proof.
  intros [c w] ts x; induction ts as [|[c' w'] ts IH]; simpl; [lia|].
  destruct (c <? c')%nat eqn:H1; simpl; [lia|].
  destruct (c =? c')%nat eqn:H2; simpl.
  - apply Nat.eqb_eq in H2; subst; ring.
  - rewrite IH; simpl; ring.
Qed.

Lemma eval_filter_nonzero : forall ts x,
  eval_terms (filter (fun cw => negb (snd cw =? 0)) ts) x = eval_terms ts x.
Proof.
  intros ts x; induction ts as [|[c w] ts IH]; simpl; [lia|].
  destruct (w =? 0) eqn:H; simpl; rewrite IH; [apply Z.eqb_eq in H; subst|]; lia.
Qed.

Lemma eval_norm_row : forall r x, eval_row (norm_row r) x = eval_row r x.
Proof.
  intros [b ts] x; unfold eval_row, norm_row, norm_terms; simpl; f_equal.
  rewrite eval_filter_nonzero.
  induction ts as [|cw ts IH]; simpl; [reflexivity|].
  rewrite eval_ins, IH; destruct cw; simpl; lia.
Qed.

(* The layer whose rows are put in normal form computes the same function. *)
Definition norm_layer (L : layer) : layer :=
  mkLayer (label L) (ldim L) (fun i => norm_row (lrow L i)).

Lemma apply_norm_layer : forall L x i, apply (norm_layer L) x i = apply L x i.
Proof.
  intros L x i; unfold apply, norm_layer; simpl; rewrite eval_norm_row; reflexivity.
Qed.

Lemma pass_norm : forall Ls x i,
  pass (map norm_layer Ls) x i = pass Ls x i.
Proof.
  intros Ls; induction Ls as [|L Ls IH]; intros x i; simpl; [reflexivity|].
  unfold pass in *; simpl.
  rewrite IH.
  (* the rest of the pass reads the layer's output pointwise *)
  assert (E : forall y z : vec, (forall j, y j = z j) -> forall j,
             fold_left (fun v L0 => apply L0 v) Ls y j = fold_left (fun v L0 => apply L0 v) Ls z j).
  { clear. induction Ls as [|L' Ls IH]; intros y z H j; simpl; [apply H|].
    apply IH; intros j'; unfold apply.
    destruct (j' <? ldim L')%nat; [|reflexivity].
    f_equal; unfold eval_row; f_equal.
    induction (terms (lrow L' j')) as [|[c w] ts IHt]; simpl; [reflexivity|].
    rewrite H, IHt; reflexivity. }
  apply E; intros j; apply apply_norm_layer.
Qed.
