(* Printed by scripts/check-coq: each theorem must be "Closed under the global context". *)
From Loopmlp Require Import Net Paper Base Subtract NextPc Branch AddrMatch Select Main.
Print Assumptions pass_norm.
Print Assumptions subtract_result.
Print Assumptions subtract_clears.
Print Assumptions subtract_frame.
Print Assumptions subtract_beyond.
Print Assumptions nextpc_result.
Print Assumptions nextpc_frame.
Print Assumptions nextpc_beyond.
Print Assumptions branch_flag.
Print Assumptions branch_result.
Print Assumptions branch_clears.
Print Assumptions branch_frame.
Print Assumptions branch_beyond.
Print Assumptions select_value.
Print Assumptions fetch_result.
Print Assumptions fetch_frame.
Print Assumptions fetch_beyond.
Print Assumptions read_result.
Print Assumptions read_frame.
Print Assumptions read_beyond.
Print Assumptions write_result.
Print Assumptions write_frame.
Print Assumptions write_beyond.
Print Assumptions paper_step.
Print Assumptions paper_step_decoded.
Print Assumptions decode_encode.
