package org.loopmlp.isa.asm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * An assembled {@code .sq} program: its config, all 2^C program slots, the initial state (memory
 * from the data section, pc 0 unless {@code .config} says {@code pc=}), and the labels. Data
 * labels name addresses in [0, 2^A], code labels slots in [0, 2^C] (a label at the very end
 * names the first position after the last cell or instruction). Labels share one namespace; the
 * name {@code Z} is reserved for the zero cell and, when present, is a data label inside memory.
 */
public record SqProgram(
    MachineConfig config,
    Program program,
    MachineState initialState,
    ImmutableMap<String, Integer> dataLabels,
    ImmutableMap<String, Integer> codeLabels) {

  /** The reserved zero cell used by {@code HALT}. */
  public static final String ZERO_CELL = "Z";

  static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public SqProgram {
    checkNotNull(config);
    checkArgument(config.equals(program.config()), "program is for %s, not %s",
        program.config(), config);
    checkArgument(config.equals(initialState.config()), "state is for %s, not %s",
        initialState.config(), config);
    checkLabels(dataLabels, config.dataSize());
    checkLabels(codeLabels, config.codeSize());
    for (String name : dataLabels.keySet()) {
      checkArgument(!codeLabels.containsKey(name), "label %s is both data and code", name);
    }
    checkArgument(!codeLabels.containsKey(ZERO_CELL), "Z is reserved for a data cell");
    checkArgument(!dataLabels.containsKey(ZERO_CELL)
        || dataLabels.get(ZERO_CELL) < config.dataSize(), "Z must name a cell inside memory");
  }

  private static void checkLabels(Map<String, Integer> labels, int size) {
    labels.forEach((name, at) -> {
      checkArgument(LABEL.matcher(name).matches() && !name.equals("HALT"),
          "invalid label name %s", name);
      checkArgument(at >= 0 && at <= size, "label %s = %s outside [0, %s]", name, at, size);
    });
  }

  /** A program and state without labels, e.g. a generated one. */
  public static SqProgram of(Program program, MachineState initialState) {
    return new SqProgram(program.config(), program, initialState, ImmutableMap.of(),
        ImmutableMap.of());
  }

  /** The address a data label names. */
  public int address(String label) {
    Integer at = dataLabels.get(label);
    checkArgument(at != null, "no data label %s", label);
    return at;
  }

  /** The slot a code label names. */
  public int slot(String label) {
    Integer at = codeLabels.get(label);
    checkArgument(at != null, "no code label %s", label);
    return at;
  }

  /** The initial value of the cell a data label names. */
  public long initialWord(String label) {
    return initialState.word(address(label));
  }
}
