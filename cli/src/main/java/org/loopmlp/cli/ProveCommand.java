package org.loopmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.certcheck.FloatFormat;
import org.loopmlp.construction.Construction;
import org.loopmlp.prove.PrecisionTable;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;
import org.loopmlp.prove.StageProof;
import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopmlp prove}: every stage lemma for all inputs of one size, with a certificate. */
@Command(
    name = "prove",
    header = "Prove every stage lemma for all inputs of one size; write and check a certificate.",
    description = {
        "Proves each of the six stage lemmas for every input of the given size, by "
            + "exact interval reasoning on a case split of the control bits (pc for fetch, "
            + "the address registers for read and write, the carries for subtract, the flag "
            + "for branch). With --out, writes the network and a certificate (the case split "
            + "and the on/off fact of every neuron in every case) into DIR, then runs the "
            + "small independent checker on those two files: it re-derives every fact in "
            + "exact rational arithmetic without the construction's code."
    },
    footerHeading = "%n",
    footer = {
        "Exit codes: 0 proved (and the certificate accepted); 1 a counterexample, a",
        "stage not proved within the case budget, or a rejected certificate; 2 usage",
        "or input error.",
        "",
        "Examples:",
        "  loopmlp prove --config 16,10,10",
        "  loopmlp prove --config 8,6,6 --out proof-8-6-6",
        "  loopmlp prove --config 8,6,6 --out proof-8-6-6 --force   # replace that proof",
        "  loopmlp prove --config 16,10,10 --construction compact --out proof-compact",
        "  loopmlp prove --config 32,10,10 --construction narrow --format float16",
        "  loopmlp prove --precision-table 6,6",
        "  loopmlp prove --isa classic --config 16,8 --out proof-classic"
    })
final class ProveCommand extends Subcommand {
  @Mixin ConstructionOption constructionOption;

  @Option(names = "--config", paramLabel = "N,A,C",
      description = "Word bits, data address bits, code address bits, e.g. 16,10,10; with"
          + " --isa classic N,A (word bits, memory address bits), e.g. 16,8.")
  String configText;

