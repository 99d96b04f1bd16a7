package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.isa.asm.ClassicProgram;

/**
 * One of the classic example programs shipped in {@code examples/classic/}.
 *
 * @param name the file name without {@code .sq}, e.g. {@code hello}
 * @param program the assembled program
 * @param sourceText the program text as written
 * @param input the bytes of {@code NAME.input} beside it (empty when there is none)
 */
public record ClassicExample(String name, ClassicProgram program, String sourceText,
    byte[] input) {
  public ClassicExample {
    checkNotNull(name);
    checkNotNull(program);
    checkNotNull(sourceText);
    input = input.clone();
  }

  @Override
  public byte[] input() {
    return input.clone();
  }

  /** The text of the first comment line, e.g. {@code hello: prints "Hello, world!" ...}. */
  public String description() {
    for (String line : sourceText.split("\n")) {
      String t = line.strip();
      if (t.startsWith(";")) {
        return t.substring(1).strip();
      }
    }
    return name;
  }
}
