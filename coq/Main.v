(* The main theorem: for every config and every state the encoding admits, one pass of the
   `paper` network (as written to the network file) maps encode(s) to encode(step s), where step
   is the reference SUBLEQ step of SPEC §2.3. The six stage lemmas (SPEC §9.1) composed. *)
From Coq Require Import ZArith Arith List Lia String Bool.
From Loopmlp Require Import Net Layout Paper Base Subtract NextPc Branch AddrMatch Select.
Import ListNotations.
Open Scope Z_scope.

(* ---- The reference machine (SPEC §2) ---- *)

Record instr := mkInstr { ia : nat; ib : nat; ic : nat }.

(* The program, the memory (signed N-bit words) and pc. *)
Record mstate := mkState { code : nat -> instr; mem : nat -> Z; pc : nat }.

(* wrap_N(z): z modulo 2^N read back as a signed N-bit word. *)
Definition wrap (n : nat) (z : Z) : Z := (z + p2 (n - 1)) mod p2 n - p2 (n - 1).

(* SPEC §2.3: r = wrap_N(mem[b] - mem[a]); mem[b] = r; pc = (r <= 0) ? c : (pc + 1) mod k. *)
Definition step (c : cfg) (s : mstate) : mstate :=
  let ins := code s (pc s) in
  let r := wrap (cN c) (mem s (ib ins) - mem s (ia ins)) in
  mkState (code s)
    (fun i => if (i =? ib ins)%nat then r else mem s i)
    (if r <=? 0 then ic ins else ((pc s + 1) mod ksize c)%nat).

(* The states of config c (SPEC §2.2). *)
Definition wf (c : cfg) (s : mstate) : Prop :=
  (pc s < ksize c)%nat /\
  (forall q, (q < ksize c)%nat ->
     (ia (code s q) < msize c)%nat /\ (ib (code s q) < msize c)%nat /\
     (ic (code s q) < ksize c)%nat) /\
  (forall i, (i < msize c)%nat -> - p2 (cN c - 1) <= mem s i < p2 (cN c - 1)).

Definition field_val (s : mstate) (q : nat) (f : field) : Z :=
  Z.of_nat (match f with FA => ia (code s q) | FB => ib (code s q) | FC => ic (code s q) end).

