package org.loopmlp.cli;

import org.loopmlp.exact.Backend;
import picocli.CommandLine.Option;

/** {@code --backend B}: the arithmetic the network runs in. */
final class BackendOption {
  /** The backend when {@code --backend} is not given (but see {@link ClassicFastPath}). */
  static final String DEFAULT = "exact";

  @Option(names = "--backend", paramLabel = "B", completionCandidates = BackendNames.class,
      description = "Arithmetic of the network: ${COMPLETION-CANDIDATES} (default: exact;"
          + " run --isa classic --engine mlp: the fastest for the size).")
  String name;

  /** The chosen backend, or a {@link UserError} listing the known names. */
  Backend backend() {
    return BackendNames.backend(name == null ? DEFAULT : name);
  }

  /** The name given with {@code --backend}, or null when it was not given. */
  String given() {
    return name;
  }
}
