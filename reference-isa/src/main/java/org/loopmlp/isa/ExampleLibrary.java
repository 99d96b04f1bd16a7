package org.loopmlp.isa;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.loopmlp.isa.asm.SqAssembler;

/**
 * The example programs of the repository's {@code examples/} folder, packaged as classpath
 * resources under {@code org/loopmlp/isa/examples/}.
 */
public final class ExampleLibrary {
  /** Every example, in the order they are listed. */
  public static final ImmutableList<String> NAMES = ImmutableList.of(
      "countdown", "multiply", "divide", "factorial", "fibonacci", "gcd", "max", "reverse",
      "search", "bubblesort", "overflow");

  private static final String RESOURCE_DIR = "/org/loopmlp/isa/examples/";

  private ExampleLibrary() {}

  /** All examples, assembled. */
  public static ImmutableList<Example> all() {
    ImmutableList.Builder<Example> b = ImmutableList.builder();
    for (String name : NAMES) {
      b.add(load(name));
    }
    return b.build();
  }

  /** The example called {@code name}, if there is one. */
  public static Optional<Example> named(String name) {
    return NAMES.contains(name) ? Optional.of(load(name)) : Optional.empty();
  }

  private static Example load(String name) {
    String resource = RESOURCE_DIR + name + ".sq";
    try (InputStream in = ExampleLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("example resource missing from the classpath: "
            + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Example(name, SqAssembler.parse(text, "examples/" + name + ".sq"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
