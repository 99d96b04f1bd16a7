package org.loopmlp.verify;

import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.MachineConfig;

class ScratchTest {
  @Test
  void measure() {
    for (MachineConfig c : new MachineConfig[] {MachineConfig.of(2, 1, 1), MachineConfig.of(3, 1, 1), MachineConfig.of(2, 2, 1), MachineConfig.of(4, 1, 1)}) {
      Construction p = PaperConstruction.build(c);
      System.out.println(c + " mutants " + MutationCampaign.mutants(p).size() + " nnz " + p.network().nonZeros());
      System.out.println(SlotIndependence.check(p));
      System.out.println(FrameProof.prove(p));
      for (ExhaustiveCheck.Scope s : ExhaustiveCheck.Scope.values()) {
        if (ExhaustiveCheck.stateCount(c, s).longValue() < 100000) {
          System.out.println(ExhaustiveCheck.of(p, RationalBackend.INSTANCE).run(s, ExhaustiveCheck.Progress.NONE));
        }
      }
    }
    Construction p = PaperConstruction.build(MachineConfig.of(2, 1, 1));
    var mutants = MutationCampaign.mutants(p);
    long t = System.nanoTime();
    var report = MutationCampaign.of(p, RationalBackend.INSTANCE).run(mutants, DifferentialCampaign.Settings.of(ConfigRange.exactly(p.config()), 100, 5), MutationCampaign.Progress.NONE);
    System.out.println(report.table());
    report.outcomes().stream().filter(o -> o.verdict() != MutationCampaign.Verdict.KILLED).limit(40).forEach(o -> System.out.println(o.verdict() + " " + o.mutant()));
  }
}