(* ---- The encoding (SPEC §7.3): bits, words in two's complement, scratch 0 ---- *)

Definition enc_dir (s : mstate) (d : sdir) : Z :=
  match d with
  | DCode q f t => bitZ (field_val s q f) t
  | DMem i j => bitZ (mem s i) j
  | DPc t => bitZ (Z.of_nat (pc s)) t
  | _ => 0
  end.

Definition of_dirs (c : cfg) (v : sdir -> Z) : vec :=
  fun i => match sdec c i with Some d => v d | None => 0 end.

Definition encode (c : cfg) (s : mstate) : vec := of_dirs c (enc_dir s).

(* ---- Decoding ---- *)

Definition uval (n : nat) (bit : nat -> Z) : Z := sumZ n (fun t => p2 t * bit t).
Definition sval (n : nat) (bit : nat -> Z) : Z := uval n bit - p2 n * bit (n - 1)%nat.

Definition decode (c : cfg) (v : vec) : mstate :=
  mkState
    (fun q => mkInstr (Z.to_nat (uval (cA c) (fun t => v (sidx c (DCode q FA t)))))
                      (Z.to_nat (uval (cA c) (fun t => v (sidx c (DCode q FB t)))))
                      (Z.to_nat (uval (cC c) (fun t => v (sidx c (DCode q FC t))))))
    (fun i => sval (cN c) (fun j => v (sidx c (DMem i j))))
    (Z.to_nat (uval (cC c) (fun t => v (sidx c (DPc t))))).

(* Two states agree on everything config c can see. *)
Definition same (c : cfg) (s1 s2 : mstate) : Prop :=
  pc s1 = pc s2 /\
  (forall q, (q < ksize c)%nat -> code s1 q = code s2 q) /\
  (forall i, (i < msize c)%nat -> mem s1 i = mem s2 i).

(* ---- Lemmas on vectors given by directions ---- *)

Lemma of_dirs_sidx : forall c v d, valid c d -> of_dirs c v (sidx c d) = v d.
Proof. intros; unfold of_dirs; rewrite sdec_sidx by assumption; reflexivity. Qed.

(* A vector is of_dirs v when it agrees with v on every direction and is 0 beyond. *)
Lemma vec_of_dirs : forall c v (y : vec),
  (forall d, valid c d -> y (sidx c d) = v d) -> (forall i, (sdim c <= i)%nat -> y i = 0) ->
  forall i, y i = of_dirs c v i.
Proof.
  intros c v y H0 H1 i.
  destruct (Nat.lt_ge_cases i (sdim c)) as [Hi|Hi].
  - destruct (sdec_total c i Hi) as (d & E & Hd & <-).
    rewrite H0, of_dirs_sidx by assumption; reflexivity.
  - rewrite H1 by assumption; unfold of_dirs.
    unfold sdec; lay; ltb_lia; reflexivity.
Qed.

Lemma wrap_range : forall n z, (1 <= n)%nat -> - p2 (n - 1) <= wrap n z < p2 (n - 1).
Proof.
  intros n z Hn; unfold wrap.
  assert (HP : p2 n = 2 * p2 (n - 1)) by (replace n with (S (n - 1)) at 1 by lia; apply p2_S).
  pose proof (p2_pos (n - 1)).
  pose proof (Z.mod_pos_bound (z + p2 (n - 1)) (p2 n) ltac:(lia)); lia.
Qed.

Lemma wrap_bits : forall n z j, (j < n)%nat -> bitZ (wrap n z) j = bitZ z j.
Proof.
  intros n z j Hj; apply (bitZ_eq_mod _ _ n j Hj); unfold wrap.
  pose proof (p2_pos n).
  rewrite Zminus_mod, Z.mod_mod, <- Zminus_mod by lia.
  replace (z + p2 (n - 1) - p2 (n - 1)) with z by ring; reflexivity.
Qed.

Lemma pass_app : forall l1 l2 x, pass (l1 ++ l2) x = pass l2 (pass l1 x).
Proof. intros; unfold pass; apply fold_left_app. Qed.

Lemma pass_ext : forall Ls (x z : vec), (forall i, x i = z i) -> forall i, pass Ls x i = pass Ls z i.
Proof.
  induction Ls as [|L Ls IH]; intros x z H i; [apply H|].
  apply IH; intros j; unfold apply.
  destruct (j <? ldim L)%nat; [|reflexivity].
  f_equal; unfold eval_row; f_equal.
  induction (terms (lrow L j)) as [|[cl w] ts IHt]; cbn [eval_terms]; [reflexivity|].
  rewrite H, IHt; reflexivity.
Qed.

Lemma enc_nonneg : forall s d, 0 <= enc_dir s d.
Proof. intros s d; destruct d; cbn [enc_dir]; try lia; apply bitZ_nonneg. Qed.

(* ---- The composition ---- *)

Section Main.
Context (c : cfg) (s : mstate).
Let N := cN c.
Let ins := code s (pc s).
Let A := ia ins.
Let B := ib ins.
Let CC := ic ins.
Let D := mem s B - mem s A.
Let R := wrap N D.

(* The registers after each stage, by direction (SPEC §9.1). *)
Definition v1 (d : sdir) : Z :=
  match d with
  | DRa t => bitZ (Z.of_nat A) t | DRb t => bitZ (Z.of_nat B) t | DRc t => bitZ (Z.of_nat CC) t
  | _ => enc_dir s d end.
Definition v2 (d : sdir) : Z :=
  match d with
  | DRa _ => 0 | DVa j => bitZ (mem s A) j | DVb j => bitZ (mem s B) j
  | _ => v1 d end.
Definition v3 (d : sdir) : Z :=
  match d with
  | DVa _ | DVb _ => 0 | DR j => bitZ D j
  | _ => v2 d end.
Definition v4 (d : sdir) : Z :=
  match d with
  | DMem i j => if (i =? B)%nat then bitZ D j else bitZ (mem s i) j
  | DRb _ => 0
  | _ => v3 d end.
Definition v5 (d : sdir) : Z :=
  match d with
  | DPc1 t => bitZ (Z.of_nat (pc s) + 1) t
  | _ => v4 d end.
Definition v6 (d : sdir) : Z :=
  match d with
  | DPc t => bitZ (if R <=? 0 then Z.of_nat CC else Z.of_nat (pc s) + 1) t
  | DR _ | DRc _ | DPc1 _ => 0
  | _ => v5 d end.

Ltac side := solve [assumption | (intros; repeat split; discriminate) | auto].

Section Stages.
Context (Hwf : wf c s) (HN : (1 <= N)%nat).

Lemma A_lt : (A < msize c)%nat.
Proof. destruct Hwf as (Hpc & Hq & _); apply (Hq (pc s) Hpc). Qed.
Lemma B_lt : (B < msize c)%nat.
Proof. destruct Hwf as (Hpc & Hq & _); apply (Hq (pc s) Hpc). Qed.

Definition agrees (v : sdir -> Z) (x : vec) : Prop :=
  forall d, valid c d -> x (sidx c d) = v d.

Lemma stage_fetch : forall x, agrees (enc_dir s) x -> agrees v1 (pass (fetch_layers c) x).
Proof.
  intros x Hx.
  assert (Hpre : fetch_pre c x (pc s) (field_val s)).
  { destruct Hwf as (Hpc & _).
    split; [intros d Hd; rewrite Hx by auto; apply enc_nonneg|].
    split; [exact Hpc|].
    split; [intros t Ht; rewrite Hx by (simpl; auto); reflexivity|].
    intros q f t Hq Ht; rewrite Hx by (simpl; auto); reflexivity. }
  destruct (fetch_result c x (pc s) (field_val s) Hpre) as [Hab Hc].
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v1];
    try (rewrite (fetch_frame c x (pc s) (field_val s)) by side; apply Hx; assumption).
  - apply Hab; exact Hd.
  - apply Hab; exact Hd.
  - apply Hc; exact Hd.
