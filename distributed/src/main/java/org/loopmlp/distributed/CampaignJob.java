package org.loopmlp.distributed;

import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.ConfigRange;
import org.loopmlp.verify.Counterexample;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.Disagreement;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.FaultyConstructions;
import org.loopmlp.verify.MutationCampaign;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.PaperTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code campaign KIND}: the verify module's campaigns on Spark, each cut where the campaign
 * itself cuts (its {@code part(from, to)}): the exhaustive one-pass check by ranges of states,
 * the random differential campaign by ranges of tries (each try's seed is drawn from the
 * campaign's seed and its index), mutation testing by ranges of mutant index. The parts come back
 * to the driver and are merged in order ({@code Part.then}), which is the single-process run's
 * own merge: the counts and verdicts are the same, and the first failure in order is turned into
 * the counterexample (shrunk, for the differential campaign) and printed as {@code loopmlp check}
 * prints it. {@code --single-process} runs the same campaign on one thread without Spark.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
    description = "exhaustive | differential | mutation, on Spark; prints the result and a"
        + " 'counts:' line; exit 1 when a disagreement or a non-equivalent survivor is found.")
final class CampaignJob implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SparkOptions spark;

  @Parameters(index = "0", paramLabel = "KIND",
      description = "exhaustive, differential or mutation.")
  String kind;

  @Option(names = "--construction", paramLabel = "NAME", description = "A construction, or a"
      + " faulty one of the verify module (e.g. subtract-without-carry); default paper.")
  String construction = "paper";

  @Option(names = "--config", paramLabel = "N,A,C", description = "exhaustive and mutation:"
      + " the size (default 3,2,2); differential: only this size (default: sizes up to 8,3,3).")
  String config;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "exhaustive: all (every"
      + " program, memory and pc; default) or slot (the slot at pc).")
  String scope = "all";

  @Option(names = "--backend", paramLabel = "NAME", description = "Default exact.")
  String backend = "exact";

  @Option(names = "--tries", paramLabel = "T", description = "differential: tries (default"
      + " 2000); mutation: tries of the killing campaign (default 64).")
  Integer tries;

  @Option(names = "--seed", paramLabel = "S", description = "Default 1.")
  long seed = 1;

  @Option(names = "--parts", paramLabel = "P", description = "Pieces per core (default 8).")
  int partsPerCore = 8;

  @Option(names = "--single-process", description = "No Spark: one thread.")
  boolean singleProcess;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    spec();
    JavaSparkContext sc = singleProcess ? null : spark.start("loopmlp campaign " + kind);
    try {
      return run(o, sc);
    } finally {
      if (sc != null) {
        sc.stop();
      }
    }
  }

  /** The campaign on {@code sc}, or on one thread when it is null; the exit code. */
  int run(PrintWriter o, JavaSparkContext sc) {
    Job job = spec();
    o.printf(Locale.ROOT, "campaign %s of %s on %s%n", kind, construction,
        sc == null ? "one thread (single process)"
            : sc.master() + ", " + sc.defaultParallelism() + " cores");
    long t0 = System.nanoTime();
    int code = switch (kind) {
      case "exhaustive" -> exhaustive(o, job, sc);
      case "differential" -> differential(o, job, sc);
      default -> mutation(o, job, sc);
    };
    o.printf(Locale.ROOT, "campaign: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    o.flush();
    return code;
  }

  /** What an executor needs to rebuild the campaign: all of it fits in a few fields. */
  record Job(String kind, String construction, int[] config, boolean slot, String backend,
      int tries, long seed) implements Serializable {
    private static final Map<Job, Object> BUILT = new ConcurrentHashMap<>();

    MachineConfig machineConfig() {
      return MachineConfig.of(config[0], config[1], config[2]);
    }

    Function<MachineConfig, Construction> family() {
      Function<MachineConfig, Construction> faulty = FaultyConstructions.all().get(construction);
      return faulty != null ? faulty : c -> Constructions.build(construction, c);
    }

    Backend backendObject() {
      return Backends.named(backend);
    }

    @SuppressWarnings("unchecked")
    ExhaustiveCheck<Disagreement> exhaustive() {
      return (ExhaustiveCheck<Disagreement>) BUILT.computeIfAbsent(this,
          s -> PaperStates.check(family().apply(machineConfig()),
              slot ? PaperStates.Scope.SLOT_AT_PC : PaperStates.Scope.ALL_PROGRAMS,
              backendObject()).withThreads(1));
    }

    PaperTrials.Settings settings() {
      ConfigRange range = config == null ? ConfigRange.upTo(8, 3, 3)
          : ConfigRange.exactly(machineConfig());
      return PaperTrials.Settings.of(range, tries, seed);
    }

    @SuppressWarnings("unchecked")
    DifferentialCampaign<Counterexample> differential() {
      return (DifferentialCampaign<Counterexample>) BUILT.computeIfAbsent(this,
          s -> PaperTrials.of(construction, family(), backendObject()).campaign(settings())
              .withThreads(1));
    }

    @SuppressWarnings("unchecked")
    MutationCampaign<Construction> mutation() {
      return (MutationCampaign<Construction>) BUILT.computeIfAbsent(this,
          s -> PaperTrials.mutation(family().apply(machineConfig()), backendObject(),
              settings()).withThreads(1));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Job s && kind.equals(s.kind) && construction.equals(s.construction)
          && Arrays.equals(config, s.config) && slot == s.slot && backend.equals(s.backend)
          && tries == s.tries && seed == s.seed;
    }

    @Override
    public int hashCode() {
      return kind.hashCode() * 31 + construction.hashCode() + Arrays.hashCode(config)
          + Long.hashCode(seed) + tries;
    }
  }

  private Job spec() {
    if (!List.of("exhaustive", "differential", "mutation").contains(kind)) {
      throw UserError.because("campaign %s: expected exhaustive, differential or mutation",
          kind);
    }
    if (!Constructions.names().contains(construction)
        && !FaultyConstructions.all().containsKey(construction)) {
      throw UserError.because("--construction %s: expected one of %s or %s", construction,
          Constructions.names(), FaultyConstructions.all().keySet());
    }
    int[] c = null;
    String text = config != null ? config : kind.equals("differential") ? null : "3,2,2";
    if (text != null) {
      try {
        c = Arrays.stream(text.split(",", -1)).map(String::strip).mapToInt(Integer::parseInt)
            .toArray();
        if (c.length != 3) {
          throw new NumberFormatException();
        }
        MachineConfig.of(c[0], c[1], c[2]);
      } catch (IllegalArgumentException e) {
        throw UserError.because("--config %s: expected N,A,C", text);
      }
    }
    if (!List.of("all", "slot").contains(scope)) {
      throw UserError.because("--scope %s: expected all or slot", scope);
    }
    try {
      Backends.named(backend);
    } catch (IllegalArgumentException e) {
      throw UserError.because("--backend %s: %s", backend, e.getMessage());
    }
    int t = tries != null ? tries : kind.equals("mutation") ? 64 : 2000;
    if (t < 1 || partsPerCore < 1) {
      throw UserError.because("--tries and --parts must be at least 1");
    }
    return new Job(kind, construction, c, scope.equals("slot"), backend, t, seed);
  }

  /** [from, to) ranges cutting [0, total) into about {@code pieces} pieces. */
  static List<long[]> ranges(long total, int pieces) {
    List<long[]> out = new ArrayList<>();
    long step = Math.max(1, (total + pieces - 1) / pieces);
    for (long from = 0; from < total; from += step) {
      out.add(new long[] {from, Math.min(total, from + step)});
    }
    if (out.isEmpty()) {
      out.add(new long[] {0, 0});
    }
    return out;
  }

  /** Spark tasks for {@code ranges}: a few per core (each runs its share of ranges in turn). */
  private static int slices(JavaSparkContext sc, List<long[]> ranges) {
    return Math.min(ranges.size(), 4 * sc.defaultParallelism());
  }

  private int pieces(JavaSparkContext sc) {
    return sc == null ? 1 : partsPerCore * sc.defaultParallelism();
  }

  private int exhaustive(PrintWriter o, Job job, JavaSparkContext sc) {
    ExhaustiveCheck<Disagreement> check = job.exhaustive();
    long t0 = System.nanoTime();
    long states = check.space().states();
    ExhaustiveCheck.Part whole;
    if (check.space().refusal().isPresent()) {
      whole = new ExhaustiveCheck.Part(0, states, 0, -1);
    } else {
      List<long[]> ranges = ranges(states, pieces(sc));
      List<ExhaustiveCheck.Part> parts = sc == null
          ? ranges.stream().map(r -> check.part(r[0], r[1])).toList()
          : sc.parallelize(ranges, slices(sc, ranges))
              .map(r -> job.exhaustive().part(r[0], r[1])).collect();
      whole = parts.stream().reduce(ExhaustiveCheck.Part::then).orElseThrow();
    }
    ExhaustiveCheck.Result<Disagreement> r =
        check.result(whole, Duration.ofNanos(System.nanoTime() - t0));
    o.println(r);
    o.printf(Locale.ROOT, "counts: states=%d checked=%d first-disagreement=%d proved=%s%n",
        r.states(), r.checked(), whole.firstDisagreement(), r.proved());
    o.printf(Locale.ROOT, "states/s: %.0f%n", r.checked() / Math.max(1e-9,
        (System.nanoTime() - t0) / 1e9));
    return r.proved() ? Main.OK : Main.FOUND;
  }

  private int differential(PrintWriter o, Job job, JavaSparkContext sc) {
    DifferentialCampaign<Counterexample> campaign = job.differential();
    long t0 = System.nanoTime();
    List<long[]> ranges = ranges(job.tries(), pieces(sc));
    List<DifferentialCampaign.Part> parts = sc == null
        ? ranges.stream().map(r -> campaign.part((int) r[0], (int) r[1])).toList()
        : sc.parallelize(ranges, slices(sc, ranges))
            .map(r -> job.differential().part((int) r[0], (int) r[1])).collect();
    DifferentialCampaign.Part whole =
        parts.stream().reduce(DifferentialCampaign.Part::then).orElseThrow();
    // the failing try (if any) is shrunk here, as a single-process run does
    DifferentialCampaign.Result<Counterexample> r =
        campaign.result(whole, Duration.ofNanos(System.nanoTime() - t0));
    r.report().lines().forEach(l -> o.println("  " + l));
    o.printf(Locale.ROOT, "counts: tries=%d passes=%d coverage=%s failing-try=%d%n", r.tries(),
        r.passes(), r.coverage(), whole.failingTry());
    return r.passed() ? Main.OK : Main.FOUND;
  }

  private int mutation(PrintWriter o, Job job, JavaSparkContext sc) {
    MutationCampaign<Construction> campaign = job.mutation();
    int mutants = MutationCampaign.mutants(job.family().apply(job.machineConfig())).size();
    List<long[]> ranges = ranges(mutants, Math.max(1, pieces(sc)));
    List<MutationCampaign.Part> parts = sc == null
        ? ranges.stream().map(r -> campaign.part((int) r[0], (int) r[1])).toList()
        : sc.parallelize(ranges, slices(sc, ranges))
            .map(r -> job.mutation().part((int) r[0], (int) r[1])).collect();
    MutationCampaign.Part whole = parts.stream().reduce(MutationCampaign.Part::then)
        .orElseThrow();
    o.print(whole.table());
    long survivors = whole.count(null, MutationCampaign.Verdict.SURVIVED_NOT_EQUIVALENT);
    if (whole.firstSurvivor() >= 0) {
      o.println("first non-equivalent survivor: " + whole.survivor());
    }
    o.printf(Locale.ROOT, "counts: mutants=%d killed=%d equivalent=%d survivors=%d%n",
        whole.count(null, null), whole.count(null, MutationCampaign.Verdict.KILLED),
        whole.count(null, MutationCampaign.Verdict.EQUIVALENT), survivors);
    return survivors == 0 ? Main.OK : Main.FOUND;
  }
}
