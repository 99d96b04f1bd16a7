(* The small gadgets of the branch stage (SPEC §8.6), each for all its inputs: And, AndNot,
   IsZero and Sum.ofBits (construction/gadget). The threshold (SPEC §7.5) is Base.threshold, the
   address match (SPEC §7.4) is AddrMatch.select_value, the borrow chain of the subtraction is
   Base.bit_by_steps with Subtract.eval_sub_sum. *)
From Coq Require Import ZArith Arith List Lia.
From Loopmlp Require Import Net Paper Base.
Open Scope Z_scope.

Definition isbit (z : Z) : Prop := z = 0 \/ z = 1.

(* And: ReLU(x + y - 1) = x AND y for bits x, y. *)
Theorem and_gadget : forall x y, isbit x -> isbit y -> relu (x + y - 1) = x * y.
Proof. intros x y [-> | ->] [-> | ->]; reflexivity. Qed.

(* AndNot: ReLU(x - y) = x AND NOT y for bits x, y. *)
Theorem andnot_gadget : forall x y, isbit x -> isbit y -> relu (x - y) = x * (1 - y).
Proof. intros x y [-> | ->] [-> | ->]; reflexivity. Qed.

(* IsZero: ReLU(1 - sum_j x_j) = [every x_j = 0] for bits x_j. *)
Theorem iszero_gadget : forall n (x : nat -> Z), (forall j, (j < n)%nat -> isbit (x j)) ->
  relu (1 - sumZ n x) = if sumZ n x =? 0 then 1 else 0.
Proof.
  intros n x H.
  assert (0 <= sumZ n x).
  { clear - H; induction n; cbn [sumZ]; [lia|].
    pose proof (IHn ltac:(intros; apply H; lia)); destruct (H n ltac:(lia)); lia. }
  unfold relu; destruct (Z.eqb_spec (sumZ n x) 0); lia.
Qed.

Theorem iszero_all : forall n (x : nat -> Z), (forall j, (j < n)%nat -> isbit (x j)) ->
  sumZ n x = 0 <-> (forall j, (j < n)%nat -> x j = 0).
Proof.
  intros n x H; split.
  - induction n; intros E j Hj; [lia|]; cbn [sumZ] in E.
    assert (0 <= sumZ n x).
    { clear - H; induction n; cbn [sumZ]; [lia|].
      pose proof (IHn ltac:(intros; apply H; lia)); destruct (H n ltac:(lia)); lia. }
    destruct (H n ltac:(lia)) as [Hn|Hn]; [|lia].
    destruct (Nat.eq_dec j n) as [->|Hne]; [exact Hn|].
    apply IHn; [intros; apply H; lia|lia|lia].
  - intros Z0; rewrite (sumZ_ext n x (fun _ => 0)) by exact Z0; apply sumZ_const0.
Qed.

(* Sum.ofBits: a sum of bits of which at most one is 1 is a bit, kept by the ReLU. *)
Theorem sum_of_bits_gadget : forall n (x : nat -> Z) q0, (q0 < n)%nat ->
  (forall q, (q < n)%nat -> q <> q0 -> x q = 0) -> isbit (x q0) ->
  relu (sumZ n x) = x q0.
Proof.
  intros n x q0 Hq H Hb; rewrite (sumZ_onehot n x q0 Hq H); destruct Hb as [-> | ->]; reflexivity.
Qed.
