package org.loopmlp.cli;

import java.util.Locale;

/** One line naming the machine a measurement ran on. */
final class MachineInfo {
  private MachineInfo() {}

  static String line() {
    return String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s (%s), max heap %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), MemoryBudget.mib(Runtime.getRuntime().maxMemory()));
  }
}
