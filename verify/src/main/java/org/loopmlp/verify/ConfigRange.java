package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import org.loopmlp.isa.MachineConfig;

/**
 * A box of machine configs: word bits N, data address bits A and code address bits C each in a
 * closed range. A campaign draws its configs from a box; shrinking stays inside the box of
 * configs the construction family is built for.
 */
public record ConfigRange(int minWordBits, int maxWordBits, int minDataBits, int maxDataBits,
    int minCodeBits, int maxCodeBits) {
  public ConfigRange {
    checkArgument(minWordBits <= maxWordBits && minDataBits <= maxDataBits
        && minCodeBits <= maxCodeBits, "empty config range");
    // Validates both corners against MachineConfig's own limits.
    MachineConfig.of(minWordBits, minDataBits, minCodeBits);
    MachineConfig.of(maxWordBits, maxDataBits, maxCodeBits);
  }

  /** The single config {@code config}. */
  public static ConfigRange exactly(MachineConfig config) {
    return new ConfigRange(config.wordBits(), config.wordBits(), config.dataBits(),
        config.dataBits(), config.codeBits(), config.codeBits());
  }

  /** Every config from (2, 1, 1) up to (maxN, maxA, maxC). */
  public static ConfigRange upTo(int maxWordBits, int maxDataBits, int maxCodeBits) {
    return new ConfigRange(2, maxWordBits, 1, maxDataBits, 1, maxCodeBits);
  }

  public boolean contains(MachineConfig c) {
    return c.wordBits() >= minWordBits && c.wordBits() <= maxWordBits
        && c.dataBits() >= minDataBits && c.dataBits() <= maxDataBits
        && c.codeBits() >= minCodeBits && c.codeBits() <= maxCodeBits;
  }

  public MachineConfig smallest() {
    return MachineConfig.of(minWordBits, minDataBits, minCodeBits);
  }

  public MachineConfig largest() {
    return MachineConfig.of(maxWordBits, maxDataBits, maxCodeBits);
  }

  /**
   * Configs in the range that are smaller than {@code c} in exactly one parameter, smallest
   * first, code bits before data bits before word bits (the order shrinking tries them).
   */
  public ImmutableList<MachineConfig> smallerThan(MachineConfig c) {
    ImmutableList.Builder<MachineConfig> b = ImmutableList.builder();
    for (int x = minCodeBits; x < c.codeBits(); x++) {
      b.add(MachineConfig.of(c.wordBits(), c.dataBits(), x));
    }
    for (int x = minDataBits; x < c.dataBits(); x++) {
      b.add(MachineConfig.of(c.wordBits(), x, c.codeBits()));
    }
    for (int x = minWordBits; x < c.wordBits(); x++) {
      b.add(MachineConfig.of(x, c.dataBits(), c.codeBits()));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "N=" + span(minWordBits, maxWordBits) + ",A=" + span(minDataBits, maxDataBits) + ",C="
        + span(minCodeBits, maxCodeBits);
  }

  private static String span(int lo, int hi) {
    return lo == hi ? Integer.toString(lo) : lo + ".." + hi;
  }
}
