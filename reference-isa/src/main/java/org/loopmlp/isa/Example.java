package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.isa.asm.SqProgram;

/**
 * One of the example programs shipped in {@code examples/}.
 *
 * @param name the file name without {@code .sq}, e.g. {@code gcd}
 * @param program the assembled program
 * @param sourceText the program text as written
 */
public record Example(String name, SqProgram program, String sourceText) {
  public Example {
    checkNotNull(name);
    checkNotNull(program);
    checkNotNull(sourceText);
  }

  /** The text of the first comment line, e.g. {@code gcd: A = B = gcd(A, B) by ...}. */
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
