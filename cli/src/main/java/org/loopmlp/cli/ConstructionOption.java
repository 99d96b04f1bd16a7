package org.loopmlp.cli;

import java.util.Iterator;
import java.util.List;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.NarrowConstruction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeReport;
import org.loopmlp.isa.MachineConfig;
import picocli.CommandLine.Option;

/**
 * {@code --construction NAME}: which construction the command builds. The command line offers
 * the ones whose size it can estimate before building (closed forms exact for {@code paper},
 * {@code onehot} and {@code onehot-split}, the paper's bound for {@code compact}); {@link
 * Constructions} has more.
 */
final class ConstructionOption {
  /** The constructions the command line builds, in the order {@code --help} lists them. */
  static final List<String> NAMES = List.of(PaperConstruction.NAME, CompactConstruction.NAME,
      OneHotConstruction.NAME, OneHotConstruction.SPLIT_NAME, NarrowConstruction.NAME);

  /** The classic machine's constructions ({@code --isa classic}). */
  static final List<String> CLASSIC_NAMES = ClassicConstruction.names();

  @Option(names = "--construction", paramLabel = "NAME", completionCandidates = Names.class,
      description = "Which construction: ${COMPLETION-CANDIDATES} (default: paper); with --isa"
          + " classic: classic (8 layers), classic-split (14 layers, addresses decoded in"
          + " halves: fastest with --backend incremental), classic-narrow (9 layers, weights in"
          + " {-2..2}: exact in float16 up to 2^10 words) or classic-narrow-split (15 layers)"
          + " (default: classic).")
  String name;

  /** The chosen name, or a {@link UserError} listing the known ones. */
  String name() {
    String name = this.name == null ? PaperConstruction.NAME : this.name;
    if (!NAMES.contains(name)) {
      if (CLASSIC_NAMES.contains(name)) {
        throw UserError.because("construction '%s' is for --isa classic", name);
      }
      if (Constructions.names().contains(name)) {
        throw UserError.because("construction '%s' is not offered on the command line: its size"
            + " cannot be estimated before building; choose one of %s", name, NAMES);
      }
      throw UserError.because("unknown construction '%s', expected one of %s", name, NAMES);
    }
    return name;
  }

  /** The chosen classic construction (default {@code classic}), or a {@link UserError}. */
  String classicName() {
    String name = this.name == null ? ClassicConstruction.NAME : this.name;
    if (!CLASSIC_NAMES.contains(name)) {
      throw UserError.because("with --isa classic, --construction must be one of %s, was '%s'",
          CLASSIC_NAMES, name);
    }
    return name;
  }

  /** The name given with {@code --construction}, or null when it was not given. */
  String given() {
    return name;
  }

  boolean isPaper() {
    return name().equals(PaperConstruction.NAME);
  }

  /** The names, for {@code --help}. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }
}
