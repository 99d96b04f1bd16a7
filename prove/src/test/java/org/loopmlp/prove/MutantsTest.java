package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * Mutation testing of the prover and the checker (SPEC §9.2, tier 5): one weight or bias of the
 * paper construction changed by +-1. A mutant that computes a wrong step on some sampled state is
 * never proved and yields a counterexample; the genuine certificate never passes the checker on a
 * mutant the prover cannot prove; a mutant that is proved gets a certificate the checker accepts.
 */
class MutantsTest {
  private static final MachineConfig CONFIG = MachineConfig.of(4, 2, 2);
  private static final long SEED = 20_261_123L;

  @TempDir
  Path dir;

  @Test
  void everyBehaviourChangingMutantIsRefuted() throws IOException {
    Construction paper = PaperConstruction.build(CONFIG);
    Path genuine = dir.resolve("genuine.txt");
    assertTrue(PaperProver.proveAndCertify(paper, genuine, ProgressListener.NONE).proved());
    Random random = new Random(SEED);
    List<Program> programs = new ArrayList<>();
    List<MachineState> states = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<Instruction> slots = new ArrayList<>();
      for (int q = 0; q < CONFIG.codeSize(); q++) {
        slots.add(Instruction.of(random.nextInt(CONFIG.dataSize()),
            random.nextInt(CONFIG.dataSize()), random.nextInt(CONFIG.codeSize())));
      }
      long[] memory = new long[CONFIG.dataSize()];
      for (int j = 0; j < memory.length; j++) {
        memory[j] = CONFIG.minWord() + random.nextInt(1 << CONFIG.wordBits());
      }
      programs.add(Program.ofSlots(CONFIG, slots, 0));
      states.add(MachineState.of(CONFIG, memory, random.nextInt(CONFIG.codeSize())));
    }
    int refuted = 0;
    int proved = 0;
    for (int m = 0; m < 40; m++) {
      Network mutant = mutate(paper.network(), random);
      Construction c = paper.withNetwork(mutant);
      boolean wrongStep = false;
      StateCodec codec = StateCodec.forConstruction(c);
      Backend.Compiled net = RationalBackend.INSTANCE.compile(mutant);
      for (int i = 0; i < programs.size() && !wrongStep; i++) {
        wrongStep = !net.apply(codec.encode(programs.get(i), states.get(i))).equals(
            codec.encode(programs.get(i), SubleqMachine.step(programs.get(i), states.get(i))));
      }
      Path cert = dir.resolve("mutant" + m + ".txt");
      var report = PaperProver.proveAndCertify(c, cert, ProgressListener.NONE);
      if (wrongStep) {
        assertFalse(report.proved(), "mutant " + m + " computes a wrong step but is proved");
      }
      if (report.proved()) {
        proved++;
        assertTrue(CertificateChecker.check(mutant, cert).accepted());
      } else {
        refuted++;
        assertFalse(CertificateChecker.check(mutant, genuine).accepted(),
            "the genuine certificate passes on refuted mutant " + m);
        report.firstCounterexample().ifPresent(cx -> assertNotEquals(cx.got(), cx.expected()));
      }
    }
    Verbose.printf("mutants of %s: %d refuted, %d proved (behaviour unchanged)%n", CONFIG,
        refuted, proved);
    assertTrue(refuted >= 20, "only " + refuted + " of 40 mutants refuted (" + proved + " proved)");
  }

  /** One weight or bias of a random row of a random layer, changed by +1 or -1. */
  private static Network mutate(Network n, Random random) {
    int li = random.nextInt(n.depth());
    SparseLayer l = n.layer(li);
    int row = random.nextInt(l.outputDimension());
    Rational delta = random.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE;
    if (l.rowEnd(row) > l.rowStart(row) && random.nextBoolean()) {
      int k = l.rowStart(row) + random.nextInt(l.rowEnd(row) - l.rowStart(row));
      return n.withLayer(li, l.withWeight(row, l.column(k), l.weight(k).add(delta)));
    }
    return n.withLayer(li, l.withBias(row, l.bias(row).add(delta)));
  }
}
