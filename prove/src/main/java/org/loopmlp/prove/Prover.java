package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.loopmlp.isa.SubleqMachine;

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
public final class Prover {
  /** The default bound on the cases of one stage; a stage that needs more is not proved. */
  public static final long DEFAULT_CASE_BUDGET = 1L << 24;

  private final Construction construction;
  private final ProgressListener listener;
  private final long caseBudget;

  private Prover(Construction construction, ProgressListener listener, long caseBudget) {
    this.construction = checkNotNull(construction, "construction");
    this.listener = checkNotNull(listener, "listener");
    checkArgument(caseBudget >= 1, "case budget must be >= 1, was %s", caseBudget);
    this.caseBudget = caseBudget;
  }

  /** Proves every stage of {@code construction}; writes nothing. */
  public static ProofReport prove(Construction construction, ProgressListener listener) {
    try {
      return new Prover(construction, listener, DEFAULT_CASE_BUDGET).run(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #prove}, with at most {@code caseBudget} cases per stage. */
  public static ProofReport prove(Construction construction, ProgressListener listener,
      long caseBudget) {
    try {
      return new Prover(construction, listener, caseBudget).run(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Proves every stage and writes the certificate to {@code certificate} (gzip when the name ends
   * in {@code .gz}). The file appears only when every stage is proved (written to a temporary
   * file first, then renamed).
   */
  public static ProofReport proveAndCertify(Construction construction, Path certificate,
      ProgressListener listener) throws IOException {
    return new Prover(construction, listener, DEFAULT_CASE_BUDGET).run(certificate);
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
  public static ProofReport certifyInto(Construction construction, Path dir,
      ProgressListener listener) throws IOException {
    return certifyInto(construction, dir, listener, DEFAULT_CASE_BUDGET);
  }

  /** As {@link #certifyInto(Construction, Path, ProgressListener)}, with at most {@code
   * caseBudget} cases per stage. */
  public static ProofReport certifyInto(Construction construction, Path dir,
      ProgressListener listener, long caseBudget) throws IOException {
    Files.createDirectories(dir);
    Path network = dir.resolve(NETWORK_FILE);
    NetworkFormat.write(construction.network(), network);
    ProofReport r = new Prover(construction, listener, caseBudget)
        .run(dir.resolve(CERTIFICATE_FILE));
    return new ProofReport(r.construction(), r.config(), r.stages(), r.millis(), r.certificate(),
        Optional.of(network));
  }

  private ProofReport run(Path certificateFile) throws IOException {
    PaperSpecs specs = new PaperSpecs(construction.registers());
    LemmaSearch.Result<StageProof> r = new LemmaSearch<>(construction, specs, new PaperMachine(),
        listener, caseBudget).run(certificateFile);
    return new ProofReport(construction.name(), construction.config(), r.stages(), r.millis(),
        r.certificate(), Optional.empty());
  }

  /** The paper machine's part of the search: its header, counterexamples and stage reports. */
  private final class PaperMachine
      implements LemmaSearch.Machine<PaperStep, PaperStage, Counterexample, StageProof> {
    @Override
    public ImmutableList<PaperStage> roles(StageLemma<PaperStep> lemma) {
      return lemma.paperStages();
    }

    @Override
    public void header(CertificateWriter writer, int dimension, int stages) {
      writer.header(construction.config(), dimension, stages);
    }

    @Override
    public Counterexample counterexample(int si, StageLemma<PaperStep> lemma, Network stage,
        StageSearch.Failure f) {
      return Prover.this.counterexample(si, lemma, stage, f);
    }

    @Override
    public StageProof report(LemmaSearch.Stage<PaperStep, Counterexample> s,
        ProgressListener listener) {
      StageProof proof = new StageProof(s.lemma().name(), s.lemma().paperStages(), s.goals(),
          s.cases(), s.facts(), s.millis(), s.counterexample(), s.budgetExceeded(),
          Arrays.stream(s.bounds()).boxed().collect(ImmutableList.toImmutableList()));
      listener.stageFinished(proof);
      return proof;
    }

    @Override
    public boolean stopsAtFailure() {
      return false;
    }
  }

  private Counterexample counterexample(int si, StageLemma<PaperStep> lemma, Network stage,
      StageSearch.Failure f) {
    StateLayout layout = construction.layout();
    PaperRegisters regs = construction.registers();
    ImmutableMap<String, Long> input = LemmaSearch.registerValues(layout, f.input());
    String direction = layout.direction(f.output()).name();
    long got = LemmaSearch.exactOutput(stage, f.input(), f.output());
    String failingRegister = layout.registers().stream()
        .filter(r -> r.bits().contains(layout.direction(f.output()))).findFirst()
        .map(Register::name).orElse(direction);
    PaperStage role = roleChanging(lemma, failingRegister);
    Optional<Counterexample.ReferenceCheck> check =
        Witnesses.stepFor(role, regs, input, failingRegister)
            .map(w -> replay(si, lemma, w));
    return new Counterexample(lemma.name(), role, direction, got, f.expected(), input, check);
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
  private Counterexample.ReferenceCheck replay(int si, StageLemma<PaperStep> lemma,
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
    return new Counterexample.ReferenceCheck(w.program(), w.before(),
        SubleqMachine.step(w.program(), w.before()), networkAfter, lemmaFails, differs);
  }
}
