package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StateCondition;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.prove.Counterexample.ReferenceCheck;

/**
 * Proves every stage lemma of a construction for all inputs of its config (SPEC §9.2, tier 4),
 * stage by stage, by exact interval reasoning on a case split (see {@link StageSearch}), and can
 * write the case splits and neuron facts as a certificate that {@code org.loopmlp.certcheck}
 * re-checks without this code.
 *
 * <p>A stage is proved on its own layers ({@link Construction#stageNetwork}) for every input in
 * which the registers earlier stages clear are 0 and every other direction is an arbitrary bit:
 * a stronger claim than needed (the pass only reaches correlated inputs), so a proof holds for
 * every pass. The lemmas are the prover's own statement of the paper's six stages ({@link
 * PaperSpecs}), by the stage's paper role (the union of its roles' goals for stages run side by
 * side, e.g. the compact construction's fetch + next pc); a disagreement is turned into a concrete stage input,
 * re-evaluated exactly, and, where a machine step reaches that input, replayed as a full pass
 * against the reference machine.
 */
public final class PaperProver {
  /** The default bound on the cases of one stage; a stage that needs more is not proved. */
  public static final long DEFAULT_CASE_BUDGET = 1L << 24;

  private final Construction construction;
  private final ProgressListener listener;
  private final long caseBudget;
  private final CaseSplitRunner runner;

  private PaperProver(Construction construction, ProgressListener listener, long caseBudget) {
    this(construction, listener, caseBudget, CaseSplitRunner.defaults());
  }

  private PaperProver(Construction construction, ProgressListener listener, long caseBudget,
      CaseSplitRunner runner) {
    this.construction = checkNotNull(construction, "construction");
    this.listener = checkNotNull(listener, "listener");
    checkArgument(caseBudget >= 1, "case budget must be >= 1, was %s", caseBudget);
    this.caseBudget = caseBudget;
    this.runner = checkNotNull(runner, "runner");
  }