  MachineConfig config;

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      description = "subleq (default), or classic (--config N,A: word and memory address bits).")
  String isa;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Also prove that one pass equals one step when every layer is evaluated in "
          + "FORMAT (float16, bfloat16, float32, float64): every partial sum of every neuron "
          + "is an integer within 2^p, so exact in any summation order.")
  String format;

  @Option(names = "--precision-table", paramLabel = "A,C", arity = "0..1", fallbackValue = "6,6",
      description = "Prove paper, compact and narrow for N = 8, 16, 32, 64 at data and code "
          + "address bits A,C (default 6,6) and print the narrowest format proved exact.")
  String precisionTable;

  /** The largest partial sum the independent checker re-derived, when it ran. */
  private java.math.BigInteger checkedBound;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write network.txt.gz and certificate.txt.gz here (a new or empty"
          + " directory, see --force), then check them.")
  Path out;

  @Option(names = "--force",
      description = "Write into --out DIR even when it is not empty (replacing the network and"
          + " certificate there; other files are left alone).")
  boolean force;

  @Option(names = "--case-budget", paramLabel = "K",
      description = "Give up on a stage after K cases (default: 2^24).")
  Long caseBudget;

  /**
   * Refuses an --out that is a file, or a directory that already holds files unless --force;
   * with --force, removes the network and certificate a previous run left there, so that a
   * failed proof never leaves an old certificate beside the new network.
   */
  private void checkOutDirectory() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw UserError.because("--out %s is a file, expected a directory", out);
    }
    if (!Files.isDirectory(out)) {
      return;
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent() && !force) {
        throw UserError.because("--out %s is not empty; choose a new directory, or add --force"
            + " to replace the network and certificate in it", out);
      }
      for (String name : new String[] {Prover.NETWORK_FILE, Prover.CERTIFICATE_FILE}) {
        Files.deleteIfExists(out.resolve(name));
      }
    } catch (IOException e) {
      throw Inputs.cannotWrite(out, e);
    }
  }

  @Override
  public Integer call() {
    if (isa.equals("classic")) {
      if (format != null || precisionTable != null) {
        throw UserError.because("--format and --precision-table are for --isa subleq only");
      }
      if (caseBudget != null && caseBudget < 1) {
        throw UserError.because("--case-budget must be >= 1, was %d", caseBudget);
      }
      if (out != null) {
        checkOutDirectory();
      }
      return ClassicProve.run(constructionOption.classicName(), configText, out, caseBudget,
          out(), err());
    }
    if (configText != null) {
      try {
        config = Configs.parse(configText);
      } catch (picocli.CommandLine.TypeConversionException e) {
        throw new UserError("Invalid value for option '--config': " + e.getMessage());
      }
    }
    if (!isa.equals("subleq")) {
      throw UserError.because("--isa must be subleq or classic, was %s", isa);
    }
    if (precisionTable != null) {
      return precisionTable();
    }
    if (config == null) {
      throw UserError.because("--config N,A,C is required (or --precision-table)");
    }
    FloatFormat wanted = null;
    if (format != null) {
      wanted = FloatFormat.byLabel(format);
      if (wanted == null) {
        throw UserError.because("unknown --format '%s', expected one of %s", format,
            Arrays.stream(FloatFormat.values()).map(FloatFormat::label).toList());
      }
    }
    if (caseBudget != null && caseBudget < 1) {
      throw UserError.because("--case-budget must be >= 1, was %d", caseBudget);
    }
    if (out != null) {
      checkOutDirectory();
    }
    long budget = caseBudget != null ? caseBudget : Prover.DEFAULT_CASE_BUDGET;
    Construction c = Builds.build(constructionOption.name(), config, err());
    ProofReport report;
    try (Progress progress = Progress.start(err(), "prove", c.lemmas().size(), "stages")) {
      ProgressListener listener = new ProgressListener() {
        @Override
        public void stageFinished(StageProof proof) {
          progress.advance();
        }
      };
      if (out != null) {
        try {
          report = Prover.certifyInto(c, out, listener, budget);
        } catch (IOException e) {
          throw Inputs.cannotWrite(out, e);
        }
      } else {
        report = Prover.prove(c, listener, budget);
      }
    }
    out().println(report.summary());
    for (StageProof p : report.stages()) {
      p.counterexample().ifPresent(x -> out().println("counterexample to the " + p.name()
          + " lemma: " + x.summary()));
    }
    if (!report.proved()) {
      out().println("verdict: NOT PROVED");
      out().flush();
      return ExitCodes.FOUND;
    }
    if (report.certificate().isPresent() && report.network().isPresent()) {
      long start = System.nanoTime();
      CertificateChecker.Result r;
      try {
        r = CertificateChecker.check(report.network().get(), report.certificate().get());
      } catch (IOException e) {
        throw Inputs.cannotRead(report.certificate().get(), e);
      }
      out().printf(Locale.ROOT, "independent checker: %s (%d stages, %,d cases, %,d neuron facts"
          + " re-derived in %d ms)%n", r.accepted() ? "ACCEPTED" : "REJECTED: " + r.message(),
          r.stages(), r.cases(), r.facts(), (System.nanoTime() - start) / 1_000_000);
      if (r.accepted()) {
        checkedBound = r.largestBound();
        out().printf(Locale.ROOT, "independent checker: largest partial sum %,d, every layer exact"
            + " in %s%n", checkedBound, r.narrowestExactFormat() == null ? "no format"
            : r.narrowestExactFormat().label());
      }
      if (!r.accepted()) {
        out().println("verdict: CERTIFICATE REJECTED");
        out().flush();
        return ExitCodes.FOUND;
      }
    }
    if (wanted != null) {
      return formatVerdict(report, wanted);
    }
    out().printf(Locale.ROOT, "verdict: PROVED: all %d stage lemmas hold for every input of %s%n",
        report.stages().size(), Configs.format(config));
    out().flush();
    return ExitCodes.OK;
  }

  /** The verdict for {@code --format}: the lemmas are proved; is every layer exact in it? */
  private int formatVerdict(ProofReport report, FloatFormat wanted) {
    if (report.provedIn(wanted)
        && (checkedBound == null || wanted.holdsIntegersUpTo(checkedBound))) {
      out().printf(Locale.ROOT, "verdict: PROVED in %s: one pass equals one SUBLEQ step for every"
          + " input of %s with every layer evaluated in %s (largest partial sum %,d <= 2^%d)%n",
          wanted.label(), Configs.format(config), wanted.label(), report.largestBound(),
          wanted.precision());
      out().flush();
      return ExitCodes.OK;
    }
    StageProof widest = report.stages().stream()
        .max(java.util.Comparator.comparingLong(StageProof::largestBound)).orElseThrow();
    out().printf(Locale.ROOT, "verdict: NOT PROVED in %s: stage %s reaches partial sums up to %,d"
        + " > 2^%d%s%n", wanted.label(), widest.name(), widest.largestBound(), wanted.precision(),
        report.narrowestExactFormat().map(f -> "; narrowest format proved: " + f.label())
            .orElse(""));
    out().flush();
    return ExitCodes.FOUND;
  }

  private int precisionTable() {
    int[] ac;
    try {
      ac = Arrays.stream(precisionTable.split(",", -1)).map(String::trim)
          .mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      ac = new int[0];
    }
    if (ac.length != 2 || ac[0] < 1 || ac[1] < 1 || ac[0] > 12 || ac[1] > 12) {
      throw UserError.because("--precision-table expects A,C (address bits 1..12), got '%s'",
          precisionTable);
    }
    List<Integer> sizes = List.of(8, 16, 32, 64);
    List<String> names = PrecisionTable.defaultConstructions();
    PrecisionTable table;
    try (Progress progress = Progress.start(err(), "precision table",
        names.size() * sizes.size(), "cells")) {
      table = PrecisionTable.measure(names, sizes, ac[0], ac[1], cell -> progress.advance());
    }
    out().print(table.toMarkdown());
    out().flush();
    return ExitCodes.OK;
  }
}
