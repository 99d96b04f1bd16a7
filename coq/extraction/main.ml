(* Writes the network of the Coq construction for (N, A, C) in the format of SPEC §10, without
   the footer line "end <sha256>" (the comparison appends it). Usage: paper_net N A C *)
open Paper_net

let () =
  let arg i = int_of_string Sys.argv.(i) in
  let c = { cN = arg 1; cA = arg 2; cC = arg 3 } in
  let out = Buffer.create (1 lsl 20) in
  let p s = Buffer.add_string out s; Buffer.add_char out '\n' in
  let layers = paper_network c in
  let d = sdim c in
  p (Printf.sprintf "loopmlp-network 1");
  p (Printf.sprintf "layers %d" (List.length layers));
  p (Printf.sprintf "names %d" d);
  for i = 0 to d - 1 do p ("name " ^ state_name c i) done;
  let inputs = ref d in
  List.iteri (fun li l ->
      let rows = Array.init l.ldim (fun i -> l.lrow i) in
      let nnz = Array.fold_left (fun s r -> s + List.length r.terms) 0 rows in
      p (Printf.sprintf "layer %d inputs %d outputs %d nonzeros %d" li !inputs l.ldim nnz);
      p (if l.label = "" then "label" else "label " ^ l.label);
      Array.iteri (fun i r ->
          Buffer.add_string out
            (Printf.sprintf "row %d %d %d" i r.bias (List.length r.terms));
          List.iter (fun (col, w) -> Buffer.add_string out (Printf.sprintf " %d:%d" col w))
            r.terms;
          Buffer.add_char out '\n') rows;
      inputs := l.ldim;
      print_string (Buffer.contents out);
      Buffer.clear out) layers;
  print_string (Buffer.contents out)