Qed.

Lemma stage_read : forall x, agrees v1 x -> agrees v2 (pass (read_layers c) x).
Proof.
  intros x Hx.
  assert (Hpre : read_pre c x A B (mem s)).
  { split; [intros d Hd; rewrite Hx by auto; destruct d; cbn [v1]; try apply bitZ_nonneg;
            apply enc_nonneg|].
    split; [exact A_lt|]. split; [exact B_lt|].
    split; [intros t Ht; rewrite !Hx by (simpl; auto); split; reflexivity|].
    intros i j Hi Hj; rewrite Hx by (simpl; auto); reflexivity. }
  destruct (read_result c x A B (mem s) Hpre) as [Hv Hra].
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v2];
    try (rewrite (read_frame c x A B (mem s)) by side; apply Hx; assumption).
  - apply Hra; exact Hd.
  - apply Hv; exact Hd.
  - apply Hv; exact Hd.
Qed.

Lemma v2_nonneg : forall d, 0 <= v2 d.
Proof. intros d; destruct d; cbn [v2 v1]; try lia; try apply bitZ_nonneg; apply enc_nonneg. Qed.

Lemma stage_subtract : forall x, agrees v2 x -> agrees v3 (pass (subtract_layers c) x).
Proof.
  intros x Hx.
  assert (Hpre : sub_pre c x (mem s A) (mem s B)).
  { split; [intros d Hd; rewrite Hx by auto; apply v2_nonneg|].
    intros j Hj; rewrite !Hx by (simpl; auto); split; reflexivity. }
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v3];
    try (rewrite (subtract_frame c x (mem s A) (mem s B)) by side; apply Hx; assumption).
  - apply (subtract_clears c x (mem s A) (mem s B) Hpre); exact Hd.
  - apply (subtract_clears c x (mem s A) (mem s B) Hpre); exact Hd.
  - apply (subtract_result c x (mem s A) (mem s B) Hpre); exact Hd.
