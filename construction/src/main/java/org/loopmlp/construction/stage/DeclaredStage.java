package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.function.Function;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;

/**
 * A stage declared up front by its name, its roles and the registers it reads and writes; a
 * subclass gives only the layers. Its string form is its name.
 *
 * @param <S> the machine's step
 * @param <R> the machine's registers
 * @param <O> the machine's roles
 */
public abstract class DeclaredStage<S, R, O extends StageRole<S, R>>
    implements MachineStage<S, R> {
  private final String name;
  private final ImmutableList<O> roles;
  private final Function<R, ImmutableSet<Register>> reads;
  private final Function<R, ImmutableSet<Register>> writes;

  protected DeclaredStage(String name, ImmutableList<O> roles,
      Function<R, ImmutableSet<Register>> reads, Function<R, ImmutableSet<Register>> writes) {
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
  public ImmutableList<O> roles() {
    return roles;
  }

  @Override
  public final ImmutableSet<Register> reads(R regs) {
    return reads.apply(regs);
  }

  @Override
  public final ImmutableSet<Register> writes(R regs) {
    return writes.apply(regs);
  }

  /** A hidden neuron of this stage: {@code name.part} (spaces in the name become '_'). */
  protected final Direction hidden(String part) {
    return Direction.named(name.replace(' ', '_') + "." + part);
  }

  @Override
  public final String toString() {
    return name;
  }
}
