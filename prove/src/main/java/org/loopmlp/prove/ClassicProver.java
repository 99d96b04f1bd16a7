package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.prove.Counterexample.Replay;

/**
 * Proves every stage lemma of the classic construction for all inputs of its config, by the
 * method of {@link PaperProver} ({@link StageSearch}: exact ranges of affine pre-activations over a
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
  private final CaseSplitRunner runner;

  private ClassicProver(ClassicConstruction construction, ProgressListener listener,
      long caseBudget, CaseSplitRunner runner) {
    this.construction = checkNotNull(construction, "construction");
    this.listener = checkNotNull(listener, "listener");
    checkArgument(caseBudget >= 1, "case budget must be >= 1, was %s", caseBudget);
    this.caseBudget = caseBudget;
    this.runner = checkNotNull(runner, "runner");
  }

  /** As {@link #prove(ClassicConstruction, ProgressListener, long)}, the splits run by {@code
   * runner}; the report is the same for every runner. */
  public static ProofReport<ClassicConfig, ClassicRole, Replay> prove(
      ClassicConstruction construction, ProgressListener listener, long caseBudget,
      CaseSplitRunner runner) {
    try {
      return new ClassicProver(construction, listener, caseBudget, runner).run(null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** As {@link #certifyInto(ClassicConstruction, Path, ProgressListener)}, with at most {@code
   * caseBudget} cases per stage and the splits run by {@code runner}: the certificate is byte
   * for byte the same for every runner. */
  public static ProofReport<ClassicConfig, ClassicRole, Replay> certifyInto(
      ClassicConstruction construction, Path dir, ProgressListener listener, long caseBudget,
      CaseSplitRunner runner) throws IOException {
    Files.createDirectories(dir);
    Path network = dir.resolve(PaperProver.NETWORK_FILE);
    NetworkFormat.write(construction.network(), network);
    return new ClassicProver(construction, listener, caseBudget, runner)
        .run(dir.resolve(PaperProver.CERTIFICATE_FILE)).withNetwork(network);
  }

  /** The searcher of {@code construction}'s case-split pieces (see {@link PaperProver#worker}). */
  public static CaseWorker worker(ClassicConstruction construction, long caseBudget) {
    return new ClassicProver(construction, ProgressListener.NONE, caseBudget,
        CaseSplitRunner.SEQUENTIAL).search().worker();
  }

  /** Proves every stage; writes nothing. */
  public static ProofReport<ClassicConfig, ClassicRole, Replay> prove(
      ClassicConstruction construction, ProgressListener listener, long caseBudget) {
    try {
      return new ClassicProver(construction, listener, caseBudget, CaseSplitRunner.defaults())
          .run(null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Proves every stage and writes into {@code dir} the network with its direction names ({@link
   * PaperProver#NETWORK_FILE}) and, when every stage is proved, the certificate ({@link
   * PaperProver#CERTIFICATE_FILE}).
   */
  public static ProofReport<ClassicConfig, ClassicRole, Replay> certifyInto(
      ClassicConstruction construction, Path dir, ProgressListener listener) throws IOException {
    Files.createDirectories(dir);
    Path network = dir.resolve(PaperProver.NETWORK_FILE);
    NetworkFormat.write(construction.network(), network);
    return new ClassicProver(construction, listener, PaperProver.DEFAULT_CASE_BUDGET,
        CaseSplitRunner.defaults()).run(dir.resolve(PaperProver.CERTIFICATE_FILE))
        .withNetwork(network);
  }

  private ProofReport<ClassicConfig, ClassicRole, Replay> run(
      Path certificateFile) throws IOException {
    LemmaSearch.Result<StageProof<ClassicRole, Replay>> r = search().run(certificateFile);
    return new ProofReport<>("classic", construction.config(), r.stages(), r.millis(),
        r.certificate(), Optional.empty());
  }

  private LemmaSearch<ClassicStepContext, ClassicRole, Counterexample<ClassicRole, Replay>,
      StageProof<ClassicRole, Replay>> search() {
    return new LemmaSearch<>(construction, new ClassicSpecs(construction.registers()),
        new ClassicPart(), listener, caseBudget, runner);
  }

  /** The classic machine's part of the search: its header, counterexamples and reports. */
  private final class ClassicPart implements LemmaSearch.Machine<ClassicStepContext,
      ClassicRole, Counterexample<ClassicRole, Replay>, StageProof<ClassicRole, Replay>> {
    @Override
    public ImmutableList<ClassicRole> roles(StageLemma<ClassicStepContext> lemma) {
      return ClassicRole.of(lemma);
    }

    @Override
    public void header(CertificateWriter writer, int dimension, int stages) {
      writer.classicHeader(construction.config().wordBits(),
          construction.config().memoryBits(), dimension, stages);
    }

    @Override
    public Counterexample<ClassicRole, Replay> counterexample(
        int si, StageLemma<ClassicStepContext> lemma, Network stage, StageSearch.Failure f) {
      StateLayout layout = construction.layout();
      ImmutableMap<String, Long> input = LemmaSearch.registerValues(layout, f.input());
      long got = LemmaSearch.exactOutput(stage, f.input(), f.output());
      // the summary names the registers not 0 outside memory: the stage's operands
      ImmutableList<String> shown = input.entrySet().stream()
          .filter(e -> !e.getKey().startsWith("mem[") && e.getValue() != 0)
          .map(java.util.Map.Entry::getKey).collect(ImmutableList.toImmutableList());
      return new Counterexample<>(lemma.name(), ClassicRole.of(lemma).get(0),
          layout.direction(f.output()).name(), got, f.expected(), input, shown,
          " (other registers 0 or memory)", replay(input));
    }

    @Override
    public StageProof<ClassicRole, Replay> report(
        LemmaSearch.Stage<ClassicStepContext, Counterexample<ClassicRole, Replay>> s,
        ProgressListener listener) {
      StageProof<ClassicRole, Replay> proof =
          StageProof.of(s, ClassicRole.of(s.lemma()), s.lemma().roleLabel());
      listener.stageFinished(proof);
      return proof;
    }

    @Override
    public boolean stopsAtFailure() {
      return true;
    }
  }

  /**
   * The pass from the counterexample's memory, pc and input port (scratch 0) through the whole
   * network, beside the reference machine's step.
   */
  private Optional<Replay> replay(ImmutableMap<String, Long> input) {
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
    return Optional.of(new Replay((differs ? "DIFFERS from" : "agrees with")
        + " the reference machine from " + before + ": reference " + reference + ", network "
        + network));
  }
}