Qed.

Lemma v3_nonneg : forall d, 0 <= v3 d.
Proof. intros d; destruct d; cbn [v3 v2 v1]; try lia; try apply bitZ_nonneg; apply enc_nonneg. Qed.

Lemma stage_write : forall x, agrees v3 x -> agrees v4 (pass (write_layers c) x).
Proof.
  intros x Hx.
  assert (Hpre : write_pre c x B D (mem s)).
  { split; [intros d Hd; rewrite Hx by auto; apply v3_nonneg|].
    split; [exact B_lt|].
    split; [intros t Ht; rewrite Hx by (simpl; auto); reflexivity|].
    split; [intros j Hj; rewrite Hx by (simpl; auto); reflexivity|].
    intros i j Hi Hj; rewrite Hx by (simpl; auto); reflexivity. }
  destruct (write_result c x B D (mem s) Hpre) as [Hm Hrb].
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v4];
    try (rewrite (write_frame c x B D (mem s)) by side; apply Hx; assumption).
  - destruct Hd; apply Hm; assumption.
  - apply Hrb; exact Hd.
Qed.

Lemma v4_nonneg : forall d, 0 <= v4 d.
Proof.
  intros d; destruct d; cbn [v4 v3 v2 v1]; try lia; try apply bitZ_nonneg; try apply enc_nonneg.
  destruct (_ =? _)%nat; apply bitZ_nonneg.
Qed.

Lemma stage_nextpc : forall x, agrees v4 x -> agrees v5 (pass (nextpc_layers c) x).
Proof.
  intros x Hx.
  assert (Hpre : npc_pre c x (Z.of_nat (pc s))).
  { split; [intros d Hd; rewrite Hx by auto; apply v4_nonneg|].
    intros t Ht; rewrite Hx by (simpl; auto); reflexivity. }
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v5];
    try (rewrite (nextpc_frame c x (Z.of_nat (pc s))) by side; apply Hx; assumption).
  apply (nextpc_result c x (Z.of_nat (pc s)) Hpre); exact Hd.
Qed.

Lemma v5_nonneg : forall d, 0 <= v5 d.
Proof.
  intros d; destruct d; cbn [v5 v4 v3 v2 v1]; try lia; try apply bitZ_nonneg;
    try apply enc_nonneg.
  destruct (_ =? _)%nat; apply bitZ_nonneg.
Qed.

Lemma stage_branch : forall x, agrees v5 x -> agrees v6 (pass (branch_layers c) x).
Proof.
  intros x Hx.
  assert (Hpre : branch_pre c x R (Z.of_nat CC) (Z.of_nat (pc s) + 1)).
  { split; [exact HN|]. split; [apply wrap_range; exact HN|].
    split; [intros d Hd; rewrite Hx by auto; apply v5_nonneg|].
    split; [intros j Hj; rewrite Hx by (simpl; auto); cbn [v5 v4 v3];
            unfold R; rewrite wrap_bits by assumption; reflexivity|].
    intros t Ht; rewrite !Hx by (simpl; auto); split; reflexivity. }
  destruct (branch_clears c x R (Z.of_nat CC) (Z.of_nat (pc s) + 1) Hpre) as [Hr Hcp].
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v6];
    try (rewrite (branch_frame c x R (Z.of_nat CC) (Z.of_nat (pc s) + 1)) by side;
         apply Hx; assumption).
  - rewrite (branch_result c x R (Z.of_nat CC) (Z.of_nat (pc s) + 1) Hpre) by exact Hd.
    destruct (R <=? 0); reflexivity.
  - apply Hcp; exact Hd.
  - apply Hcp; exact Hd.
  - apply Hr; exact Hd.
