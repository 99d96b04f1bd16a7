package org.loopmlp.isa.classic.gen;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import org.loopmlp.isa.asm.ClassicPrinter;
import org.loopmlp.isa.asm.ClassicProgram;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;

/**
 * A generated classic machine: its config, the state it starts in and the bytes its input holds.
 * {@link #toString()} is a {@code .slq} text that reruns the case (the config, pc and input in
 * {@code #} comments), so a shrunk counterexample can be pasted into a file and run.
 *
 * @param config the machine's size
 * @param state the initial state (pc 0 for generated programs; any pc for generated states)
 * @param input the bytes the input holds, then end of input
 */
public record ClassicCase(ClassicConfig config, ClassicState state, byte[] input) {
  public ClassicCase {
    checkNotNull(config, "config");
    checkNotNull(state, "state");
    checkNotNull(input, "input");
    checkArgument(config.equals(state.config()), "state is for %s, not %s", state.config(),
        config);
    input = input.clone();
  }

  /** The input bytes (a copy). */
  @Override
  public byte[] input() {
    return input.clone();
  }

  /** A fresh input source over {@link #input()}. */
  public ByteInput inputSource() {
    return ByteInput.of(input);
  }

  /** Runs the reference machine from {@link #state()} for at most {@code maxSteps}, traced. */
  public ClassicRun runTraced(long maxSteps) {
    return ClassicRunner.runTraced(state, inputSource(), ByteOutput.discard(), maxSteps);
  }

  /** Runs the reference machine and returns what it printed, with the run. */
  public Outcome run(long maxSteps) {
    ByteOutput.Collecting out = ByteOutput.collecting();
    ClassicRun run = ClassicRunner.run(state, inputSource(), out, maxSteps);
    return new Outcome(run, out.bytes());
  }

  /** The result of {@link #run}: the run and the bytes printed. */
  public record Outcome(ClassicRun run, byte[] output) {}

  /**
   * The memory image as {@code .slq} text: comment lines with config, pc and input, then all
   * words up to the last non-zero one, three to a line (an instruction per line: code starts at
   * 0).
   */
  public String toSlq() {
    List<String> comments = new ArrayList<>();
    if (state.pc() != 0) {
      comments.add("pc=" + state.pc() + " (a .slq image starts at pc 0: set pc to rerun)");
    }
    comments.add("input (" + input.length + " bytes): " + inputText());
    return ClassicPrinter.slq(config, ClassicProgram.of(state).image(), comments);
  }

  /** The memory image as classic {@code .sq} text ({@link ClassicPrinter#sq}); pc and input not. */
  public String toSq() {
    return ClassicPrinter.sq(ClassicProgram.of(state));
  }

  /**
   * The input as a quoted Java-style string: printable ASCII as itself, {@code \n}, {@code \t},
   * {@code \\}, {@code \"}, and every other byte as {@code \xHH}.
   */
  public String inputText() {
    StringBuilder s = new StringBuilder("\"");
    for (byte b : input) {
      int v = b & 0xFF;
      if (v == '\n') {
        s.append("\\n");
      } else if (v == '\t') {
        s.append("\\t");
      } else if (v == '"' || v == '\\') {
        s.append('\\').append((char) v);
      } else if (v >= 0x20 && v < 0x7F) {
        s.append((char) v);
      } else {
        s.append(String.format("\\x%02x", v));
      }
    }
    return s.append('"').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassicCase c && config.equals(c.config) && state.equals(c.state)
        && java.util.Arrays.equals(input, c.input);
  }

  @Override
  public int hashCode() {
    return (config.hashCode() * 31 + state.hashCode()) * 31 + java.util.Arrays.hashCode(input);
  }

  @Override
  public String toString() {
    return "\n" + toSlq();
  }
}
