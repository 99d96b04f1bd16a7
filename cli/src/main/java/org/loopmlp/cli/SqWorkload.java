package org.loopmlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.isa.asm.SqProgram;

/** A {@code .sq} program as a {@link Workload}: the SUBLEQ machine of this repository. */
final class SqWorkload implements Workload {
  private final String name;
  private final SqProgram program;

  private SqWorkload(String name, SqProgram program) {
    this.name = name;
    this.program = program;
  }

  static SqWorkload load(Path file) {
    return new SqWorkload(file.toString(), Programs.load(file));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public MachineConfig config() {
    return program.config();
  }

  @Override
  public ReferenceRun runReference(long maxSteps) {
    Program p = program.program();
    long start = System.nanoTime();
    MachineState s = program.initialState();
    long steps = 0;
    boolean halted = false;
    while (steps < maxSteps) {
      MachineState next = SubleqMachine.step(p, s);
      if (next.equals(s)) {
        halted = true;
        break;
      }
      s = next;
      steps++;
    }
    return new ReferenceRun(steps, halted, (System.nanoTime() - start) / 1e9);
  }

  @Override
  public Construction build(String construction, PrintWriter err) {
    return Builds.build(construction, program.config(), err);
  }

  @Override
  public StateVector firstInput(Construction construction) {
    return StateCodec.forConstruction(construction).encode(program.program(),
        program.initialState());
  }

  @Override
  public Optional<String> checkState(Construction construction, StateVector output,
      long steps) {
    Program p = program.program();
    MachineState expected = program.initialState();
    for (long t = 0; t < steps; t++) {
      expected = SubleqMachine.step(p, expected);
    }
    MachineState got;
    try {
      got = StateCodec.forConstruction(construction).decode(output).state();
    } catch (DecodeException e) {
      return Optional.of("the output is not a machine state: " + e.getMessage());
    }
    return got.equals(expected) ? Optional.empty()
        : Optional.of("after " + steps + " passes the network is at " + got
            + ", the reference machine at " + expected);
  }
}
