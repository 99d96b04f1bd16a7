package org.loopmlp.construction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loopmlp.isa.MachineConfig;

/** Constructions for the tests, built once per config and test run. */
final class TestArbitraries {
  private static final Map<String, Construction> BUILT = new ConcurrentHashMap<>();

  private TestArbitraries() {}

  /** The paper construction for {@code config}. */
  static Construction paper(MachineConfig config) {
    return construction(PaperConstruction.NAME, config);
  }

  /** The construction called {@code name} for {@code config}. */
  static Construction construction(String name, MachineConfig config) {
    return BUILT.computeIfAbsent(name + " " + config, k -> Constructions.build(name, config));
  }
}
