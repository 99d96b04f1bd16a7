package org.loopmlp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicRegisters;

/**
 * What a host needs, beside the graph, to run an exported classic model (onnx/README.md,
 * "Running a classic model"): the size, and the direction names of pc, memory, the I/O ports and
 * the pass flags, each register's bits least significant first, in the model's metadata. The
 * host loop is the one of {@code ClassicLoopedMlp}: clear the pass flags and put the next input
 * byte (or end of input) into the input port before each pass; after it, take the byte when
 * {@code in.taken} is 1, print {@code out.byte} when {@code out.valid} is 1, stop when {@code
 * executed} is 0.
 */
final class ClassicOnnxMetadata {
  static final String PREFIX = "loopmlp.classic.";

  private ClassicOnnxMetadata() {}

  static Map<String, String> of(ClassicConstruction c) {
    ClassicRegisters r = c.registers();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("loopmlp.isa", "classic");
    m.put(PREFIX + "word_bits", Integer.toString(c.config().wordBits()));
    m.put(PREFIX + "memory_bits", Integer.toString(c.config().memoryBits()));
    m.put(PREFIX + "memory_word", "mem[{address}]: its bits are the directions"
        + " mem[{address}].bit[{t}], t = 0 (least significant) .. word_bits - 1, two's"
        + " complement");
    m.put(PREFIX + "pc", names(r.pc()));
    m.put(PREFIX + "in_byte", names(r.inByte()));
    m.put(PREFIX + "in_eof", names(r.inEof()));
    m.put(PREFIX + "in_taken", names(r.inTaken()));
    m.put(PREFIX + "out_byte", names(r.outByte()));
    m.put(PREFIX + "out_valid", names(r.outValid()));
    m.put(PREFIX + "executed", names(r.executed()));
    m.put(PREFIX + "pass_flags", r.passFlags().stream().map(ClassicOnnxMetadata::names)
        .collect(Collectors.joining(",")));
    m.put(PREFIX + "host_loop", "before each pass: set every pass_flags direction to 0, and"
        + " in_byte to the next input byte (bits, least significant first) with in_eof 0, or"
        + " in_byte 0 and in_eof 1 at the end of input; every other direction is the previous"
        + " pass's output (the first pass: memory and pc of the program, everything else 0)."
        + " After the pass: executed 0 means halted (the output equals the input); in_taken 1"
        + " means the byte was consumed; out_valid 1 means out_byte is printed. Every entry of"
        + " every pass output is exactly 0 or 1.");
    return m;
  }

  /** The register's direction names, least significant bit first, comma-separated. */
  private static String names(Register reg) {
    return reg.bits().stream().map(Direction::name).collect(Collectors.joining(","));
  }
}
