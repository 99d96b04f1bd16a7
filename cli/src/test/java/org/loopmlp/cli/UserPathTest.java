package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths in messages are the ones the user typed (relative stays relative), and a PNG is
 * only written under a name that says PNG.
 */
class UserPathTest {
  /** A relative directory under the module's target/ that does not exist. */
  private static final String MISSING = "target/user-path-test-missing";

  private static String cwd() {
    return Path.of("").toAbsolutePath().toString();
  }

  @Test
  void aMissingDirectoryIsNamedAsTyped(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    Cli.Result r = BadInputTest.assertUsageError("the directory " + MISSING + " does not exist",
        "trace", f.toString(), "--png", MISSING + "/x.png");
    assertFalse(r.err().contains(cwd()), r.err());
  }

  @Test
  void exportIntoAMissingDirectoryIsNamedAsTyped() {
    Cli.Result r = BadInputTest.assertUsageError(MISSING, "export", "--config", "2,1,1",
        "--out", MISSING + "/net.txt");
    assertFalse(r.err().contains(cwd()), r.err());
  }

  @Test
  void proveOntoAFileIsNamedAsTyped() throws Exception {
    Path file = Path.of("target/user-path-test-a-file");
    Files.writeString(file, "x");
    Cli.Result r = BadInputTest.assertUsageError(file.toString(), "prove", "--config", "2,1,1",
        "--out", file.toString());
    assertFalse(r.err().contains(cwd()), r.err());
  }

  @Test
  void certcheckOfAMissingFileIsNamedAsTyped() {
    Cli.Result r = BadInputTest.assertUsageError(MISSING + "/n.txt.gz", "certcheck",
        "--network", MISSING + "/n.txt.gz", "--certificate", MISSING + "/c.txt.gz");
    assertFalse(r.err().contains(cwd()), r.err());
  }

  @Test
  void pngBytesGoOnlyIntoAPngFile(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    Path jpg = dir.resolve("out.jpg");
    Cli.Result r = BadInputTest.assertUsageError(".png", "trace", f.toString(), "--png",
        jpg.toString());
    assertTrue(r.out().isEmpty(), r.out());
    assertFalse(Files.exists(jpg));
    BadInputTest.assertUsageError(".png", "trace", f.toString(), "--png",
        dir.resolve("noextension").toString());
  }
}
