package org.loopmlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;
import org.loopmlp.prove.StageProof;
import org.loopmlp.verify.FrameProof;

/**
 * The stage-lemma section of {@code loopmlp check}: the prover on every stage, its certificate
 * re-checked by the independent checker (which also checks that the stages compose into one
 * SUBLEQ step: the prover alone would pass stages in the wrong order), and every stage's frame
 * read off the weights. A lemma is reported as holding only when the checker accepted.
 */
final class LemmaTable {
  /** What the section found: counterexamples, and claims it could not show. */
  record Outcome(List<String> counterexamples, List<String> notShown) {
    boolean holds() {
      return counterexamples.isEmpty() && notShown.isEmpty();
    }
  }

  private LemmaTable() {}

  /** The prover's report, and the checker's verdict on its certificate when it ran. */
  private record Proved(ProofReport proof, Optional<CertificateChecker.Result> checked,
      long checkMillis) {
    boolean accepted() {
      return checked.map(CertificateChecker.Result::accepted).orElse(false);
    }
  }

  /** Proves, certifies and checks {@code c}, prints the table to {@code out}, progress to err. */
  static Outcome print(Construction c, boolean backendIsExact, PrintWriter out,
      PrintWriter err) {
    FrameProof.Result frame = FrameProof.prove(c);
    Proved proved = prove(c, err);
    printStages(c, frame, proved, out);
    List<String> counterexamples = new ArrayList<>();
    List<String> notShown = new ArrayList<>();
    printChecker(c, proved, out, notShown);
    if (!backendIsExact) {
      out.println("  (proofs are about the weights in exact arithmetic; the backend applies to"
          + " the runs below)");
    }
    ProofReport proof = proved.proof();
    out.printf(Locale.ROOT, "  (prover: %,d cases in %d ms; frame: %,d identity rows read off the"
        + " weights; the layers are the same at every size)%n%n", proof.cases(), proof.millis(),
        frame.obligations());
    for (StageProof p : proof.stages()) {
      p.counterexample().ifPresent(x -> {
        out.println("  counterexample to the " + p.name() + " lemma: " + x.summary());
        counterexamples.add("stage " + p.name() + " lemma at " + Configs.format(c.config()));
      });
      if (p.counterexample().isEmpty() && !p.proved()) {
        notShown.add("stage " + p.name() + " not proved within the case budget");
      }
    }
    for (FrameProof.Violation v : frame.violations()) {
      out.println("  frame violation: " + v);
      counterexamples.add("frame of stage " + v.stage());
    }
    if (!counterexamples.isEmpty() || !proof.proved()) {
      out.println();
    }
    out.flush();
    return new Outcome(counterexamples, notShown);
  }

  /** The prover into a temporary directory, then the independent checker on its files. */
  private static Proved prove(Construction c, PrintWriter err) {
    Path dir = temporaryDirectory();
    try {
      ProofReport proof;
      try (Progress progress = Progress.start(err, "proving the stage lemmas", c.lemmas().size(),
          "stages")) {
        proof = Prover.certifyInto(c, dir, new ProgressListener() {
          @Override
          public void stageFinished(StageProof p) {
            progress.advance();
          }
        });
      }
      if (proof.certificate().isEmpty() || proof.network().isEmpty()) {
        return new Proved(proof, Optional.empty(), 0);
      }
      long start = System.nanoTime();
      CertificateChecker.Result r;
      try (Progress progress = Progress.start(err, "independent checker", 1, "certificate")) {
        r = CertificateChecker.check(proof.network().get(), proof.certificate().get());
        progress.advance();
      }
      return new Proved(proof, Optional.of(r), (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void printStages(Construction c, FrameProof.Result frame, Proved proved,
      PrintWriter out) {
    out.printf(Locale.ROOT, "stage lemmas, proved for all inputs of %s and re-checked by the"
        + " independent checker%n", Configs.format(c.config()));
    out.printf(Locale.ROOT, "  %-14s %-20s %6s %4s %7s  %-36s %-9s %s%n", "stage", "paper",
        "budget", "ours", "layers", "lemma (prover)", "frame", "result");
    for (int i = 0; i < c.lemmas().size(); i++) {
      StageLemma<PaperStep> l = c.lemmas().get(i);
      StageProof p = proved.proof().stages().get(i);
      boolean frameHolds = frame.violations().stream().noneMatch(v -> v.stage().equals(l.name()));
      String lemma = p.proved()
          ? String.format(Locale.ROOT, "all inputs (%,d cases)", p.cases())
          : p.counterexample().isPresent() ? "COUNTEREXAMPLE" : "not proved (case budget)";
      String result = p.counterexample().isPresent() || !frameHolds ? "FAILS"
          : !p.proved() || !proved.accepted() ? "NOT SHOWN"
          : l.withinBudget() ? "holds" : "OVER BUDGET";
      out.printf(Locale.ROOT, "  %-14s %-20s %6d %4d %7s  %-36s %-9s %s%n", l.name(),
          l.paperLabel(), l.budget(), l.layerCount(), l.firstLayer() + ".." + l.lastLayer(),
          lemma, frameHolds ? "proved" : "VIOLATED", result);
    }
    out.printf(Locale.ROOT, "  %-14s %-20s %6d %4d%n", "total", "", PaperCheck.paperDepth(c),
        c.depth());
  }

  private static void printChecker(Construction c, Proved proved, PrintWriter out,
      List<String> notShown) {
    if (proved.checked().isEmpty()) {
      out.println("  independent checker: not run (the prover did not prove every stage)");
    } else if (proved.accepted()) {
      CertificateChecker.Result r = proved.checked().get();
      out.printf(Locale.ROOT, "  independent checker: ACCEPTED (%,d cases, %,d neuron facts"
          + " re-derived in %d ms):%n    every lemma follows from the weights, and the stages"
          + " compose into one SUBLEQ step%n", r.cases(), r.facts(), proved.checkMillis());
    } else {
      out.println("  independent checker: REJECTED: " + proved.checked().get().message());
      notShown.add("the independent checker rejected the certificate of " + Configs.format(
          c.config()));
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("loopmlp-check-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover file in the temporary directory changes no result.
    }
  }
}
