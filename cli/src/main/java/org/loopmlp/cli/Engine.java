package org.loopmlp.cli;

/** {@code run --engine}: which engines run the program. */
enum Engine {
  /** The network alone (unchecked). */
  mlp,
  /** The reference machine alone. */
  reference,
  /** The network in checked mode beside the reference machine, compared at every step. */
  both;

  /** True when the network runs. */
  boolean runsNetwork() {
    return this != reference;
  }
}
