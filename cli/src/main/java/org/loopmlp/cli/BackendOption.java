package org.loopmlp.cli;

import org.loopmlp.exact.Backend;
import picocli.CommandLine.Option;

/** {@code --backend B}: the arithmetic the network runs in. */
final class BackendOption {
  @Option(names = "--backend", paramLabel = "B", defaultValue = "exact",
      completionCandidates = BackendNames.class,
      description = "Arithmetic of the network: ${COMPLETION-CANDIDATES} (default:"
          + " ${DEFAULT-VALUE}).")
  String name;

  /** The chosen backend, or a {@link UserError} listing the known names. */
  Backend backend() {
    return BackendNames.backend(name);
  }
}
