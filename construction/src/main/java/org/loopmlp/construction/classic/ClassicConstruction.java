package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.loopmlp.construction.LayerAssembler;
import org.loopmlp.construction.MachineConstruction;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.exact.Network;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The looped ReLU-MLP of the classic SUBLEQ machine for one config: one memory for code and data,
 * fetched from and written to in the same pass, with input and output through ports of the state
 * (see {@link ClassicRegisters}). Four stages of two layers each, 8 layers against the paper's
 * 23:
 *
 * <pre>
 *   fetch+next pc   layers 0..1  ({@link ClassicFetchStage})
 *   read+decode     layers 2..3  ({@link ClassicReadStage})
 *   subtract+io     layers 4..5  ({@link ClassicSubtractStage})
 *   write+branch    layers 6..7  ({@link ClassicWriteStage})
 * </pre>
 *
 * <p>{@code classic-split} ({@link #buildSplit}) decodes each address (pc, a, b) into one
 * selector unit per cell through its two halves ({@link
 * org.loopmlp.construction.stage.AddressDecoding#SPLIT}) and routes the result through the halves
 * of b, so that a changed address or result reaches about 2^(A/2) units instead of every cell:
 * fetch (4), read (4), subtract (2), write (4), 14 layers, for incremental evaluation of large
 * memories. Its stages have the same roles, so it has the same lemmas.
 *
 * <p>{@code classic-narrow} ({@link #narrowStages}) has every weight in {-2..2}, for exactness
 * in narrow floating point: fetch (2), read (2), subtract by carry lookahead (3), write (2), 9
 * layers; {@code classic-narrow-split} decodes addresses as {@code classic-split} does, 15
 * layers. Same roles, same lemmas.
 *
 * <p>Assembly works as for the paper's machine, by the same {@link LayerAssembler}: each state
 * direction gets the row of the neuron that writes it, an empty row if cleared, or an identity
 * row; hidden neurons follow. A stage that reads or writes a register it does not declare, or
 * reads another stage's hidden neurons, is refused. Each stage's lemma starts from the previous
 * stage's postcondition (the first from {@link ClassicRole#passStart}) and applies its roles'
 * effects; its frame is every register the roles do not own. Immutable.
 */
public final class ClassicConstruction
    extends MachineConstruction<ClassicStepContext, ClassicRegisters> {
  public static final String NAME = "classic";
  public static final String SPLIT_NAME = "classic-split";
  public static final String NARROW_NAME = "classic-narrow";
  public static final String NARROW_SPLIT_NAME = "classic-narrow-split";

  private final ClassicConfig config;
  private final ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>> stages;

  private ClassicConstruction(ClassicConfig config,
      ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>> stages,
      Parts<ClassicStepContext, ClassicRegisters> parts) {
    super(parts);
    this.config = config;
    this.stages = stages;
  }

  /** The four stages, in order. */
  public static ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>> standardStages() {
    return ImmutableList.of(ClassicFetchStage.standard(), ClassicReadStage.standard(),
        ClassicSubtractStage.standard(), ClassicWriteStage.standard());
  }

  /** The four stages with every address decoded in halves, in order. */
  public static ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>> splitStages() {
    return ImmutableList.of(ClassicFetchStage.splitDecoding(), ClassicReadStage.splitDecoding(),
        ClassicSubtractStage.standard(), ClassicWriteStage.splitDecoding());
  }

  /**
   * The stages of {@code classic-narrow}: every weight in {-2, -1, 1, 2}, so that every
   * pre-activation is a small integer (sums of bits, at most about 2^A terms in a gather, never a
   * weight 2^j): the halt test, pc + 3 and the I/O tests of {@link ClassicFetchStage#narrow()},
   * the subtraction by carry lookahead ({@link ClassicSubtractStage#narrow()}); read and write as
   * in {@code classic}. 9 layers.
   */
  public static ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>> narrowStages() {
    return ImmutableList.of(ClassicFetchStage.narrow(), ClassicReadStage.standard(),
        ClassicSubtractStage.narrow(), ClassicWriteStage.standard());
  }

  /** {@link #narrowStages()} with every address decoded in halves: 15 layers. */
  public static ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>>
      narrowSplitStages() {
    return ImmutableList.of(ClassicFetchStage.narrowSplit(), ClassicReadStage.splitDecoding(),
        ClassicSubtractStage.narrow(), ClassicWriteStage.splitDecoding());
  }

  /** The classic constructions by name: classic, classic-split, classic-narrow(-split). */
  public static ImmutableList<String> names() {
    return ImmutableList.of(NAME, SPLIT_NAME, NARROW_NAME, NARROW_SPLIT_NAME);
  }

  /** The 8-layer classic construction for {@code config}. */
  public static ClassicConstruction build(ClassicConfig config) {
    return assemble(NAME, config, standardStages());
  }

  /** The 14-layer {@code classic-split} construction for {@code config}. */
  public static ClassicConstruction buildSplit(ClassicConfig config) {
    return assemble(SPLIT_NAME, config, splitStages());
  }

  /** The construction called {@code name} ({@link #NAME} or {@link #SPLIT_NAME}). */
  public static ClassicConstruction build(String name, ClassicConfig config) {
    checkNotNull(name, "name");
    switch (name) {
      case NAME:
        return build(config);
      case SPLIT_NAME:
        return buildSplit(config);
      case NARROW_NAME:
        return assemble(NARROW_NAME, config, narrowStages());
      case NARROW_SPLIT_NAME:
        return assemble(NARROW_SPLIT_NAME, config, narrowSplitStages());
      default:
        throw new IllegalArgumentException("unknown classic construction " + name
            + " (known: " + String.join(", ", names()) + ")");
    }
  }

  /**
   * Assembles {@code stages}, in order, into one pass for {@code config}.
   *
   * @throws IllegalArgumentException if a stage reads or writes what it does not declare, or
   *     does not end in the state space
   */
  public static ClassicConstruction assemble(String name, ClassicConfig config,
      List<? extends MachineStage<ClassicStepContext, ClassicRegisters>> stages) {
    checkNotNull(config, "config");
    checkArgument(config.inputMode() == ClassicConfig.InputMode.STORE,
        "the classic construction implements store-mode input only, not %s",
        config.inputMode());
    ClassicRegisters regs = ClassicRegisters.of(config);
    return new ClassicConstruction(config, ImmutableList.copyOf(stages),
        assemble(name, regs, ClassicRole.passStart(regs), stages));
  }

  @Override
  public ClassicConstruction withNetwork(Network replacement) {
    return new ClassicConstruction(config, stages, partsWithNetwork(replacement));
  }

  @Override
  public ClassicConfig config() {
    return config;
  }

  public ImmutableList<MachineStage<ClassicStepContext, ClassicRegisters>> stages() {
    return stages;
  }
}
