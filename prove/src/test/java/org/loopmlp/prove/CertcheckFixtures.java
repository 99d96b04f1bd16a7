package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicRegisters;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.ParallelStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * Writes the checked-in fixtures of the checker's tests ({@code certcheck/src/test/resources/
 * fixtures}): the checker cannot depend on the prover (the prover depends on it), so its tests
 * read networks and certificates proved here once. Run it again when the prover or a
 * construction changes what it writes:
 *
 * <pre>
 * mvn -B -pl prove -am test -Dtest=CertcheckFixtures -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsurefire.excludedGroups=campaign -Dloopmlp.fixtures=$PWD/certcheck/src/test/resources/fixtures
 * </pre>
 *
 * Tagged {@code fixtures}: no test run includes it unless {@code surefire.excludedGroups} leaves
 * the tag out, as above.
 */
@Tag("fixtures")
class CertcheckFixtures {
  @Test
  @EnabledIfSystemProperty(named = "loopmlp.fixtures", matches = ".+")
  void write() throws IOException {
    Path root = Path.of(System.getProperty("loopmlp.fixtures"));
    for (String c : List.of("paper-6-3-3", "paper-8-6-6", "compact-6-3-3", "compact-2-1-1",
        "compact-3-2-1", "compact-4-2-3", "compact-8-6-6", "narrow-8-3-3", "onehot-2-1-1",
        "onehot-4-2-3", "onehot-8-6-6", "onehot-split-3-2-1", "onehot-split-8-5-5",
        "onehot-4-3-2")) {
      String[] p = c.split("-(?=[0-9])");
      proved(root.resolve(c), Constructions.build(p[0], MachineConfig.of(
          Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]))));
    }
    // issue 17: prove --config 16,6,6 --construction narrow --format float16
    proved(root.resolve("narrow-16-6-6-float16"),
        Constructions.build("narrow", MachineConfig.of(16, 6, 6)));
    Construction paper = PaperConstruction.build(MachineConfig.of(6, 3, 3));
    // branch before next pc: every lemma holds, the pass is not one step
    List<Stage> stages = new ArrayList<>(PaperConstruction.stages());
    stages.add(stages.remove(4));
    proved(root.resolve("paper-6-3-3-reordered"),
        Construction.assemble("reordered", paper.config(), stages));
    networkOnly(root.resolve("paper-6-3-2"), PaperConstruction.build(MachineConfig.of(6, 3, 2)));
    List<Stage> faulty = new ArrayList<>(CompactConstruction.stages());
    faulty.set(3, ParallelStage.of("write+branch",
        List.of(WriteStage.paper(), BranchStage.onNegativeOnly("branch"))));
    networkOnly(root.resolve("compact-6-3-3-branch-on-negative"), Construction.assemble(
        "compact, branch on r < 0", MachineConfig.of(6, 3, 3), faulty));
    // the one-hot read stage's decoding unit for ra == 0
    Construction onehot = OneHotConstruction.build(MachineConfig.of(4, 3, 2));
    int layer = onehot.lemmas().get(1).firstLayer();
    Files.writeString(root.resolve("onehot-4-3-2/read.ra.hot0"), layer + " "
        + onehot.layer(layer).outputLayout().indexOf(Direction.named("read.ra.hot[0]")) + "\n");

    ClassicConstruction classic = ClassicConstruction.build(ClassicConfig.of(6, 4));
    classic(root.resolve("classic-6-4"), classic);
    // subtract before read: each lemma holds on its inputs, the pass subtracts zeros
    List<MachineStage<ClassicStepContext, ClassicRegisters>> cs =
        new ArrayList<>(ClassicConstruction.standardStages());
    cs.add(1, cs.remove(2));
    classic(root.resolve("classic-6-4-reordered"),
        ClassicConstruction.assemble("reordered", classic.config(), cs));

    lemmas(root.resolve("lemmas-paper-6-2-3.txt.gz"), PaperConstruction.build(
        MachineConfig.of(6, 2, 3)));
    lemmas(root.resolve("lemmas-compact-6-2-3.txt.gz"), CompactConstruction.build(
        MachineConfig.of(6, 2, 3)));
    networkOnly(root.resolve("compact-3-1-1"), CompactConstruction.build(MachineConfig.of(3, 1,
        1)));
  }

  private static void proved(Path dir, Construction c) throws IOException {
    ProofReport r = Prover.certifyInto(c, dir, ProgressListener.NONE);
    assertTrue(r.proved(), r::summary);
  }

  private static void classic(Path dir, ClassicConstruction c) throws IOException {
    ClassicProofReport r = ClassicProver.certifyInto(c, dir, ProgressListener.NONE);
    assertTrue(r.proved(), r::summary);
  }

  private static void networkOnly(Path dir, Construction c) throws IOException {
    Files.createDirectories(dir);
    NetworkFormat.write(c.network(), dir.resolve(Prover.NETWORK_FILE));
  }

  /**
   * For LemmasTest: 300 random steps (seed 11), and for each the construction's lemma pre- and
   * postcondition vectors per stage: {@code lemma NAME ROLES IN OUT}, IN and OUT as 0/1 strings
   * over the state directions, after one {@code name} line per direction.
   */
  private static void lemmas(Path file, Construction c) throws IOException {
    MachineConfig config = c.config();
    StateLayout layout = c.layout();
    try (PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(new GZIPOutputStream(
        Files.newOutputStream(file)), StandardCharsets.US_ASCII))) {
      for (int i = 0; i < layout.dimension(); i++) {
        w.println("name " + layout.direction(i).name());
      }
      Random random = new Random(11);
      for (int trial = 0; trial < 300; trial++) {
        List<Instruction> slots = new ArrayList<>();
        for (int q = 0; q < config.codeSize(); q++) {
          slots.add(Instruction.of(random.nextInt(config.dataSize()),
              random.nextInt(config.dataSize()), random.nextInt(config.codeSize())));
        }
        long[] memory = new long[config.dataSize()];
        for (int i = 0; i < memory.length; i++) {
          memory[i] = random.nextBoolean() ? config.wrap(random.nextLong())
              : new long[] {config.minWord(), config.maxWord(), 0, -1, 1}[random.nextInt(5)];
        }
        PaperStep step = PaperStep.of(Program.ofSlots(config, slots, 0),
            MachineState.of(config, memory, random.nextInt(config.codeSize())));
        for (StageLemma<PaperStep> lemma : c.lemmas()) {
          w.println("lemma " + lemma.name().replace(' ', '_') + " "
              + String.join("+", lemma.paperStages().stream().map(Enum::name).toList()) + " "
              + bits(lemma.precondition().expectedVector(layout, step)) + " "
              + bits(lemma.postcondition().expectedVector(layout, step)));
        }
      }
    }
  }

  private static String bits(RationalVector v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.dimension(); i++) {
      b.append(v.get(i).longValueExact());
    }
    return b.toString();
  }
}
