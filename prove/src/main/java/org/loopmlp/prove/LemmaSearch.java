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
import org.loopmlp.construction.MachineConstruction;
import org.loopmlp.construction.MachineStep;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StageRole;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;

/**
 * Proves every stage lemma of a construction of any machine, stage by stage, by {@link
 * StageSearch} (SPEC §9.2): a stage is proved on its own layers for every input in which the
 * registers 0 at that point of the pass (those 0 at its start, then whatever earlier stages
 * cleared) are 0 and every other direction is an arbitrary bit. Writes the case splits into a
 * certificate, which appears only when every stage is proved. The machine gives its roles'
 * goals ({@link RoleSpecs}), the certificate header, its counterexamples and its report of a
 * stage ({@link Machine}); the paper machine's {@link Prover} and the classic machine's {@link
 * ClassicProver} are its two instances.
 *
 * @param <S> the machine's step
 * @param <O> the machine's roles
 * @param <X> the machine's counterexample
 * @param <P> the machine's report of one stage
 */
final class LemmaSearch<S extends MachineStep, O extends StageRole<S, ?>, X, P> {
  /** What a machine adds to the search. */
  interface Machine<S, O, X, P> {
    /** The roles of {@code lemma}, as the machine's own. */
    ImmutableList<O> roles(StageLemma<S> lemma);

    /** Writes the certificate's header line(s). */
    void header(CertificateWriter writer, int dimension, int stages) throws IOException;

    /** The counterexample behind a failed goal of stage {@code si}. */
    X counterexample(int si, StageLemma<S> lemma, Network stage, StageSearch.Failure f);

    /** The report of one stage, told to the listener. */
    P report(Stage<S, X> stage, ProgressListener listener);

    /** True when the search stops at the first stage not proved. */
    boolean stopsAtFailure();
  }

  /** One stage searched: its counts, time, and a counterexample or an exceeded budget. */
  record Stage<S, X>(StageLemma<S> lemma, int goals, long cases, long excluded, long facts,
      long millis, Optional<X> counterexample, boolean budgetExceeded, long[] bounds) {
    boolean proved() {
      return counterexample.isEmpty() && !budgetExceeded;
    }
  }

  /** Every stage's report, the total time, and the certificate if one was written. */
  record Result<P>(ImmutableList<P> stages, boolean proved, long millis,
      Optional<Path> certificate) {}

  private final MachineConstruction<S, ?> construction;
  private final RoleSpecs<O> specs;
  private final Machine<S, O, X, P> machine;
  private final ProgressListener listener;
  private final long caseBudget;

  LemmaSearch(MachineConstruction<S, ?> construction, RoleSpecs<O> specs,
      Machine<S, O, X, P> machine, ProgressListener listener, long caseBudget) {
    this.construction = checkNotNull(construction, "construction");
    this.specs = checkNotNull(specs, "specs");
    this.machine = checkNotNull(machine, "machine");
    this.listener = checkNotNull(listener, "listener");
    checkArgument(caseBudget >= 1, "case budget must be >= 1, was %s", caseBudget);
    this.caseBudget = caseBudget;
  }

  /** Searches every stage; writes the certificate to {@code certificateFile} unless null. */
  Result<P> run(Path certificateFile) throws IOException {
    long start = System.nanoTime();
    StateLayout layout = construction.layout();
    List<StageLemma<S>> lemmas = construction.lemmas();
    byte[] assign = new byte[layout.dimension()];
    Arrays.fill(assign, Cube.FREE);
    set(assign, specs.zeroAtPassStart(), (byte) 0);
    Path temp = certificateFile == null ? null
        : certificateFile.resolveSibling(certificateFile.getFileName() + ".partial");
    List<P> reports = new ArrayList<>();
    boolean proved = true;
    try (CertificateWriter writer = temp == null ? null : CertificateWriter.open(temp,
        certificateFile.getFileName().toString().endsWith(".gz"))) {
      if (writer != null) {
        machine.header(writer, layout.dimension(), lemmas.size());
      }
      for (int si = 0; si < lemmas.size() && (proved || !machine.stopsAtFailure()); si++) {
        StageLemma<S> lemma = lemmas.get(si);
        Stage<S, X> stage = proveStage(si, lemma, writer, assign);
        reports.add(machine.report(stage, listener));
        proved &= stage.proved();
        for (O role : machine.roles(lemma)) {
          set(assign, specs.cleared(role), (byte) 0);
          set(assign, specs.written(role), Cube.FREE);
        }
      }
      if (writer != null) {
        writer.end();
      }
    }
    return new Result<>(ImmutableList.copyOf(reports), proved,
        (System.nanoTime() - start) / 1_000_000, finish(temp, certificateFile, proved));
  }

