package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.stage.FaultyStage;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;
import org.loopmlp.isa.classic.gen.ClassicArbitraries;
import org.loopmlp.isa.classic.gen.ClassicCase;

/**
 * The lockstep's comparison of a step's changes against the network's (the reference's written
 * word and pc against the words the network changed and its pc) finds a difference exactly when
 * the whole states differ, and names the same first difference as comparing them word by word;
 * and a broken network run without checked mode is caught there.
 */
class ClassicLockstepTest {
  /**
   * A state, and what to change in the state after its step: words (address modulo the memory,
   * value), perhaps the pc, and perhaps undo the step's write (as a network that writes nothing).
   */
  record Tampered(ClassicCase c, List<Integer> addresses, List<Long> values, Optional<Long> pc,
      boolean undoWrite) {}

  @Provide
  Arbitrary<Tampered> tampered() {
    return ClassicArbitraries.states(10, 4).flatMap(c -> {
      Arbitrary<Long> words = ClassicArbitraries.words(c.config());
      return Combinators.combine(Arbitraries.integers().between(0, 1 << 10).list().ofMaxSize(3),
          words.list().ofSize(3), words.optional(0.2), Arbitraries.of(false, false, true))
          .as((a, v, pc, undo) -> new Tampered(c, a, v.subList(0, a.size()), pc, undo));
    });
  }

  @Property(tries = 500, seed = "20261130")
  void comparingChangesIsComparingStates(@ForAll("tampered") Tampered t) {
    ClassicState before = t.c().state();
    ClassicStepDetail d = ClassicMachine.detail(before, t.c().inputSource().peek());
    ClassicState after = ClassicMachine.apply(before, d);
    ClassicState got = t.undoWrite() ? after.withWord(d.addrB(), before.word(d.addrB())) : after;
    for (int j = 0; j < t.addresses().size(); j++) {
      got = got.withWord(t.addresses().get(j) % before.config().memorySize(),
          t.values().get(j));
    }
    if (t.pc().isPresent()) {
      got = got.withPc(t.pc().get());
    }
    int[] changed = ClassicDecoderProperties.differingWords(before, got);
    Optional<String> difference = ClassicLockstep.firstDifference(before, d, got, changed);
    assertEquals(!after.equals(got), difference.isPresent(), () -> difference.toString());
    if (difference.isPresent()) {
      assertEquals(ClassicLockstep.firstDifference(after, got), difference.get());
    }
  }

  /** The write stage with its write gate removed: an output step also writes mem[b mod 2^A]. */
  @Test
  void aBrokenWriteIsCaughtAsTheFirstDifferingWordWithoutCheckedMode() {
    ClassicConfig config = ClassicConfig.of(8, 5);
    List<MachineStage<ClassicStepContext, ClassicRegisters>> stages =
        new ArrayList<>(ClassicConstruction.standardStages());
    stages.set(3, FaultyStage.withNeuron(ClassicWriteStage.standard(),
        "write+branch.y[31].bit[0]",
        a -> a.toBuilder().plus(org.loopmlp.construction.Direction.named("op.sub.bit[0]"), -1)
            .plus(org.loopmlp.construction.Direction.named("op.in.bit[0]"), -1)
            .plusConstant(1).build()));
    ClassicConstruction c = ClassicConstruction.assemble("faulty", config, stages);
    ClassicLoopedMlp mlp = ClassicLoopedMlp.of(c, Backends.named("incremental"));
    ClassicState initial = ClassicState.load(config, ClassicProgramsTest.WALK);
    ClassicLockstep.Outcome o = ClassicLockstep.run(mlp, initial, new byte[0],
        ByteOutput.discard(), 1000, ClassicLoopedMlp.PassListener.NONE);
    assertFalse(o.agree());
    ClassicLockstep.Disagreement d = o.disagreement().get();
    assertEquals("state after the step", d.what());
    // the pass that disagrees, run alone from the reference's state, compared word by word
    ClassicState want = ClassicMachine.step(o.reference(), -1);
    ClassicState net = mlp.step(o.reference(), -1).state();
    assertEquals(ClassicLockstep.firstDifference(want, net), d.got());
    assertEquals("pc " + want.pc(), d.expected());
    assertTrue(d.got().startsWith("mem["), d.got());
    assertEquals(o.referenceSteps(), d.pass());
  }
}
