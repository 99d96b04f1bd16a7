(* Extraction of the construction to OCaml, for the translation validation (README): the
   driver extraction/main.ml writes the network file of SPEC §10 from paper_network. *)
From Coq Require Import Extraction ExtrOcamlBasic ExtrOcamlNatInt ExtrOcamlZInt
  ExtrOcamlNativeString.
From Coq Require Import Arith.
From Loopmlp Require Import Net Layout Paper.

(* nat operations on OCaml ints (the values here stay far below 2^53), for the names of both
   Coq.Init.Nat and Coq.Arith.PeanoNat.Nat. *)
Extract Inlined Constant Coq.Init.Nat.add => "(+)".
Extract Inlined Constant Coq.Init.Nat.mul => "( * )".
Extract Constant Coq.Init.Nat.sub => "fun n m -> Stdlib.max 0 (n-m)".
Extract Inlined Constant Coq.Init.Nat.ltb => "(<)".
Extract Inlined Constant Coq.Init.Nat.leb => "(<=)".
Extract Inlined Constant Coq.Init.Nat.eqb => "(=)".
Extract Constant Coq.Init.Nat.div => "fun a b -> if b = 0 then 0 else a / b".
Extract Constant Coq.Init.Nat.modulo => "fun a b -> if b = 0 then a else a mod b".
Extract Constant Coq.Init.Nat.even => "fun n -> n mod 2 = 0".
Extract Constant Coq.Init.Nat.odd => "fun n -> n mod 2 = 1".
Extract Constant Coq.Init.Nat.div2 => "fun n -> n / 2".
Extract Inlined Constant Coq.Arith.PeanoNat.Nat.add => "(+)".
Extract Inlined Constant Coq.Arith.PeanoNat.Nat.mul => "( * )".
Extract Constant Coq.Arith.PeanoNat.Nat.sub => "fun n m -> Stdlib.max 0 (n-m)".
Extract Inlined Constant Coq.Arith.PeanoNat.Nat.ltb => "(<)".
Extract Inlined Constant Coq.Arith.PeanoNat.Nat.leb => "(<=)".
Extract Inlined Constant Coq.Arith.PeanoNat.Nat.eqb => "(=)".
Extract Constant Coq.Arith.PeanoNat.Nat.div => "fun a b -> if b = 0 then 0 else a / b".
Extract Constant Coq.Arith.PeanoNat.Nat.modulo => "fun a b -> if b = 0 then a else a mod b".
Extract Constant Coq.Arith.PeanoNat.Nat.even => "fun n -> n mod 2 = 0".
Extract Constant Coq.Arith.PeanoNat.Nat.odd => "fun n -> n mod 2 = 1".
Extract Constant Coq.Arith.PeanoNat.Nat.div2 => "fun n -> n / 2".

Extraction "extraction/paper_net.ml" paper_network sdim state_name eval_row.
