package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.isa.classic.ClassicState;

/**
 * A decoded pass output of the classic network.
 *
 * @param state memory and pc after the pass
 * @param offeredInput the byte the input port still holds, or -1 (end of input)
 * @param taken the network took the offered byte (an input or echo step)
 * @param output the byte printed, or -1 when the pass printed nothing
 * @param executed an instruction ran (false exactly at a halted pc)
 */
public record ClassicPassOutput(ClassicState state, int offeredInput, boolean taken, int output,
    boolean executed) {
  public ClassicPassOutput {
    checkNotNull(state, "state");
  }

  public boolean prints() {
    return output >= 0;
  }
}
