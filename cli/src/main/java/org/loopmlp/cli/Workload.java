package org.loopmlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;

/**
 * A real program that {@code loopmlp bench --program} runs to its halt on the reference machine
 * and through the network. One implementation per program format ({@code .sq} here); a format
 * plugs in by implementing this and adding its extension to {@link #load}.
 */
interface Workload {
  /** The file it was read from, for reports. */
  String name();

  /** The machine size the program runs at. */
  MachineConfig config();

  /** What the reference machine did: steps to the halt (or the limit), and how long it took. */
  record ReferenceRun(long steps, boolean halted, double seconds) {
    double stepsPerSecond() {
      return steps / seconds;
    }
  }

  /** Runs the reference machine from the first state until it halts or after {@code maxSteps}. */
  ReferenceRun runReference(long maxSteps);

  /** Builds the network of construction {@code name} for this program's machine. */
  Construction build(String name, PrintWriter err);

  /** The network's input for the program's first state. */
  StateVector firstInput(Construction construction);

  /**
   * Empty when {@code output} encodes the state the reference machine is in after {@code steps}
   * steps; otherwise what differs.
   */
  Optional<String> checkState(Construction construction, StateVector output, long steps);

  /** The workload in {@code file}, by its extension; a {@link UserError} for unknown formats. */
  static Workload load(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.endsWith(".sq")) {
      return SqWorkload.load(file);
    }
    if (IsaOption.isSlq(file)) {
      throw UserError.because("%s is a classic program (.slq): add --isa classic", file);
    }
    throw UserError.because("%s: expected a .sq program", file);
  }
}