  private void set(byte[] assign, List<Register> registers, byte value) {
    StateLayout layout = construction.layout();
    registers.forEach(r -> r.bits().forEach(d -> assign[layout.indexOf(d)] = value));
  }

  /** Moves the partial certificate into place when every stage is proved, else deletes it. */
  private static Optional<Path> finish(Path temp, Path file, boolean proved) throws IOException {
    if (temp == null) {
      return Optional.empty();
    }
    if (!proved) {
      Files.deleteIfExists(temp);
      return Optional.empty();
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(file);
  }

  private Stage<S, X> proveStage(int si, StageLemma<S> lemma, CertificateWriter writer,
      byte[] assign) {
    long start = System.nanoTime();
    List<Goal> goals = specs.goals(machine.roles(lemma));
    listener.stageStarted(si, lemma.name(), goals.size());
    Network stage = construction.stageNetwork(si);
    List<IntegerLayer> layers = stage.layers().stream().map(IntegerLayer::of).toList();
    StageSearch search = new StageSearch(layers, assign.clone(), caseBudget);
    long[] bounds = PartialSumBounds.of(layers, assign);
    if (writer != null) {
      // The certificate's stage role: the roles' names, e.g. FETCH+NEXT_PC.
      writer.stage(lemma.roles().stream().map(StageRole::name).collect(Collectors.joining("+")),
          lemma.firstLayer(), lemma.layerCount(), goals.size());
      writer.bounds(bounds);
    }
    Counting sink = new Counting(writer == null ? StageSearch.CaseSink.NONE : writer);
    long cases = 0;
    long facts = 0;
    Optional<X> cex = Optional.empty();
    boolean exceeded = false;
    for (Goal goal : goals) {
      if (writer != null) {
        writer.goal(goal);
      }
      StageSearch.Outcome o = search.prove(goal, sink);
      cases += o.cases();
      facts += o.facts();
      listener.goalFinished(goal.name(), o.cases());
      if (o.failure() != null) {
        cex = Optional.of(machine.counterexample(si, lemma, stage, o.failure()));
        break;
      }
      if (o.budgetExceeded() || cases > caseBudget) {
        exceeded = true;
        break;
      }
    }
    return new Stage<>(lemma, goals.size(), cases, sink.excluded, facts,
        (System.nanoTime() - start) / 1_000_000, cex, exceeded, bounds);
  }

  /** A sink that passes every case on and counts those outside the precondition. */
  private static final class Counting implements StageSearch.CaseSink {
    private final StageSearch.CaseSink out;
    private long excluded;

    Counting(StageSearch.CaseSink out) {
      this.out = out;
    }

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
      excluded++;
      out.excluded();
    }
  }

  /** The value of every register of {@code layout} in the stage input {@code input}. */
  static ImmutableMap<String, Long> registerValues(StateLayout layout, byte[] input) {
    ImmutableMap.Builder<String, Long> in = ImmutableMap.builder();
    for (Register r : layout.registers()) {
      in.put(r.name(), r.valueOf(r.bits().stream().map(d -> (int) input[layout.indexOf(d)])
          .toList()));
    }
    return in.buildOrThrow();
  }

  /** The stage network's output {@code output} on the full input, in exact arithmetic. */
  static long exactOutput(Network stage, byte[] input, int output) {
    Rational[] x = new Rational[input.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Rational.of(input[i]);
    }
    return RationalBackend.INSTANCE.compile(stage).apply(RationalVector.of(x)).get(output)
        .longValueExact();
  }
}
