package org.loopmlp.isa.asm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;

/**
 * An assembled classic {@code .sq} program: its config, the memory image loaded from address 0
 * (code and data in one address space) and the labels, each naming a memory address in
 * [0, image length]. Immutable.
 */
public final class ClassicProgram {
  private final ClassicConfig config;
  private final long[] image;
  private final ImmutableMap<String, Integer> labels;

  private ClassicProgram(ClassicConfig config, long[] image,
      ImmutableMap<String, Integer> labels) {
    this.config = config;
    this.image = image;
    this.labels = labels;
  }

  /**
   * A program over {@code image} (at most 2^A words, each fitting N bits) with labels naming
   * addresses in [0, image length].
   */
  public static ClassicProgram of(ClassicConfig config, long[] image,
      ImmutableMap<String, Integer> labels) {
    checkNotNull(config, "config");
    checkArgument(image.length <= config.memorySize(), "image of %s words, memory of %s",
        image.length, config.memorySize());
    for (int i = 0; i < image.length; i++) {
      checkArgument(config.fitsWord(image[i]), "word %s = %s does not fit in %s bits", i,
          image[i], config.wordBits());
    }
    labels.forEach((name, at) -> {
      checkArgument(SqProgram.LABEL.matcher(name).matches(), "invalid label name %s", name);
      checkArgument(at >= 0 && at <= image.length, "label %s = %s outside [0, %s]", name, at,
          image.length);
    });
    return new ClassicProgram(config, image.clone(), labels);
  }

  /** The words of a state's memory up to the last non-zero one, without labels. */
  public static ClassicProgram of(ClassicState state) {
    long[] memory = state.memory();
    int end = memory.length;
    while (end > 0 && memory[end - 1] == 0) {
      end--;
    }
    return of(state.config(), Arrays.copyOf(memory, end), ImmutableMap.of());
  }

  public ClassicConfig config() {
    return config;
  }

  /** The image, address order (a copy). */
  public long[] image() {
    return image.clone();
  }

  public int size() {
    return image.length;
  }

  public ImmutableMap<String, Integer> labels() {
    return labels;
  }

  /** The state a run starts in: the image from address 0, the rest 0, pc 0. */
  public ClassicState initialState() {
    return ClassicState.load(config, image);
  }

  /** The address a label names. */
  public int address(String label) {
    Integer at = labels.get(label);
    checkArgument(at != null, "no label %s", label);
    return at;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassicProgram p && config.equals(p.config)
        && Arrays.equals(image, p.image) && labels.equals(p.labels);
  }

  @Override
  public int hashCode() {
    return (config.hashCode() * 31 + Arrays.hashCode(image)) * 31 + labels.hashCode();
  }

  @Override
  public String toString() {
    return config + " " + Arrays.toString(image) + " " + labels;
  }
}
