package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * {@code run --isa classic --engine mlp} without {@code --construction} and {@code --backend}
 * runs {@code classic-split} on {@code incremental} from 2^5 words on, and an explicit slower
 * pick there makes the progress (ETA) line name the faster combination.
 */
class ClassicFastPathTest {
  private static final Path HELLO = Path.of("../examples/classic/hello.sq"); // 2^6 words
  private static final Path HEAD = Path.of("../examples/classic/head.sq"); // 2^4 words

  private static Map<String, Object> runJson(String... extra) {
    String[] args = new String[5 + extra.length];
    System.arraycopy(new String[] {"run", HELLO.toString(), "--isa", "classic", "--json"}, 0,
        args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    Cli.Result r = Cli.run(args);
    assertEquals(ExitCodes.OK, r.code(), r.err());
    Map<String, Object> j = object(r.out());
    assertEquals("Hello, world!\n", j.get("output"));
    return j;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) {
    return (Map<String, Object>) MiniJson.parse(json);
  }

  @Test
  void theDefaultMlpRunIsTheFastPath() {
    assertEquals("incremental", runJson("--engine", "mlp").get("backend"));
    // an explicit backend is kept; the default of the checked run stays exact
    assertEquals("exact", runJson("--engine", "mlp", "--backend", "exact").get("backend"));
    assertEquals("exact", runJson().get("backend"));
    assertEquals(new ClassicFastPath.Choice("classic-split", "incremental"),
        ClassicFastPath.resolve(ClassicConfig.of(8, 5), null, null, true));
    assertEquals(new ClassicFastPath.Choice("classic", "incremental"),
        ClassicFastPath.resolve(ClassicConfig.of(22, 13), "classic", null, true));
    assertEquals(new ClassicFastPath.Choice("classic", "exact"),
        ClassicFastPath.resolve(ClassicConfig.of(8, 4), null, null, true));
    assertEquals(new ClassicFastPath.Choice("classic", "exact"),
        ClassicFastPath.resolve(ClassicConfig.of(22, 13), null, null, false));
  }

  @Test
  void anExplicitSlowPickNamesTheFasterOneOnTheEtaLine() {
    String slow = ClassicProgramRun.progressTask(ClassicConfig.of(22, 13),
        new ClassicFastPath.Choice("classic", "exact"), true, true, false);
    assertEquals("network passes (classic, exact; faster at this size: --construction"
        + " classic-split --backend incremental)", slow);
    String fast = ClassicProgramRun.progressTask(ClassicConfig.of(22, 13),
        new ClassicFastPath.Choice("classic-split", "incremental"), true, true, false);
    assertFalse(fast.contains("faster"), fast);
    // float arithmetic is picked for its own sake; tiny memories do not matter
    assertFalse(ClassicProgramRun.progressTask(ClassicConfig.of(22, 13),
        new ClassicFastPath.Choice("classic", "float16"), false, true, false)
        .contains("faster"));
    assertFalse(ClassicProgramRun.progressTask(ClassicConfig.of(8, 4),
        new ClassicFastPath.Choice("classic-split", "exact"), true, true, false)
        .contains("faster"));
    assertTrue(ClassicProgramRun.progressTask(ClassicConfig.of(11, 10),
        new ClassicFastPath.Choice("classic-split", "exact"), true, true, true)
        .contains("checked; faster at this size"));
  }

  @Test
  void headRunsOnTheDefaultOfItsSize() {
    Cli.Result r = Cli.run("run", HEAD.toString(), "--isa", "classic", "--engine", "mlp",
        "--input", "abcd", "--json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("exact", object(r.out()).get("backend"));
  }
}
