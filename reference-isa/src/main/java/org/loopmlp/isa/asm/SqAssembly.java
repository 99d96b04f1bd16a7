package org.loopmlp.isa.asm;

import java.math.BigInteger;
import java.util.List;
import org.loopmlp.isa.asm.SqLexer.Token;

/**
 * One assembly run of either {@code .sq} syntax, program type {@code P}: pass 1 reads every line
 * ({@code .config} first, then directives and laid-out lines), pass 2 resolves what was laid out.
 * What the two assemblers share: the lexer, errors at a token, and the missing-{@code .config}
 * checks.
 */
abstract class SqAssembly<P> {
  final String file;
  final SqLexer lexer;
  private final String configSyntax;
  private final String firstLine;

  /**
   * @param configSyntax the {@code .config} line to suggest when it is missing
   * @param firstLine what a line before {@code .config} is called in that error
   */
  SqAssembly(String file, boolean quotes, String configSyntax, String firstLine) {
    this.file = file;
    this.lexer = new SqLexer(file, quotes);
    this.configSyntax = configSyntax;
    this.firstLine = firstLine;
  }

  final SqFormatException error(Token at, String format, Object... args) {
    return lexer.error(at, format, args);
  }

  final BigInteger number(Token token) {
    return lexer.number(token);
  }

  final P assemble(String text) {
    lexer.scan(text, this::line);
    if (!configured()) {
      throw new SqFormatException(file, 1, 1, "missing .config: expected " + configSyntax
          + " as the first line");
    }
    return resolve();
  }

  private void line(List<Token> tokens) {
    Token first = tokens.get(0);
    if (SqLexer.DIRECTIVE.matcher(first.text()).matches()) {
      directive(first, tokens.subList(1, tokens.size()));
      return;
    }
    if (!configured()) {
      throw error(first, "missing .config: expected %s before %s", configSyntax, firstLine);
    }
    layOut(tokens);
  }

  /** True once {@code .config} has been read. */
  abstract boolean configured();

  /** A directive line: its name and arguments. */
  abstract void directive(Token name, List<Token> args);

  /** Pass 1 on a line that is not a directive, after {@code .config}. */
  abstract void layOut(List<Token> tokens);

  /** Pass 2: the program. */
  abstract P resolve();
}