  /**
   * As {@link #prove(Construction, ProgressListener, long)}, with the stages' case splits run by
   * {@code runner} (the default is {@link CaseSplitRunner#defaults}: every core); the report is
   * the same for every runner.
   */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> prove(
      Construction construction, ProgressListener listener, long caseBudget,
      CaseSplitRunner runner) {
    try {
      return new PaperProver(construction, listener, caseBudget, runner).run(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #certifyInto(Construction, Path, ProgressListener, long)}, with the stages' case
   * splits run by {@code runner}: the certificate is byte for byte the same for every runner.
   */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> certifyInto(
      Construction construction, Path dir, ProgressListener listener, long caseBudget,
      CaseSplitRunner runner) throws IOException {
    Files.createDirectories(dir);
    Path network = dir.resolve(NETWORK_FILE);
    NetworkFormat.write(construction.network(), network);
    return new PaperProver(construction, listener, caseBudget, runner)
        .run(dir.resolve(CERTIFICATE_FILE)).withNetwork(network);
  }

  /**
   * The searcher of {@code construction}'s case-split pieces, for a runner that runs them
   * elsewhere (an executor builds the same construction and its own worker).
   */
  public static CaseWorker worker(Construction construction, long caseBudget) {
    return new PaperProver(construction, ProgressListener.NONE, caseBudget).search().worker();
  }

  /** Proves every stage of {@code construction}; writes nothing. */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> prove(
      Construction construction, ProgressListener listener) {
    try {
      return new PaperProver(construction, listener, DEFAULT_CASE_BUDGET).run(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #prove}, with at most {@code caseBudget} cases per stage. */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> prove(
      Construction construction, ProgressListener listener, long caseBudget) {
    try {
      return new PaperProver(construction, listener, caseBudget).run(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Proves every stage and writes the certificate to {@code certificate} (gzip when the name ends
   * in {@code .gz}). The file appears only when every stage is proved (written to a temporary
   * file first, then renamed).
   */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> proveAndCertify(
      Construction construction, Path certificate, ProgressListener listener) throws IOException {
    return new PaperProver(construction, listener, DEFAULT_CASE_BUDGET).run(certificate);
  }

  /** The file names {@link #certifyInto} writes. */
  public static final String NETWORK_FILE = "network.txt.gz";
  public static final String CERTIFICATE_FILE = "certificate.txt.gz";

  /**
   * Proves every stage and writes, into {@code dir} (created if needed), the network with its
   * direction names ({@value #NETWORK_FILE}, {@link NetworkFormat}) and, when every stage is
   * proved, the certificate ({@value #CERTIFICATE_FILE}): all that {@code
   * org.loopmlp.certcheck.CertificateChecker} reads.
   */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> certifyInto(
      Construction construction, Path dir, ProgressListener listener) throws IOException {
    return certifyInto(construction, dir, listener, DEFAULT_CASE_BUDGET);
  }

  /** As {@link #certifyInto(Construction, Path, ProgressListener)}, with at most {@code
   * caseBudget} cases per stage. */
  public static ProofReport<MachineConfig, PaperStage, ReferenceCheck> certifyInto(
      Construction construction, Path dir, ProgressListener listener,
      long caseBudget) throws IOException {
    Files.createDirectories(dir);
    Path network = dir.resolve(NETWORK_FILE);
    NetworkFormat.write(construction.network(), network);
    return new PaperProver(construction, listener, caseBudget).run(dir.resolve(CERTIFICATE_FILE))
        .withNetwork(network);
  }

  private ProofReport<MachineConfig, PaperStage, ReferenceCheck> run(
      Path certificateFile) throws IOException {
    LemmaSearch.Result<StageProof<PaperStage, ReferenceCheck>> r = search().run(certificateFile);
    return new ProofReport<>(construction.name(), construction.config(), r.stages(), r.millis(),
        r.certificate(), Optional.empty());
  }

  private LemmaSearch<PaperStep, PaperStage, Counterexample<PaperStage, ReferenceCheck>,
      StageProof<PaperStage, ReferenceCheck>> search() {
    return new LemmaSearch<>(construction, new PaperSpecs(construction.registers()),
        new PaperMachine(), listener, caseBudget, runner);
  }

  /** The paper machine's part of the search: its header, counterexamples and stage reports. */
  private final class PaperMachine
      implements LemmaSearch.Machine<PaperStep, PaperStage,
          Counterexample<PaperStage, ReferenceCheck>, StageProof<PaperStage, ReferenceCheck>> {
    @Override
    public ImmutableList<PaperStage> roles(StageLemma<PaperStep> lemma) {
      return lemma.paperStages();
    }

    @Override
    public void header(CertificateWriter writer, int dimension, int stages) {
      writer.header(construction.config(), dimension, stages);
    }

    @Override
    public Counterexample<PaperStage, ReferenceCheck> counterexample(
        int si, StageLemma<PaperStep> lemma, Network stage, StageSearch.Failure f) {
      return PaperProver.this.counterexample(si, lemma, stage, f);
    }

    @Override
    public StageProof<PaperStage, ReferenceCheck> report(
        LemmaSearch.Stage<PaperStep, Counterexample<PaperStage, ReferenceCheck>> s,
        ProgressListener listener) {
      StageProof<PaperStage, ReferenceCheck> proof =
          StageProof.of(s, s.lemma().paperStages(), s.lemma().paperLabel());
      listener.stageFinished(proof);
      return proof;
    }

    @Override
    public boolean stopsAtFailure() {
      return false;
    }
  }

  private Counterexample<PaperStage, ReferenceCheck> counterexample(
      int si, StageLemma<PaperStep> lemma, Network stage, StageSearch.Failure f) {
    StateLayout layout = construction.layout();
    PaperRegisters regs = construction.registers();
    ImmutableMap<String, Long> input = LemmaSearch.registerValues(layout, f.input());
    String direction = layout.direction(f.output()).name();
    long got = LemmaSearch.exactOutput(stage, f.input(), f.output());
    String failingRegister = layout.registers().stream()
        .filter(r -> r.bits().contains(layout.direction(f.output()))).findFirst()
        .map(Register::name).orElse(direction);
    PaperStage role = roleChanging(lemma, failingRegister);
    Optional<ReferenceCheck> check =
        Witnesses.stepFor(role, regs, input, failingRegister)
            .map(w -> replay(si, lemma, w));
    return new Counterexample<>(lemma.name(), role, direction, got, f.expected(), input,
        readBy(role), "", check);
  }

  /** The registers a paper stage reads, the ones a counterexample's summary names. */
  private static ImmutableList<String> readBy(PaperStage role) {
    return switch (role) {
      case WRITE -> ImmutableList.of("rb", "r");
      case BRANCH -> ImmutableList.of("r", "rc", "pc1");
      case SUBTRACT -> ImmutableList.of("va", "vb");
      case READ -> ImmutableList.of("ra", "rb");
      default -> ImmutableList.of("pc");
    };
  }

  /** The role of the lemma that writes or clears {@code register}; else its first role. */
  private PaperStage roleChanging(StageLemma<PaperStep> lemma, String register) {
    PaperSpecs specs = new PaperSpecs(construction.registers());
    for (PaperStage role : lemma.paperStages()) {
      if (java.util.stream.Stream.concat(specs.written(role).stream(),
          specs.cleared(role).stream()).anyMatch(r -> r.name().equals(register))) {
        return role;
      }
    }
    return lemma.paperStage();
  }

  /**
   * Runs the witness step: the construction's own stage lemma on the stage input the reference
   * step produces, and the whole pass against the reference machine.
   */
  private ReferenceCheck replay(int si, StageLemma<PaperStep> lemma,
      Witnesses.Step w) {
    StateLayout layout = construction.layout();
    PaperStep step = PaperStep.of(w.program(), w.before());
    StateCondition<PaperStep> pre = lemma.precondition();
    RationalVector stageIn = pre.expectedVector(layout, step);
    StateVector stageOut = RationalBackend.INSTANCE.compile(construction.stageNetwork(si))
        .apply(stageIn);
    boolean lemmaFails = lemma.postcondition().firstMismatch(stageOut, layout, step).isPresent();
    StateCodec codec = StateCodec.forConstruction(construction);
    StateVector passOut = RationalBackend.INSTANCE.compile(construction.network())
        .apply(codec.encode(w.program(), w.before()));
    String networkAfter;
    boolean differs;
    try {
      var decoded = codec.decode(passOut).state();
      networkAfter = decoded.toString();
      differs = !decoded.equals(step.after());
    } catch (RuntimeException e) {
      networkAfter = "not a machine state (" + e.getMessage() + ")";
      differs = true;
    }
    return new ReferenceCheck(w.program(), w.before(),
        SubleqMachine.step(w.program(), w.before()), networkAfter, lemmaFails, differs);
  }
}
