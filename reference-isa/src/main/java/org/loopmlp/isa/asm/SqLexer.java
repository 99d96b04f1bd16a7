package org.loopmlp.isa.asm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical layer both assemblers of {@code .sq} text share (SPEC §4 for the paper machine,
 * docs/classic.md for the classic one): lines, tokens with their line and column, numbers,
 * {@code .config} entries, and errors that point at a token. {@code quotes}: whether a token may
 * be a quoted string or character (the classic syntax), which may then hold spaces and {@code ;}.
 */
final class SqLexer {
  static final Pattern NUMBER = Pattern.compile("([+-]?)(0[xX][0-9a-fA-F]+|[0-9]+)");
  static final Pattern NUMBERISH = Pattern.compile("[+-]?[0-9].*");
  static final Pattern DIRECTIVE = Pattern.compile("\\.[A-Za-z][A-Za-z0-9_]*");

  /** A token of a line; line and column count from 1. */
  record Token(String text, int line, int column) {}

  /** A {@code .config} entry {@code key=value}: the key, and the value as a token of its own. */
  record Entry(String key, Token value) {}

  private final String file;
  private final boolean quotes;

  SqLexer(String file, boolean quotes) {
    this.file = file;
    this.quotes = quotes;
  }

  /**
   * Hands the tokens of every line of {@code text} that has any, in order, to {@code line}; a byte
   * order mark is not part of the program (editors on some systems write one).
   */
  void scan(String text, Consumer<List<Token>> line) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = body.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      List<Token> tokens = tokenize(lines[i], i + 1);
      if (!tokens.isEmpty()) {
        line.accept(tokens);
      }
    }
  }

  /** The tokens of one line: runs of non-blank characters up to a {@code ;} comment. */
  List<Token> tokenize(String line, int lineNumber) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char ch = line.charAt(i);
      if (ch == ';') {
        break;
      }
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      int start = i;
      if (quotes && (ch == '"' || ch == '\'')) {
        i++;
        while (i < n && line.charAt(i) != ch) {
          i += line.charAt(i) == '\\' && i + 1 < n ? 2 : 1;
        }
        if (i >= n) {
          throw new SqFormatException(file, lineNumber, start + 1,
              "unterminated " + (ch == '"' ? "string" : "character")
                  + ": expected a closing " + ch);
        }
        i++;
      } else {
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != ';') {
          i++;
        }
      }
      tokens.add(new Token(line.substring(start, i), lineNumber, start + 1));
    }
    return tokens;
  }

  /** The error at {@code at}: file, line and column, and the message. */
  SqFormatException error(Token at, String format, Object... args) {
    return new SqFormatException(file, at.line(), at.column(), String.format(format, args));
  }

  /** A decimal (optionally signed) or hexadecimal integer. */
  BigInteger number(Token token) {
    Matcher m = NUMBER.matcher(token.text());
    if (!m.matches()) {
      throw error(token, "malformed number '%s': expected a decimal integer such as 42 or -7, "
          + "or a hexadecimal one such as 0x2A", token.text());
    }
    String digits = m.group(2);
    BigInteger magnitude = digits.length() > 2 && (digits.charAt(1) == 'x'
        || digits.charAt(1) == 'X')
        ? new BigInteger(digits.substring(2), 16)
        : new BigInteger(digits);
    return m.group(1).equals("-") ? magnitude.negate() : magnitude;
  }

  /** The {@code key=value} of a {@code .config} argument. */
  Entry entry(Token arg) {
    int eq = arg.text().indexOf('=');
    if (eq <= 0) {
      throw error(arg, "malformed .config entry '%s': expected key=value, e.g. word=8",
          arg.text());
    }
    return new Entry(arg.text().substring(0, eq),
        new Token(arg.text().substring(eq + 1), arg.line(), arg.column() + eq + 1));
  }
}