Qed.

(* After the whole pass: the registers of encode(step s). *)
Lemma v6_is_step : forall d, valid c d -> v6 d = enc_dir (step c s) d.
Proof.
  intros d Hd; destruct d as [q f t|i j|t|t|t|t|t|t|t|t]; cbn [v6 v5 v4 v3 v2 v1 enc_dir];
    try reflexivity.
  - unfold step; cbn [mem]; fold ins; fold B A D.
    destruct (i =? B)%nat; [|reflexivity].
    fold N R; unfold R; rewrite wrap_bits by (destruct Hd; assumption); reflexivity.
  - unfold step; cbn [pc]; fold ins A B D N R CC.
    destruct (R <=? 0); [reflexivity|].
    rewrite Nat2Z.inj_mod, Nat2Z.inj_add; unfold ksize; rewrite p2_nat.
    symmetry; apply bitZ_mod; exact Hd.
Qed.

End Stages.
End Main.

Lemma pass_of_agrees : forall c Ls v (x : vec),
  (forall i, x i = of_dirs c v i) -> forall i, pass Ls x i = pass Ls (of_dirs c v) i.
Proof. intros; apply pass_ext; assumption. Qed.

(* The main theorem: one pass of the network of the file executes one SUBLEQ step, for every
   N >= 1 (SPEC §2.1 asks N >= 2), every A and C, and every state of the config. *)
Theorem paper_step : forall c s, (1 <= cN c)%nat -> wf c s ->
  forall i, pass (paper_network c) (encode c s) i = encode c (step c s) i.
Proof.
  intros c s HN Hwf i.
  unfold paper_network; rewrite pass_norm.
  unfold paper_layers; rewrite !pass_app.
  set (x0 := encode c s).
  assert (H0 : agrees c (enc_dir s) x0) by (intros d Hd; apply of_dirs_sidx; auto).
  pose proof (stage_fetch c s Hwf _ H0) as H1.
  pose proof (stage_read c s Hwf _ H1) as H2.
  pose proof (stage_subtract c s HN _ H2) as H3.
  pose proof (stage_write c s Hwf HN _ H3) as H4.
  pose proof (stage_nextpc c s HN _ H4) as H5.
  pose proof (stage_branch c s HN _ H5) as H6.
  unfold encode; apply vec_of_dirs.
  - intros d Hd; unfold agrees in H6; rewrite H6 by assumption.
    apply v6_is_step; assumption.
  - intros j Hj; apply (branch_beyond c _ 0); assumption.
Qed.

(* ---- Decoding: the state a vector encodes (SPEC §7.3) ---- *)

Lemma signed_of_bits : forall n w, (1 <= n)%nat -> - p2 (n - 1) <= w < p2 (n - 1) ->
  w mod p2 n - p2 n * bitZ w (n - 1) = w.
Proof.
  intros n w Hn Hw.
  assert (HP : p2 n = 2 * p2 (n - 1)) by (replace n with (S (n - 1)) at 1 by lia; apply p2_S).
  pose proof (p2_pos (n - 1)).
  rewrite <- (bitZ_mod w n (n - 1)) by lia.
  rewrite bit_by_steps by (pose proof (Z.mod_pos_bound w (p2 n)); lia).
  destruct (Z.ltb_spec w 0).
  - assert (E : w mod p2 n = w + p2 n)
      by (symmetry; apply (Z.mod_unique w (p2 n) (-1)); [left; lia|ring]).
    rewrite E; repeat match goal with |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b) end;
      lia.
  - rewrite Z.mod_small by lia.
    repeat match goal with |- context [(?a <=? ?b)] => destruct (Z.leb_spec a b) end; lia.
Qed.

Lemma unsigned_of_bits : forall n (u : nat), (u < 2 ^ n)%nat ->
  Z.to_nat (uval n (bitZ (Z.of_nat u))) = u.
