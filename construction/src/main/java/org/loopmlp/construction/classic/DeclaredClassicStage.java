package org.loopmlp.construction.classic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.function.Function;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;

/**
 * A classic stage declared up front by its name, roles and the registers it reads and writes; a
 * subclass gives only the layers.
 */
abstract class DeclaredClassicStage implements ClassicStage {
  private final String name;
  private final ImmutableList<ClassicRole> roles;
  private final Function<ClassicRegisters, ImmutableSet<Register>> reads;
  private final Function<ClassicRegisters, ImmutableSet<Register>> writes;

  DeclaredClassicStage(String name, ImmutableList<ClassicRole> roles,
      Function<ClassicRegisters, ImmutableSet<Register>> reads,
      Function<ClassicRegisters, ImmutableSet<Register>> writes) {
    this.name = name;
    this.roles = roles;
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final ImmutableList<ClassicRole> roles() {
    return roles;
  }

  @Override
  public final ImmutableSet<Register> reads(ClassicRegisters regs) {
    return reads.apply(regs);
  }

  @Override
  public final ImmutableSet<Register> writes(ClassicRegisters regs) {
    return writes.apply(regs);
  }

  /** A hidden neuron of this stage: {@code name.part}. */
  final Direction hidden(String part) {
    return Direction.named(name.replace(' ', '_') + "." + part);
  }

  @Override
  public final String toString() {
    return name;
  }
}
