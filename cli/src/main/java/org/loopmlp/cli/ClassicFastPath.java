package org.loopmlp.cli;

import java.util.Optional;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * Which classic construction and backend {@code run --isa classic --engine mlp} uses when the
 * user leaves them out: the fastest for the size. From 2^{@value #SPLIT_FROM_MEMORY_BITS} words
 * on that is {@code classic-split} on {@code incremental}: a pass there touches ~2^(A/2+1) units
 * of the decode, where {@code classic} on {@code exact} evaluates every unit (the corpus table
 * of onnx/README.md gives both rates per program; hsq_fib at 22,13 runs in minutes that way,
 * against an estimated 2 h 43 min; at 2^5 words already 1,576 against 505 passes/s on
 * rosetta_hello). Below, runs are short either way and {@code classic} builds the smaller
 * network.
 */
final class ClassicFastPath {
  /** The memory size from which {@code classic-split} on {@code incremental} is the fast path. */
  static final int SPLIT_FROM_MEMORY_BITS = 5;

  private ClassicFastPath() {}

  /** A construction and a backend by name. */
  record Choice(String construction, String backend) {
    String options() {
      return "--construction " + construction + " --backend " + backend;
    }
  }

  /** The fastest combination for {@code config}. */
  static Choice fastest(ClassicConfig config) {
    return config.memoryBits() >= SPLIT_FROM_MEMORY_BITS
        ? new Choice(ClassicConstruction.SPLIT_NAME, IncrementalBackend.INSTANCE.name())
        : new Choice(ClassicConstruction.NAME, ExactBackend.INSTANCE.name());
  }

  /**
   * What runs: each part the user gave, the fastest for {@code config} for each part left out
   * ({@code fast} false, i.e. not {@code --engine mlp}: {@code classic} on {@code exact}, the
   * checked mode's reference point).
   */
  static Choice resolve(ClassicConfig config, String construction, String backend,
      boolean fast) {
    Choice f = fast ? fastest(config)
        : new Choice(ClassicConstruction.NAME, ExactBackend.INSTANCE.name());
    return new Choice(construction == null ? f.construction() : construction,
        backend == null ? f.backend() : backend);
  }

  /**
   * The hint the progress (ETA) line carries when the user picked a combination that is slower
   * than the fast path for this size, with exact arithmetic as the fast path has; empty when
   * {@code chosen} is the fast path, the memory is too small for it to matter, or runs other
   * arithmetic (float, ONNX), which the user
   * picked for the arithmetic's sake.
   */
  static Optional<String> fasterHint(ClassicConfig config, Choice chosen, boolean exact) {
    Choice f = fastest(config);
    if (!exact || chosen.equals(f) || config.memoryBits() < SPLIT_FROM_MEMORY_BITS) {
      return Optional.empty();
    }
    return Optional.of("faster at this size: " + f.options());
  }
}
