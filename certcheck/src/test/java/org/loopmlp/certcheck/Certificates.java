package org.loopmlp.certcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.loopmlp.exact.Network;

/** Test helpers shared by the checker's tests: edited copies of a proved certificate. */
final class Certificates {
  private Certificates() {}

  /** Checks a copy of {@code lines}, changed by {@code edit}, against {@code network}. */
  static CertificateChecker.Result checkEdited(Network network, Path dir, List<String> lines,
      UnaryOperator<List<String>> edit) throws IOException {
    Path file = Files.createTempFile(dir, "edited", ".txt");
    Files.write(file, edit.apply(new ArrayList<>(lines)), StandardCharsets.US_ASCII);
    return CertificateChecker.check(network, file);
  }

  /**
   * The index of the first line that starts with {@code prefix}, at or after the first line that
   * starts with {@code after}.
   */
  static int firstLine(List<String> ls, String after, String prefix) {
    int from = ls.indexOf(ls.stream().filter(l -> l.startsWith(after)).findFirst().orElseThrow());
    for (int i = from; i < ls.size(); i++) {
      if (ls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(prefix);
  }
}
