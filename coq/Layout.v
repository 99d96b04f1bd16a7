(* The machine state space of SPEC §7: named directions and their indices (SPEC §7.2). *)
From Coq Require Import ZArith List Lia String Ascii.
Import ListNotations.

(* A config (N, A, C) (SPEC §2.1): word bits, data address bits, code address bits. *)
Record cfg := mkCfg { cN : nat; cA : nat; cC : nat }.

Definition msize (c : cfg) : nat := 2 ^ cA c.   (* m = 2^A data words *)
Definition ksize (c : cfg) : nat := 2 ^ cC c.   (* k = 2^C instruction slots *)

Inductive field := FA | FB | FC.

(* The state directions of SPEC §7.1: X.bit[t] for every register X. *)
Inductive sdir :=
| DCode (q : nat) (f : field) (t : nat)
| DMem (i j : nat)
| DPc (t : nat)
| DRa (t : nat) | DRb (t : nat) | DRc (t : nat) | DPc1 (t : nat)
| DVa (j : nat) | DVb (j : nat) | DR (j : nat).

Section Layout.
Context (c : cfg).
Let N := cN c.
Let A := cA c.
Let C := cC c.

(* Width of one instruction slot: fields a, b (A bits each) and c (C bits). *)
Definition slotw : nat := 2 * A + C.
Definition foff (f : field) : nat := match f with FA => 0 | FB => A | FC => 2 * A end.
Definition fwidth (f : field) : nat := match f with FA | FB => A | FC => C end.

(* SPEC §7.2: code (slot by slot, a b c), mem (word by word), pc, then scratch
   ra rb rc pc1 va vb r; within a register bit 0 first. *)
Definition memB : nat := ksize c * slotw.
Definition pcB : nat := memB + msize c * N.
Definition raB : nat := pcB + C.
Definition rbB : nat := raB + A.
Definition rcB : nat := rbB + A.
Definition pc1B : nat := rcB + C.
Definition vaB : nat := pc1B + C.
Definition vbB : nat := vaB + N.
Definition rB : nat := vbB + N.
Definition sdim : nat := rB + N.

Definition sidx (d : sdir) : nat :=
  match d with
  | DCode q f t => q * slotw + foff f + t
  | DMem i j => memB + i * N + j
  | DPc t => pcB + t
  | DRa t => raB + t
  | DRb t => rbB + t
  | DRc t => rcB + t
  | DPc1 t => pc1B + t
  | DVa j => vaB + j
  | DVb j => vbB + j
  | DR j => rB + j
  end.

(* Offset r within a slot as (field, bit). *)
Definition slot_dec (q r : nat) : sdir :=
  if (r <? A)%nat then DCode q FA r
  else if (r <? 2 * A)%nat then DCode q FB (r - A)
  else DCode q FC (r - 2 * A).

(* The direction at index i of the state space (the inverse of sidx). *)
Definition sdec (i : nat) : option sdir :=
  if (i <? memB)%nat then Some (slot_dec (i / slotw) (i mod slotw))
  else if (i <? pcB)%nat then Some (DMem ((i - memB) / N) ((i - memB) mod N))
  else if (i <? raB)%nat then Some (DPc (i - pcB))
  else if (i <? rbB)%nat then Some (DRa (i - raB))
  else if (i <? rcB)%nat then Some (DRb (i - rbB))
  else if (i <? pc1B)%nat then Some (DRc (i - rcB))
  else if (i <? vaB)%nat then Some (DPc1 (i - pc1B))
  else if (i <? vbB)%nat then Some (DVa (i - vaB))
  else if (i <? rB)%nat then Some (DVb (i - vbB))
  else if (i <? sdim)%nat then Some (DR (i - rB))
  else None.

(* The directions that exist for this config. *)
Definition valid (d : sdir) : Prop :=
  match d with
  | DCode q f t => (q < ksize c /\ t < fwidth f)%nat
  | DMem i j => (i < msize c /\ j < N)%nat
  | DPc t | DRc t | DPc1 t => (t < C)%nat
  | DRa t | DRb t => (t < A)%nat
  | DVa j | DVb j | DR j => (j < N)%nat
  end.

End Layout.

(* ---- Direction names (SPEC §7.1), as the network file writes them. ---- *)

Fixpoint digits (fuel n : nat) (acc : string) : string :=
  match fuel with
  | O => acc
  | S f =>
      let acc' := String (ascii_of_nat (48 + n mod 10)) acc in
      if (n <? 10)%nat then acc' else digits f (n / 10) acc'
  end.

Definition nat_str (n : nat) : string := digits (S n) n EmptyString.

Definition br (n : nat) : string := "[" ++ nat_str n ++ "]".
Definition bitname (reg : string) (t : nat) : string := reg ++ ".bit" ++ br t.

Definition field_str (f : field) : string :=
  match f with FA => "a" | FB => "b" | FC => "c" end.

Definition sname (d : sdir) : string :=
  match d with
  | DCode q f t => bitname ("code" ++ br q ++ "." ++ field_str f) t
  | DMem i j => bitname ("mem" ++ br i) j
  | DPc t => bitname "pc" t
  | DRa t => bitname "ra" t
  | DRb t => bitname "rb" t
  | DRc t => bitname "rc" t
  | DPc1 t => bitname "pc1" t
  | DVa j => bitname "va" j
  | DVb j => bitname "vb" j
  | DR j => bitname "r" j
  end.

Definition state_name (c : cfg) (i : nat) : string :=
  match sdec c i with Some d => sname d | None => EmptyString end.
