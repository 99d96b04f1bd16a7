package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.isa.MachineConfig;

/** The constructions of this module by name, for command lines and campaigns. */
public final class Constructions {
  private Constructions() {}

  /**
   * {@code paper} (13 layers) first, then {@code compact} (9 layers, same width), {@code onehot}
   * (11 layers, addresses decoded once, far fewer weights) and {@code onehot-split} (14 layers,
   * addresses decoded in two halves), {@code fused} (4 layers) and {@code shallow} (2 layers),
   * the last two only for small configs; {@code narrow} (10 layers, small weights: exact in
   * float16).
   */
  public static ImmutableList<String> names() {
    return ImmutableList.of(PaperConstruction.NAME, CompactConstruction.NAME,
        OneHotConstruction.NAME, OneHotConstruction.SPLIT_NAME, FusedConstruction.NAME,
        ShallowConstruction.NAME, NarrowConstruction.NAME);
  }

  /** True when construction {@code name} can be built for {@code config}. */
  public static boolean supports(String name, MachineConfig config) {
    if (!name.equals(NarrowConstruction.NAME)
        && config.wordBits() > PaperConstruction.MAX_WORD_BITS) {
      return false;
    }
    switch (name) {
      case FusedConstruction.NAME:
        return FusedConstruction.supports(config);
      case ShallowConstruction.NAME:
        return ShallowConstruction.supports(config);
      default:
        return names().contains(name);
    }
  }

  /** Builds the construction called {@code name}; fails with the list of known names. */
  public static Construction build(String name, MachineConfig config) {
    checkNotNull(name, "name");
    switch (name) {
      case PaperConstruction.NAME:
        return PaperConstruction.build(config);
      case CompactConstruction.NAME:
        return CompactConstruction.build(config);
      case OneHotConstruction.NAME:
        return OneHotConstruction.build(config);
      case OneHotConstruction.SPLIT_NAME:
        return OneHotConstruction.buildSplit(config);
      case FusedConstruction.NAME:
        return FusedConstruction.build(config);
      case ShallowConstruction.NAME:
        return ShallowConstruction.build(config);
      case NarrowConstruction.NAME:
        return NarrowConstruction.build(config);
      default:
        throw new IllegalArgumentException(
            "unknown construction '" + name + "', expected one of " + names());
    }
  }
}
