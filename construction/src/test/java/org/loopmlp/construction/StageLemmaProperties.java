package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

/** The lemmas chain from encode(before) to encode(after), and change only what they own. */
class StageLemmaProperties {
  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines(8, 3, 3);
  }

  @Property(tries = 100)
  void lemmasChainFromTheEncodingBeforeToTheEncodingAfter(
      @ForAll("machines") GeneratedMachine m) {
    Construction c = TestArbitraries.paper(m.config());
    StateCodec codec = StateCodec.forConstruction(c);
    PaperStep step = PaperStep.of(m.program(), m.state());
    assertEquals(codec.encode(m.program(), m.state()),
        c.lemmas().get(0).precondition().expectedVector(c.layout(), step));
    assertEquals(codec.encode(m.program(), step.after()),
        c.lemmas().get(c.lemmas().size() - 1).postcondition().expectedVector(c.layout(), step));
    for (int i = 1; i < c.lemmas().size(); i++) {
      assertEquals(c.lemmas().get(i - 1).postcondition(), c.lemmas().get(i).precondition());
    }
  }

  @Property(tries = 100)
  void postconditionsAgreeWithPreconditionsOnTheFrame(
      @ForAll("machines") GeneratedMachine m) {
    Construction c = TestArbitraries.paper(m.config());
    PaperStep step = PaperStep.of(m.program(), m.state());
    for (StageLemma<PaperStep> lemma : c.lemmas()) {
      RationalVector pre = lemma.precondition().expectedVector(c.layout(), step);
      RationalVector post = lemma.postcondition().expectedVector(c.layout(), step);
      for (Register r : lemma.frame()) {
        for (Direction d : r.bits()) {
          int i = c.layout().indexOf(d);
          assertEquals(pre.get(i), post.get(i), lemma.name() + " frame " + d);
        }
      }
    }
  }
}
