package org.loopmlp.isa;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.loopmlp.isa.asm.ClassicAssembler;

/**
 * The classic example programs of the repository's {@code examples/classic/} folder, packaged as
 * classpath resources under {@code org/loopmlp/isa/examples/classic/}, each with the input in
 * {@code NAME.input} when it reads one.
 */
public final class ClassicExampleLibrary {
  /** Every classic example, in the order they are listed. */
  public static final ImmutableList<String> NAMES = ImmutableList.of(
      "hello", "pointer", "countdown", "echo", "head", "add", "offend");

  private static final String RESOURCE_DIR = "/org/loopmlp/isa/examples/classic/";

  private ClassicExampleLibrary() {}

  /** All classic examples, assembled. */
  public static ImmutableList<ClassicExample> all() {
    ImmutableList.Builder<ClassicExample> b = ImmutableList.builder();
    for (String name : NAMES) {
      b.add(load(name));
    }
    return b.build();
  }

  /** The classic example called {@code name}, if there is one. */
  public static Optional<ClassicExample> named(String name) {
    return NAMES.contains(name) ? Optional.of(load(name)) : Optional.empty();
  }

  private static ClassicExample load(String name) {
    byte[] source = resource(name + ".sq")
        .orElseThrow(() -> new IllegalStateException("example resource missing from the "
            + "classpath: " + RESOURCE_DIR + name + ".sq"));
    String text = new String(source, StandardCharsets.UTF_8);
    return new ClassicExample(name,
        ClassicAssembler.parse(text, "examples/classic/" + name + ".sq"), text,
        resource(name + ".input").orElse(new byte[0]));
  }

  private static Optional<byte[]> resource(String file) {
    try (InputStream in = ClassicExampleLibrary.class.getResourceAsStream(RESOURCE_DIR + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
