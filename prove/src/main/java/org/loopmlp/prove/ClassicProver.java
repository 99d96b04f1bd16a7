package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.classic.ClassicCodec;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.construction.classic.ClassicRegisters;
import org.loopmlp.construction.classic.ClassicRole;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;

/**
 * Proves every stage lemma of the classic construction for all inputs of its config, by the
 * method of {@link Prover} ({@link StageSearch}: exact ranges of affine pre-activations over a
 * case split of the input bits) with the lemmas of {@link ClassicSpecs}. A stage is proved for
 * every input in which the registers 0 at that point of the pass (scratch and pass flags at the
 * start, then whatever earlier stages cleared) are 0, every other direction is an arbitrary bit,
 * and the stage's precondition holds (cases outside it are leaves of their own). The
 * certificate is version 2 of the format (see {@link CertificateWriter}).
 */
public final class ClassicProver {
  private final ClassicConstruction construction;
  private final ProgressListener listener;
  private final long caseBudget;

  private ClassicProver(ClassicConstruction construction, ProgressListener listener,
      long caseBudget) {
    this.construction = checkNotNull(construction, "construction");
    this.listener = checkNotNull(listener, "listener");
    checkArgument(caseBudget >= 1, "case budget must be >= 1, was %s", caseBudget);
    this.caseBudget = caseBudget;
  }

