(* Printed by scripts/check-coq: each theorem must be "Closed under the global context". *)
From Loopmlp Require Import Net Paper Base Subtract.
Print Assumptions pass_norm.
Print Assumptions subtract_result.
Print Assumptions subtract_clears.
Print Assumptions subtract_frame.
Print Assumptions subtract_beyond.
