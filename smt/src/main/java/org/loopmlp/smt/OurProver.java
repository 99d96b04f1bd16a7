package org.loopmlp.smt;

import com.google.common.collect.ImmutableList;
import org.loopmlp.prove.ClassicProofReport;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;
import org.loopmlp.prove.StageProof;

/** The toolkit's own prover on a subject, stage by stage: the column the solvers are set against. */
public final class OurProver {
  private OurProver() {}

  /** One stage: proved or not, the time, and the prover's one-line summary. */
  public record Verdict(String stage, boolean proved, long millis, String summary) {
    public String label() {
      return proved ? "holds" : "FAILS";
    }
  }

  /** Every stage's verdict, in order (stages after a failing classic stage are not run). */
  public static ImmutableList<Verdict> prove(Subject s) {
    ImmutableList.Builder<Verdict> b = ImmutableList.builder();
    if (s.paperConstruction().isPresent()) {
      ProofReport r = Prover.prove(s.paperConstruction().get(), ProgressListener.NONE);
      for (StageProof p : r.stages()) {
        b.add(new Verdict(p.name(), p.proved(), p.millis(), p.summary()));
      }
    } else {
      ClassicProofReport r = ClassicProver.prove(s.classicConstruction().orElseThrow(),
          ProgressListener.NONE, Prover.DEFAULT_CASE_BUDGET);
      for (ClassicProofReport.Stage p : r.stages()) {
        b.add(new Verdict(p.name(), p.proved(), p.millis(), p.summary()));
      }
    }
    return b.build();
  }
}
