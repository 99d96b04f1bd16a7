package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered space of named {@link Direction}s: assigns each direction its index once (SPEC §7,
 * tracr style). Directions are grouped into named regions ({@code code}, {@code mem}, {@code pc},
 * {@code scratch}, or a hidden region named by its gadget) and named {@link Register}s.
 *
 * <p>A layer's output space {@linkplain #extend() extends} the machine state space: the state
 * directions keep their indices in every layer and hidden neurons follow them. Immutable.
 */
public final class StateLayout {
  private final StateLayout base;
  private final int offset;
  private final ImmutableList<Direction> own;
  private final DirectionIndex index;
  private final ImmutableMap<String, Register> registers;
  private final ImmutableMap<String, ImmutableList<Direction>> regions;

  private StateLayout(StateLayout base, ImmutableList<Direction> own,
      DirectionIndex index, ImmutableMap<String, Register> registers,
      ImmutableMap<String, ImmutableList<Direction>> regions) {
    this.base = base;
    this.offset = base == null ? 0 : base.dimension();
    this.own = own;
    this.index = index;
    this.registers = registers;
    this.regions = regions;
  }

  /** Starts an empty layout. */
  public static Builder builder() {
    return new Builder(null);
  }

  /** Starts a layout whose first directions are exactly this layout's, with the same indices. */
  public Builder extend() {
    return new Builder(this);
  }

  /** The number of directions. */
  public int dimension() {
    return offset + own.size();
  }

  /** The index of {@code d}; fails naming the direction if it is not in this space. */
  public int indexOf(Direction d) {
    int i = find(d);
    checkArgument(i >= 0, "direction %s is not in this space", d);
    return i;
  }

  /** True when {@code d} is a direction of this space. */
  public boolean contains(Direction d) {
    return find(d) >= 0;
  }

  /** The index of {@code d}, or -1 when it is not in this space. */
  int find(Direction d) {
    int i = index.find(d);
    if (i >= 0) {
      return i + offset;
    }
    return base == null ? -1 : base.find(d);
  }

  /** The direction at {@code i}. */
  public Direction direction(int i) {
    checkElementIndex(i, dimension(), "direction index");
    return i < offset ? base.direction(i) : own.get(i - offset);
  }

  /** All directions in index order. */
  public ImmutableList<Direction> directions() {
    if (base == null) {
      return own;
    }
    return ImmutableList.<Direction>builder().addAll(base.directions()).addAll(own).build();
  }

  /** All direction names in index order (for {@code Network.withInputNames}). */
  public ImmutableList<String> names() {
    return directions().stream().map(Direction::name).collect(ImmutableList.toImmutableList());
  }

  /** The layout this one extends, if any. */
  public Optional<StateLayout> base() {
    return Optional.ofNullable(base);
  }

  /** The register called {@code name} (e.g. {@code ra}, {@code mem[3]}, {@code code[1].c}). */
  public Register register(String name) {
    Optional<Register> r = findRegister(name);
    checkArgument(r.isPresent(), "no register %s in this space", name);
    return r.get();
  }

  public Optional<Register> findRegister(String name) {
    Register r = registers.get(name);
    if (r != null) {
      return Optional.of(r);
    }
    return base == null ? Optional.empty() : base.findRegister(name);
  }

  /** All registers, in the order they were added (base layout first). */
  public ImmutableList<Register> registers() {
    ImmutableList.Builder<Register> b = ImmutableList.builder();
    if (base != null) {
      b.addAll(base.registers());
    }
    return b.addAll(registers.values()).build();
  }

  /** The region names, in order (base layout first). */
  public ImmutableSet<String> regionNames() {
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    if (base != null) {
      b.addAll(base.regionNames());
    }
    return b.addAll(regions.keySet()).build();
  }

  /** The directions of region {@code name}, in index order. */
  public ImmutableList<Direction> region(String name) {
    ImmutableList<Direction> r = regions.get(name);
    if (r != null) {
      return r;
    }
    checkArgument(base != null, "no region %s in this space", name);
    return base.region(name);
  }

  @Override
  public String toString() {
    return "StateLayout[dim=" + dimension() + ", regions=" + regionNames() + "]";
  }

  /** Adds directions in order; each direction at most once. */
  public static final class Builder {
    private final StateLayout base;
    private DirectionIndex index = new DirectionIndex();
    private String lastRegion;
    private List<Direction> lastRegionList;
    private final Map<String, Register> registers = new LinkedHashMap<>();
    private final Map<String, List<Direction>> regions = new LinkedHashMap<>();

    private Builder(StateLayout base) {
      this.base = base;
    }

    /** Adds a register's bits to {@code region}. */
    public Builder add(String region, Register register) {
      checkArgument(!registers.containsKey(register.name())
          && (base == null || base.findRegister(register.name()).isEmpty()),
          "register %s added twice", register.name());
      for (Direction d : register.bits()) {
        add(region, d);
      }
      registers.put(register.name(), register);
      return this;
    }

    /** Adds one direction to {@code region}. */
    public Builder add(String region, Direction d) {
      checkNotNull(region, "region");
      checkState(index != null, "the layout was built already");
      checkArgument((base == null || !base.contains(d)) && index.add(d),
          "direction %s added twice", d);
      if (!region.equals(lastRegion)) {
        lastRegion = region;
        lastRegionList = regions.computeIfAbsent(region, r -> new ArrayList<>());
      }
      lastRegionList.add(d);
      return this;
    }

    public int dimension() {
      return (base == null ? 0 : base.dimension()) + index.size();
    }

    public StateLayout build() {
      ImmutableMap.Builder<String, ImmutableList<Direction>> rb = ImmutableMap.builder();
      regions.forEach((k, v) -> rb.put(k, ImmutableList.copyOf(v)));
      // The index is handed over, not copied (a hidden layer may have millions of directions);
      // the builder refuses further additions.
      DirectionIndex built = index;
      index = null;
      return new StateLayout(base, ImmutableList.copyOf(built.directions()), built,
          ImmutableMap.copyOf(registers), rb.build());
    }
  }
}
