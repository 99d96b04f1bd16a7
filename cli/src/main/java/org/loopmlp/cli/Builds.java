package org.loopmlp.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeReport;
import org.loopmlp.isa.MachineConfig;

/** Builds constructions for the commands, refusing sizes whose estimate does not fit the heap. */
final class Builds {
  /** Builds estimated above this many bytes announce themselves and report their time. */
  private static final long ANNOUNCE_BYTES = 32L << 20;

  private Builds() {}

  /**
   * Refuses {@code config} with a {@link UserError} when building it would need more heap than is
   * available (the closed-form estimate, before anything is allocated).
   */
  static SizeEstimate<MachineConfig> requireFits(MachineConfig config) {
    return requireFits(PaperConstruction.NAME, config);
  }

  /** As {@link #requireFits(MachineConfig)}, with the closed form of construction {@code name}. */
  static SizeEstimate<MachineConfig> requireFits(String name, MachineConfig config) {
    SizeEstimate<MachineConfig> e =
        SizeReport.estimate(name, config).orElseGet(() -> SizeReport.estimate(config));
    MemoryBudget.require("building the network for " + Configs.format(config) + " ("
        + String.format(Locale.ROOT, "%,d", e.nonZeros()) + " weights)", e.buildHeapBytes(),
        MemoryBudget.availableBytes());
    return e;
  }

  /** The paper construction for {@code config}, after the memory check. */
  static Construction paper(MachineConfig config, PrintWriter err) {
    return build(PaperConstruction.NAME, config, err);
  }

  /**
   * The construction {@code name} (one of {@link ConstructionOption#NAMES}) for {@code config},
   * after the memory check with the construction's closed form (for {@code compact} the paper's,
   * a bound: same gadgets, fewer identity copies).
   */
  static Construction build(String name, MachineConfig config, PrintWriter err) {
    if (!Constructions.supports(name, config)) {
      throw UserError.because("the %s construction is not built for %s (its subtraction weighs"
          + " bit j by 2^j: N <= %d); the narrow construction goes to N = 64", name,
          Configs.format(config), PaperConstruction.MAX_WORD_BITS);
    }
    SizeEstimate<MachineConfig> e = requireFits(name, config);
    boolean announce = e.memoryBytes() >= ANNOUNCE_BYTES;
    if (announce) {
      err.printf(Locale.ROOT, "building the %s network for %s: up to %,d weights, about %s"
          + " ...%n", name, Configs.format(config), e.nonZeros(),
          MemoryBudget.mib(e.memoryBytes()));
      err.flush();
    }
    long start = System.nanoTime();
    Construction c = Constructions.build(name, config);
    if (announce) {
      err.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - start) / 1e9);
      err.flush();
    }
    return c;
  }
}
