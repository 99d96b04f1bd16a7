package org.loopmlp.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --isa ISA}: the machine, the same option on every command that builds a network. */
final class IsaOption {
  /** The front ends, in the order {@code --help} lists them; the first is the default. */
  static final List<MachineFrontEnd> FRONT_ENDS =
      List.of(PaperFrontEnd.INSTANCE, ClassicFrontEnd.INSTANCE);

  @Option(names = "--isa", paramLabel = "ISA", defaultValue = "subleq",
      converter = Converter.class, completionCandidates = Names.class,
      description = "The machine: subleq (this project's machine: FILE.sq with its .config line,"
          + " sizes N,A,C) or classic (one memory for code and data, I/O at address -1:"
          + " FILE.slq, sizes N,A) (default: ${DEFAULT-VALUE}).")
  MachineFrontEnd frontEnd;

  /** The chosen front end. */
  MachineFrontEnd frontEnd() {
    return frontEnd == null ? FRONT_ENDS.get(0) : frontEnd;
  }

  /** True when {@code file} is a classic memory image ({@code .slq}). */
  static boolean isSlq(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".slq");
  }

  /** Parses {@code --isa}; an unknown name is one line listing the known ones. */
  static final class Converter implements ITypeConverter<MachineFrontEnd> {
    @Override
    public MachineFrontEnd convert(String value) {
      for (MachineFrontEnd f : FRONT_ENDS) {
        if (f.name().equals(value)) {
          return f;
        }
      }
      throw new TypeConversionException("expected one of "
          + FRONT_ENDS.stream().map(MachineFrontEnd::name).toList() + ", was '" + value + "'");
    }
  }

  /** The names, for {@code --help}. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FRONT_ENDS.stream().map(MachineFrontEnd::name).iterator();
    }
  }
}
