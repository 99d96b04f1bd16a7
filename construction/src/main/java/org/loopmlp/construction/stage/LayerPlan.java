package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Gadget;
import org.loopmlp.construction.gadget.Neuron;

/**
 * One layer of a stage, by names (SPEC §8): the neurons it writes, and the state directions it
 * clears. Every other direction of the machine state space is copied ({@code ReLU(x) = x} since
 * x >= 0); hidden neurons of the previous layer that are not read disappear. Immutable.
 *
 * <p>Neurons are held as an ordered list of parts: gadgets added one by one, or a {@linkplain
 * Builder#addFamily family} of gadgets made on demand from an index each time the plan is read, so
 * a layer of millions of neurons is never held in memory as neurons (assembly turns each into a
 * row as it goes). Two neurons writing the same direction are refused when added one by one, and
 * by assembly when one of them belongs to a family.
 */
public final class LayerPlan {
  private final String label;
  private final ImmutableList<Part> parts;
  private final ImmutableSet<Direction> cleared;

  /** {@code count} gadgets, the i-th made by {@code gadgetAt.apply(i)}. */
  private record Part(int count, IntFunction<? extends Gadget> gadgetAt) {
    Iterable<Neuron> neurons() {
      return () -> new java.util.Iterator<Neuron>() {
        int next;
        java.util.Iterator<Neuron> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && next < count) {
            current = gadgetAt.apply(next++).neurons().iterator();
          }
          return current.hasNext();
        }

        @Override
        public Neuron next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return current.next();
        }
      };
    }
  }

  private LayerPlan(String label, ImmutableList<Part> parts, ImmutableSet<Direction> cleared) {
    this.label = label;
    this.parts = parts;
    this.cleared = cleared;
  }

  /** Starts a layer called {@code label} (e.g. {@code select}). */
  public static Builder named(String label) {
    return new Builder(label);
  }

  public String label() {
    return label;
  }

  /**
   * The neurons, in the order they were added; families are made afresh on every iteration, so
   * iterate once where the layer is large.
   */
  public Iterable<Neuron> neurons() {
    List<Iterable<Neuron>> all = new ArrayList<>(parts.size());
    parts.forEach(p -> all.add(p.neurons()));
    return Iterables.concat(all);
  }

  /** Gadgets of a family made together by one task of {@link #forEachPrepared}. */
  private static final int BATCH = 2048;

  /**
   * Hands {@code prepare(n)} for every neuron n to {@code consume}, in the order of {@link
   * #neurons()}, as if by {@code for (n : neurons()) consume.accept(prepare.apply(n))}: the same
   * calls of {@code consume} in the same order, and the exception of the first neuron (in that
   * order) whose making or preparing fails, after every earlier neuron was consumed. Large
   * families are made and prepared in batches on the common fork-join pool, so {@code prepare}
   * must be safe to call from several threads at once; {@code consume} runs on the calling
   * thread. This is how assembly uses every core on layers of millions of neurons.
   */
  public <T> void forEachPrepared(Function<Neuron, T> prepare, Consumer<T> consume) {
    checkNotNull(prepare, "prepare");
    checkNotNull(consume, "consume");
    int window = 4 * Math.max(1, ForkJoinPool.getCommonPoolParallelism() + 1);
    for (Part part : parts) {
      if (part.count() < 2 * BATCH) {
        for (Neuron n : part.neurons()) {
          consume.accept(prepare.apply(n));
        }
        continue;
      }
      int batches = (part.count() + BATCH - 1) / BATCH;
      for (int first = 0; first < batches; first += window) {
        List<Batch<T>> done = IntStream.range(first, Math.min(batches, first + window))
            .parallel().mapToObj(b -> Batch.of(part, b, prepare)).toList();
        for (Batch<T> b : done) {
          b.items().forEach(consume);
          if (b.failure() != null) {
            throw b.failure();
          }
        }
      }
    }
  }

  /** The prepared neurons of one batch, up to the first failure (then {@code failure}). */
  private record Batch<T>(List<T> items, RuntimeException failure) {
    static <T> Batch<T> of(Part part, int batch, Function<Neuron, T> prepare) {
      List<T> items = new ArrayList<>();
      int end = Math.min(part.count(), (batch + 1) * BATCH);
      try {
        for (int i = batch * BATCH; i < end; i++) {
          for (Neuron n : part.gadgetAt().apply(i).neurons()) {
            items.add(prepare.apply(n));
          }
        }
      } catch (RuntimeException e) {
        return new Batch<>(items, e);
      }
      return new Batch<>(items, null);
    }
  }

  /** State directions set to 0 by this layer (not copied). */
  public ImmutableSet<Direction> cleared() {
    return cleared;
  }

  @Override
  public String toString() {
    long neurons = 0;
    for (Part p : parts) {
      neurons += p.count();
    }
    return "LayerPlan[" + label + ", " + neurons + " gadgets, " + cleared.size() + " cleared]";
  }

  /** Collects neurons and cleared directions. */
  public static final class Builder {
    private final String label;
    private final List<Part> parts = new ArrayList<>();
    private List<Neuron> single = new ArrayList<>();
    private final Set<Direction> outputs = new LinkedHashSet<>();
    private final Set<Direction> cleared = new LinkedHashSet<>();

    private Builder(String label) {
      this.label = checkNotNull(label);
    }

    public Builder add(Gadget gadget) {
      gadget.neurons().forEach(this::add);
      return this;
    }

    public Builder add(Neuron neuron) {
      checkArgument(outputs.add(neuron.output()), "layer %s writes %s twice", label,
          neuron.output());
      checkArgument(!cleared.contains(neuron.output()), "layer %s writes and clears %s", label,
          neuron.output());
      single.add(neuron);
      return this;
    }

    /**
     * Adds {@code count} gadgets, the i-th being {@code gadgetAt.apply(i)}, made on demand each
     * time the plan is read (so {@code gadgetAt} must be a pure function of i).
     */
    public Builder addFamily(int count, IntFunction<? extends Gadget> gadgetAt) {
      checkArgument(count >= 0, "count must be >= 0, was %s", count);
      checkNotNull(gadgetAt, "gadgetAt");
      flushSingles();
      parts.add(new Part(count, gadgetAt));
      return this;
    }

    /** Adds every neuron of {@code plan}, families kept as families, and its cleared directions. */
    public Builder addAll(LayerPlan plan) {
      flushSingles();
      parts.addAll(plan.parts);
      plan.cleared.forEach(this::clear);
      return this;
    }

    private void flushSingles() {
      if (!single.isEmpty()) {
        ImmutableList<Neuron> fixed = ImmutableList.copyOf(single);
        parts.add(new Part(fixed.size(), i -> () -> ImmutableList.of(fixed.get(i))));
        single = new ArrayList<>();
      }
    }

    /** Sets every bit of {@code register} to 0 in this layer's output. */
    public Builder clear(Register register) {
      register.bits().forEach(this::clear);
      return this;
    }

    public Builder clear(Direction d) {
      checkArgument(!outputs.contains(d), "layer %s writes and clears %s", label, d);
      cleared.add(d);
      return this;
    }

    public LayerPlan build() {
      flushSingles();
      return new LayerPlan(label, ImmutableList.copyOf(parts), ImmutableSet.copyOf(cleared));
    }
  }
}
