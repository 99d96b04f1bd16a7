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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * stage ({@link Machine}); the paper machine's {@link PaperProver} and the classic machine's {@link
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
  private final CaseSplitRunner runner;
  // per stage, computed once and shared by the threads of runTask: the zero inputs at its start,
  // its layers and its goals
  private final List<byte[]> starts;
  private final Map<Integer, List<IntegerLayer>> layers = new ConcurrentHashMap<>();
  private final Map<Integer, List<Goal>> goals = new ConcurrentHashMap<>();
  // per thread of runTask: the search's work arrays of each stage
  private final ThreadLocal<Map<Integer, StageSearch>> searches =
      ThreadLocal.withInitial(HashMap::new);

  LemmaSearch(MachineConstruction<S, ?> construction, RoleSpecs<O> specs,
      Machine<S, O, X, P> machine, ProgressListener listener, long caseBudget,
      CaseSplitRunner runner) {
    this.construction = checkNotNull(construction, "construction");
    this.specs = checkNotNull(specs, "specs");
    this.machine = checkNotNull(machine, "machine");
    this.listener = checkNotNull(listener, "listener");
    checkArgument(caseBudget >= 1, "case budget must be >= 1, was %s", caseBudget);
    this.caseBudget = caseBudget;
    this.runner = checkNotNull(runner, "runner");
    this.starts = starts();
  }

  /**
   * The stage inputs fixed to 0 at the start of each stage (SPEC §9.2): the registers 0 at the
   * start of a pass, then those earlier stages clear, less those they write.
   */
  private List<byte[]> starts() {
    byte[] assign = new byte[construction.layout().dimension()];
    Arrays.fill(assign, Cube.FREE);
    set(assign, specs.zeroAtPassStart(), (byte) 0);
    List<byte[]> out = new ArrayList<>();
    for (StageLemma<S> lemma : construction.lemmas()) {
      out.add(assign.clone());
      for (O role : machine.roles(lemma)) {
        set(assign, specs.cleared(role), (byte) 0);
        set(assign, specs.written(role), Cube.FREE);
      }
    }
    return out;
  }

  private List<IntegerLayer> layers(int si) {
    return layers.computeIfAbsent(si, k -> construction.stageNetwork(k).layers().stream()
        .map(IntegerLayer::of).toList());
  }

  private List<Goal> goals(int si) {
    return goals.computeIfAbsent(si,
        k -> specs.goals(machine.roles(construction.lemmas().get(k))));
  }

  /** This search as a {@link CaseWorker}, for runners on other threads or machines. */
  CaseWorker worker() {
    return new CaseWorker(this);
  }

  /** One piece of a stage's split, searched on the calling thread. */
  CaseResult runTask(CaseTask task) {
    long start = System.nanoTime();
    StageSearch search = searches.get().computeIfAbsent(task.stage(),
        si -> new StageSearch(layers(si), starts.get(si).clone(), caseBudget));
    CertificateWriter text = task.certify() ? CertificateWriter.buffer() : null;
    Counting sink = new Counting(text == null ? StageSearch.CaseSink.NONE : text);
    StageSearch.Outcome o =
        search.proveSubtree(goals(task.stage()).get(task.goal()), task.path(), sink);
    return new CaseResult(task.index(), text == null ? new byte[0] : text.take(), o.cases(),
        o.facts(), sink.excluded, o.failure(), o.budgetExceeded(), System.nanoTime() - start);
  }

  /** Searches every stage; writes the certificate to {@code certificateFile} unless null. */
  Result<P> run(Path certificateFile) throws IOException {
    long start = System.nanoTime();
    StateLayout layout = construction.layout();
    List<StageLemma<S>> lemmas = construction.lemmas();
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
        Stage<S, X> stage = runner == CaseSplitRunner.SEQUENTIAL
            ? proveStage(si, lemma, writer, starts.get(si))
            : new Partitioned(si, lemma, writer).prove();
        reports.add(machine.report(stage, listener));
        proved &= stage.proved();
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

  /**
   * One stage proved in pieces: each goal's tree searched here down to a depth fixed by the
   * runner's parallelism, the subtrees below it left to the runner ({@link CaseTask}), and the
   * results spliced into place in task order. Every line, count and the first failure are then
   * those of {@link #proveStage}'s one depth-first search (the pieces of a goal are its tree in
   * depth-first order), and so is where the search stops: at the first failure in that order,
   * or when the budget is spent (an exceeded budget may count more cases than one search would).
   */
  private final class Partitioned {
    private final int si;
    private final StageLemma<S> lemma;
    private final CertificateWriter writer;
    // the stage in certificate order: goal headers, pieces searched here (lines and counts) and
    // tasks, whose results come back in order
    private final List<Object> pieces = new ArrayList<>();
    private final List<CaseTask> tasks = new ArrayList<>();
    // the place of each task in pieces
    private final List<Integer> taskAt = new ArrayList<>();
    private int next;
    private int goal = -1;
    private long goalCases;
    private long cases;
    private long facts;
    private long excluded;
    private Optional<X> cex = Optional.empty();
    private boolean exceeded;
    private boolean stopped;

    private record GoalStart(int goal) {}

    private record GoalEnd(int goal) {}

    Partitioned(int si, StageLemma<S> lemma, CertificateWriter writer) {
      this.si = si;
      this.lemma = lemma;
      this.writer = writer;
    }

    Stage<S, X> prove() {
      long start = System.nanoTime();
      List<Goal> stageGoals = goals(si);
      listener.stageStarted(si, lemma.name(), stageGoals.size());
      List<IntegerLayer> stageLayers = layers(si);
      long[] bounds = PartialSumBounds.of(stageLayers, starts.get(si));
      if (writer != null) {
        writer.stage(lemma.roles().stream().map(StageRole::name).collect(Collectors.joining("+")),
            lemma.firstLayer(), lemma.layerCount(), stageGoals.size());
        writer.bounds(bounds);
      }
      plan(stageGoals, new StageSearch(stageLayers, starts.get(si).clone(), caseBudget));
      runner.run(tasks, worker(), this::accept);
      flushUpTo(pieces.size());
      return new Stage<>(lemma, stageGoals.size(), cases, excluded, facts,
          (System.nanoTime() - start) / 1_000_000, cex, exceeded, bounds);
    }

    /** Each goal's tree above the cut, searched here; the nodes at the cut become tasks. */
    private void plan(List<Goal> stageGoals, StageSearch search) {
      int depth = splitDepth(runner.parallelism());
      for (int gi = 0; gi < stageGoals.size(); gi++) {
        int g = gi;
        pieces.add(new GoalStart(gi));
        CertificateWriter text = writer == null ? null : CertificateWriter.buffer();
        Counting sink = new Counting(text == null ? StageSearch.CaseSink.NONE : text);
        long[] before = new long[3];
        StageSearch.Outcome o = search.plan(stageGoals.get(gi), sink, depth,
            (path, casesBefore, factsBefore) -> {
              pieces.add(piece(text, casesBefore - before[0], factsBefore - before[1],
                  sink.excluded - before[2], null, false));
              before[0] = casesBefore;
              before[1] = factsBefore;
              before[2] = sink.excluded;
              CaseTask t = new CaseTask(tasks.size(), si, g, path, writer != null);
              tasks.add(t);
              taskAt.add(pieces.size());
              pieces.add(t);
            });
        pieces.add(piece(text, o.cases() - before[0], o.facts() - before[1],
            sink.excluded - before[2], o.failure(), o.budgetExceeded()));
        pieces.add(new GoalEnd(gi));
        if (o.failure() != null || o.budgetExceeded()) {
          break;
        }
      }
    }

    private CaseResult piece(CertificateWriter text, long c, long f, long x,
        StageSearch.Failure failure, boolean budget) {
      return new CaseResult(-1, text == null ? new byte[0] : text.take(), c, f, x, failure,
          budget);
    }

    /** A task's result, in task order: the pieces before it, then it. */
    private void accept(CaseResult r) {
      int at = taskAt.get(r.index());
      flushUpTo(at);
      apply(r);
      next = at + 1;
    }

    private void flushUpTo(int end) {
      for (; next < end; next++) {
        Object p = pieces.get(next);
        if (p instanceof GoalStart s) {
          goal = s.goal();
          goalCases = 0;
          if (writer != null && !stopped) {
            writer.goal(goals(si).get(goal));
          }
        } else if (p instanceof CaseResult r) {
          apply(r);
        } else if (p instanceof GoalEnd) {
          endGoal();
        } else {
          throw new IllegalStateException("task " + ((CaseTask) p).index() + " not run");
        }
      }
    }

    private void apply(CaseResult r) {
      if (stopped) {
        return;
      }
      if (writer != null) {
        writer.append(r.text());
      }
      goalCases += r.cases;
      facts += r.facts;
      excluded += r.excluded;
      if (r.failure != null) {
        cex = Optional.of(machine.counterexample(si, lemma, construction.stageNetwork(si),
            r.failure));
        endGoal();
        stopped = true;
      } else if (r.budgetExceeded || goalCases >= caseBudget) {
        exceeded = true;
        endGoal();
        stopped = true;
      }
    }

    private void endGoal() {
      if (stopped) {
        return;
      }
      cases += goalCases;
      listener.goalFinished(goals(si).get(goal).name(), goalCases);
      if (cases > caseBudget) {
        exceeded = true;
        stopped = true;
      }
    }
  }

  /**
   * The depth at which a goal's tree is cut into tasks: 2^6 subtrees per goal for each piece run
   * at once, at most (system property {@code loopmlp.prove.splitDepth} overrides).
   */
  static int splitDepth(int parallelism) {
    int log = 32 - Integer.numberOfLeadingZeros(Math.max(1, parallelism) - 1);
    return Integer.getInteger("loopmlp.prove.splitDepth", log + 6);
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