Proof.
  intros n u Hu; unfold uval; rewrite sum_bits, Z.mod_small, Nat2Z.id; [reflexivity|].
  rewrite <- p2_nat; lia.
Qed.

(* Any vector equal to encode(s) decodes to s. *)
Theorem decode_encode : forall c s (v : vec), (1 <= cN c)%nat -> wf c s ->
  (forall i, v i = encode c s i) -> same c (decode c v) s.
Proof.
  intros c s v HN (Hpc & Hcode & Hmem) Hv.
  assert (Hd : forall d, valid c d -> v (sidx c d) = enc_dir s d)
    by (intros; rewrite Hv; apply of_dirs_sidx; assumption).
  unfold same, decode; cbn [pc code mem]; split; [|split].
  - unfold uval; rewrite (sumZ_ext _ _ (fun t => p2 t * bitZ (Z.of_nat (pc s)) t))
      by (intros; rewrite Hd by (simpl; lia); reflexivity).
    apply unsigned_of_bits; exact Hpc.
  - intros q Hq; destruct (Hcode q Hq) as (Ha & Hb & Hc).
    destruct (code s q) as [qa qb qc] eqn:E; cbn [ia ib ic] in *.
    unfold uval.
    rewrite (sumZ_ext (cA c) _ (fun t => p2 t * bitZ (Z.of_nat qa) t))
      by (intros; rewrite Hd by (simpl; lia); cbn [enc_dir]; unfold field_val; rewrite E;
          reflexivity).
    rewrite (sumZ_ext (cA c) (fun t => p2 t * v (sidx c (DCode q FB t)))
               (fun t => p2 t * bitZ (Z.of_nat qb) t))
      by (intros; rewrite Hd by (simpl; lia); cbn [enc_dir]; unfold field_val; rewrite E;
          reflexivity).
    rewrite (sumZ_ext (cC c) _ (fun t => p2 t * bitZ (Z.of_nat qc) t))
      by (intros; rewrite Hd by (simpl; lia); cbn [enc_dir]; unfold field_val; rewrite E;
          reflexivity).
    fold (uval (cA c) (bitZ (Z.of_nat qa))) (uval (cA c) (bitZ (Z.of_nat qb)))
      (uval (cC c) (bitZ (Z.of_nat qc))).
    rewrite !unsigned_of_bits; [reflexivity|assumption..].
  - intros i Hi; unfold sval, uval.
    rewrite (sumZ_ext _ _ (fun t => p2 t * bitZ (mem s i) t))
      by (intros; rewrite Hd by (simpl; lia); reflexivity).
    rewrite Hd by (simpl; lia); cbn [enc_dir].
    rewrite sum_bits; apply signed_of_bits; auto.
Qed.

Lemma step_wf : forall c s, (1 <= cN c)%nat -> wf c s -> wf c (step c s).
Proof.
  intros c s HN (Hpc & Hcode & Hmem); unfold step, wf; cbn [pc code mem].
  destruct (Hcode (pc s) Hpc) as (_ & _ & Hc).
  split; [|split; [exact Hcode|]].
  - destruct (_ <=? 0); [exact Hc|].
    apply Nat.mod_upper_bound; unfold ksize; apply Nat.pow_nonzero; lia.
  - intros i Hi; destruct (i =? _)%nat; [apply wrap_range; exact HN|apply Hmem; exact Hi].
Qed.

(* The main theorem as SPEC §1 states it: decode(pass(encode s)) = step s, for every N >= 1,
   every A and C, and every state the encoding admits. *)
Theorem paper_step_decoded : forall c s, (1 <= cN c)%nat -> wf c s ->
  same c (decode c (pass (paper_network c) (encode c s))) (step c s).
Proof.
  intros c s HN Hwf; apply decode_encode; [exact HN|apply step_wf; assumption|].
  apply paper_step; assumption.
Qed.
