package org.loopmlp.verify.classic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;

/**
 * A generated classic machine: config, memory (code and data alike), pc, the input bytes (end of
 * input after them) and the number of passes to run. Prints as a rerunnable {@code .slq} image.
 */
record ClassicCase(ClassicConfig config, long[] memory, long pc, byte[] input, int passes) {
  ClassicState state() {
    return ClassicState.of(config, memory, pc);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(config).append(", pc ").append(pc).append(", ").append(passes)
        .append(" passes, input ").append(Arrays.toString(input)).append(" (\"")
        .append(new String(input, StandardCharsets.ISO_8859_1)).append("\")\n");
    for (int i = 0; i < memory.length; i++) {
      s.append(memory[i]).append(i % 3 == 2 ? "\n" : " ");
    }
    return s.toString();
  }
}
