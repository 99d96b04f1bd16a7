package org.loopmlp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.loopmlp.construction.classic.ClassicSizes;
import org.loopmlp.isa.asm.ClassicAssembler;
import org.loopmlp.isa.asm.ClassicPrinter;
import org.loopmlp.isa.asm.ClassicProgram;
import org.loopmlp.isa.asm.SqFormatException;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.SlqFormatException;
import org.loopmlp.isa.classic.SlqImage;
import picocli.CommandLine.Option;

/**
 * The options of a classic program run: {@code --word N}, {@code --memory-bits A}, {@code --input
 * TEXT} or {@code --input-file F}. Every mistake becomes one {@link UserError} line.
 */
final class ClassicOptions {
  /** The classic word size when {@code --word} is not given, the same on every command. */
  static final int DEFAULT_WORD_BITS = 8;
  /** The classic memory address bits when there is no program to size it. */
  static final int DEFAULT_MEMORY_BITS = 4;

  /** The options of this group, which apply to {@code --isa classic} only. */
  static final String[] NAMES = {"--word", "--memory-bits", "--input", "--input-file"};

  @Option(names = "--word", paramLabel = "N",
      description = "--isa classic: word size N in bits, 2..32 (default: 8; a classic .sq"
          + " program: its .config line).")
  Integer word;

  @Option(names = "--memory-bits", paramLabel = "A",
      description = "--isa classic: 2^A words of memory, 2..24 (default: the smallest that holds"
          + " the image).")
  Integer memoryBits;

  @Option(names = "--input", paramLabel = "TEXT",
      description = "--isa classic: the program's input, the UTF-8 bytes of TEXT.")
  String input;

  @Option(names = "--input-file", paramLabel = "F",
      description = "--isa classic: the program's input, the bytes of file F.")
  Path inputFile;

  /** A loaded classic program: its image, config and initial state, and its input bytes. */
  record Loaded(SlqImage image, ClassicConfig config, ClassicState initial, byte[] input) {}

  /** Reads {@code file} (a {@code .slq} image) and the input, and checks the size. */
  Loaded load(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (name.endsWith(".sq")) {
      return loadSq(file);
    }
    SlqImage image;
    try {
      image = SlqImage.parse(file.toString(), Inputs.readText(file));
    } catch (SlqFormatException e) {
      throw new UserError(e.getMessage());
    }
    int n = word == null ? DEFAULT_WORD_BITS : word;
    if (n < ClassicConfig.MIN_WORD_BITS || n > ClassicConfig.MAX_WORD_BITS) {
      throw UserError.because("--word must be in [%d, %d], was %d", ClassicConfig.MIN_WORD_BITS,
          ClassicConfig.MAX_WORD_BITS, n);
    }
    int a = memoryBits == null ? image.smallestMemoryBits() : memoryBits;
    if (a < ClassicConfig.MIN_MEMORY_BITS || a > ClassicConfig.MAX_MEMORY_BITS) {
      throw UserError.because("--memory-bits must be in [%d, %d], was %d",
          ClassicConfig.MIN_MEMORY_BITS, ClassicConfig.MAX_MEMORY_BITS, a);
    }
    ClassicConfig config = ClassicConfig.of(n, a);
    ClassicState initial;
    try {
      initial = image.load(config);
    } catch (SlqFormatException e) {
      throw new UserError(e.getMessage());
    }
    return new Loaded(image, config, initial, inputBytes());
  }

  /**
   * A classic {@code .sq} program ({@code .config isa=classic word=N [memory=A]}): its config
   * comes from the file; {@code --word} and {@code --memory-bits} must agree with it if given.
   */
  private Loaded loadSq(Path file) {
    ClassicProgram program;
    try {
      program = ClassicAssembler.parse(Inputs.readText(file), file.toString());
    } catch (SqFormatException e) {
      throw new UserError(e.getMessage());
    }
    ClassicConfig config = program.config();
    if (word != null && word != config.wordBits()) {
      throw UserError.because("--word %d, but %s says word=%d", word, file, config.wordBits());
    }
    if (memoryBits != null && memoryBits != config.memoryBits()) {
      throw UserError.because("--memory-bits %d, but %s has 2^%d words", memoryBits, file,
          config.memoryBits());
    }
    SlqImage image = SlqImage.parse(file.toString(), ClassicPrinter.slq(program));
    return new Loaded(image, config, program.initialState(), inputBytes());
  }

  /** The input bytes: of {@code --input}, of {@code --input-file}, or none. */
  byte[] inputBytes() {
    if (input != null && inputFile != null) {
      throw UserError.because("give --input or --input-file, not both");
    }
    if (input != null) {
      return input.getBytes(StandardCharsets.UTF_8);
    }
    if (inputFile == null) {
      return new byte[0];
    }
    if (Files.isDirectory(inputFile)) {
      throw UserError.because("%s is a directory, expected the input file", inputFile);
    }
    try {
      return Files.readAllBytes(inputFile);
    } catch (IOException e) {
      throw Inputs.cannotRead(inputFile, e);
    }
  }

  /** Refuses a config whose network would not fit in the heap. */
  static void requireMemory(String construction, ClassicConfig config) {
    MemoryBudget.require("the " + construction + " network for " + config,
        ClassicSizes.of(construction, config).buildHeapBytes(),
        MemoryBudget.availableBytes());
  }
}