  /** Proves every stage; writes nothing. */
  public static ClassicProofReport prove(ClassicConstruction construction,
      ProgressListener listener, long caseBudget) {
    try {
      return new ClassicProver(construction, listener, caseBudget).run(null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Proves every stage and writes into {@code dir} the network with its direction names ({@link
   * Prover#NETWORK_FILE}) and, when every stage is proved, the certificate ({@link
   * Prover#CERTIFICATE_FILE}).
   */
  public static ClassicProofReport certifyInto(ClassicConstruction construction, Path dir,
      ProgressListener listener) throws IOException {
    Files.createDirectories(dir);
    Path network = dir.resolve(Prover.NETWORK_FILE);
    NetworkFormat.write(construction.network(), network);
    ClassicProofReport r = new ClassicProver(construction, listener,
        Prover.DEFAULT_CASE_BUDGET).run(dir.resolve(Prover.CERTIFICATE_FILE));
    return new ClassicProofReport(r.config(), r.stages(), r.millis(), r.certificate(),
        Optional.of(network));
  }

  private ClassicProofReport run(Path certificateFile) throws IOException {
    long start = System.nanoTime();
    ClassicRegisters regs = construction.registers();
    StateLayout layout = construction.layout();
    ClassicSpecs specs = new ClassicSpecs(regs);
    List<StageLemma<ClassicStepContext>> lemmas = construction.lemmas();
    byte[] assign = new byte[layout.dimension()];
    Arrays.fill(assign, Cube.FREE);
    for (Register r : specs.zeroAtPassStart()) {
      r.bits().forEach(d -> assign[layout.indexOf(d)] = 0);
    }
    Path temp = certificateFile == null ? null
        : certificateFile.resolveSibling(certificateFile.getFileName() + ".partial");
    List<ClassicProofReport.Stage> proofs = new ArrayList<>();
    try (CertificateWriter writer = temp == null ? null : CertificateWriter.open(temp,
        certificateFile.getFileName().toString().endsWith(".gz"))) {
      if (writer != null) {
        writer.classicHeader(regs.config().wordBits(), regs.config().memoryBits(),
            layout.dimension(), lemmas.size());
      }
      for (int si = 0; si < lemmas.size(); si++) {
        StageLemma<ClassicStepContext> lemma = lemmas.get(si);
        ClassicProofReport.Stage proof = proveStage(si, lemma, specs.goals(ClassicRole.of(lemma)),
            assign, writer);
        proofs.add(proof);
        if (!proof.proved()) {
          break;
        }
        for (ClassicRole role : ClassicRole.of(lemma)) {
          specs.cleared(role).forEach(r -> r.bits().forEach(d -> assign[layout.indexOf(d)] = 0));
          specs.written(role).forEach(r -> r.bits().forEach(
              d -> assign[layout.indexOf(d)] = Cube.FREE));
        }
      }
      if (writer != null) {
        writer.end();
      }
    }
    boolean proved = proofs.size() == lemmas.size()
        && proofs.stream().allMatch(ClassicProofReport.Stage::proved);
    Optional<Path> written = Optional.empty();
    if (temp != null) {
      if (proved) {
        Files.move(temp, certificateFile, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        written = Optional.of(certificateFile);
      } else {
        Files.deleteIfExists(temp);
      }
    }
    return new ClassicProofReport(construction.config(), ImmutableList.copyOf(proofs),
        (System.nanoTime() - start) / 1_000_000, written, Optional.empty());
  }

  /** The role labels of a stage, e.g. {@code FETCH+NEXT_PC} (the certificate's stage role). */
  static String roleNames(StageLemma<ClassicStepContext> lemma) {
    return ClassicRole.of(lemma).stream().map(ClassicRole::name).collect(Collectors.joining("+"));
  }

  private ClassicProofReport.Stage proveStage(int si, StageLemma<ClassicStepContext> lemma,
      List<Goal> goals, byte[] assign, CertificateWriter writer) {
    long start = System.nanoTime();
    listener.stageStarted(si, lemma.name(), goals.size());
    Network stage = construction.stageNetwork(si);
    List<IntegerLayer> layers = stage.layers().stream().map(IntegerLayer::of).toList();
    StageSearch search = new StageSearch(layers, assign.clone(), caseBudget);
    if (writer != null) {
      writer.stage(roleNames(lemma), lemma.firstLayer(), lemma.layerCount(), goals.size());
      writer.bounds(PartialSumBounds.of(layers, assign));
    }
    long[] excluded = new long[1];
    StageSearch.CaseSink counting = new StageSearch.CaseSink() {
      final StageSearch.CaseSink out = writer == null ? StageSearch.CaseSink.NONE : writer;

      @Override
      public void split(int input) {
        out.split(input);
      }

      @Override
      public void tie(int u, int v) {
        out.tie(u, v);
      }

      @Override
      public void off(int[] rows) {
        out.off(rows);
      }

      @Override
      public void leaf(int[][] on, int[][] bounded) {
        out.leaf(on, bounded);
      }

      @Override
      public void excluded() {
        excluded[0]++;
        out.excluded();
      }
    };
    long cases = 0;
    long facts = 0;
    Optional<ClassicCounterexample> cex = Optional.empty();
    boolean exceeded = false;
    for (Goal goal : goals) {
      if (writer != null) {
        writer.goal(goal);
      }
      StageSearch.Outcome o = search.prove(goal, counting);
      cases += o.cases();
      facts += o.facts();
      listener.goalFinished(goal.name(), o.cases());
      if (o.failure() != null) {
        cex = Optional.of(counterexample(lemma, stage, o.failure()));
        break;
      }
      if (o.budgetExceeded() || cases > caseBudget) {
        exceeded = true;
        break;
      }
    }
    ClassicProofReport.Stage proof = new ClassicProofReport.Stage(lemma.name(),
        lemma.roleLabel(), goals.size(), cases, excluded[0], facts,
        (System.nanoTime() - start) / 1_000_000, cex, exceeded);
    listener.classicStageFinished(proof);
    return proof;
  }

  private ClassicCounterexample counterexample(StageLemma<ClassicStepContext> lemma, Network stage,
      StageSearch.Failure f) {
    StateLayout layout = construction.layout();
    ImmutableMap.Builder<String, Long> in = ImmutableMap.builder();
    for (Register r : layout.registers()) {
      in.put(r.name(), r.valueOf(r.bits().stream().map(d -> (int) f.input()[layout.indexOf(d)])
          .toList()));
    }
    ImmutableMap<String, Long> input = in.buildOrThrow();
    Rational[] x = new Rational[f.input().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Rational.of(f.input()[i]);
    }
    long got = RationalBackend.INSTANCE.compile(stage).apply(RationalVector.of(x))
        .get(f.output()).longValueExact();
    return new ClassicCounterexample(lemma.name(), layout.direction(f.output()).name(), got,
        f.expected(), input, replay(input));
  }

  /**
   * The pass from the counterexample's memory, pc and input port (scratch 0) through the whole
   * network, beside the reference machine's step.
   */
  private Optional<String> replay(ImmutableMap<String, Long> input) {
    ClassicRegisters regs = construction.registers();
    long[] memory = new long[regs.config().memorySize()];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = input.get(regs.mem(i).name());
    }
    ClassicState before = ClassicState.of(regs.config(), memory, input.get(regs.pc().name()));
    int next = input.get(regs.inEof().name()) == 1 ? ClassicMachine.END_OF_INPUT
        : input.get(regs.inByte().name()).intValue();
    ClassicState reference = ClassicMachine.step(before, next);
    ClassicCodec codec = ClassicCodec.forConstruction(construction);
    StateVector out = RationalBackend.INSTANCE.compile(construction.network())
        .apply(codec.encode(before, next));
    String network;
    boolean differs;
    try {
      ClassicPassOutput decoded = codec.decode(out);
      network = decoded.state().toString();
      differs = !decoded.state().equals(reference);
    } catch (RuntimeException e) {
      network = "not a machine state (" + e.getMessage() + ")";
      differs = true;
    }
    return Optional.of((differs ? "DIFFERS from" : "agrees with") + " the reference machine from "
        + before + ": reference " + reference + ", network " + network);
  }
}
