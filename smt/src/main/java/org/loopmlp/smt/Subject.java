package org.loopmlp.smt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicRole;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.exact.Network;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * What the scripts are written about: a machine, its sizes, one pass's network with the names of
 * its state directions and hidden neurons, and the stages (name, roles run side by side, layers).
 * This is the one place that reads the construction module; everything else works on names and
 * the network, so the lemmas are stated here, from SPEC, and never taken from the construction.
 */
public record Subject(Machine machine, String construction, int wordBits, int dataBits,
    int codeBits, Network network, ImmutableList<ImmutableList<String>> layerNames,
    ImmutableList<Span> stages, Optional<Construction> paperConstruction,
    Optional<ClassicConstruction> classicConstruction) {

  /** The two machines of SPEC §2 (paper, Harvard) and §3 (classic, one memory with I/O). */
  public enum Machine {
    PAPER, CLASSIC
  }

  /** A stage: its name, its roles (enum names, run side by side), layers [first, first+count). */
  public record Span(String name, ImmutableList<String> roles, int first, int count) {
    /** The roles joined with {@code +}, as in the certificate: {@code FETCH+NEXT_PC}. */
    public String roleLabel() {
      return String.join("+", roles);
    }
  }

  public Subject {
    checkNotNull(machine, "machine");
    checkNotNull(network, "network");
    checkArgument(network.inputNames().isPresent(), "the network needs its direction names");
    checkArgument(layerNames.size() == network.depth(), "names for %s layers, network has %s",
        layerNames.size(), network.depth());
  }

  /** The state directions, in layout order (the network's input names). */
  public ImmutableList<String> stateNames() {
    return network.inputNames().orElseThrow();
  }

  /** {@code 8,4,4} or, for the classic machine, {@code 8,4}. */
  public String configLabel() {
    return machine == Machine.PAPER ? wordBits + "," + dataBits + "," + codeBits
        : wordBits + "," + dataBits;
  }

  /** The same subject with another network of the same shape (a mutant, a faulty variant). */
  public Subject withNetwork(Network replacement, String name) {
    checkArgument(replacement.depth() == network.depth(), "another depth");
    return new Subject(machine, name, wordBits, dataBits, codeBits, replacement, layerNames,
        stages, paperConstruction.map(c -> c.withNetwork(replacement)),
        classicConstruction.map(c -> c.withNetwork(replacement)));
  }

  /**
   * The constructions this module states lemmas for, paper machine first: those the prover
   * covers ({@code fused} and {@code shallow} run every role in one stage, which a lemma of roles
   * side by side cannot state).
   */
  public static ImmutableList<String> constructions() {
    return ImmutableList.of("paper", "compact", "onehot", "onehot-split", "narrow",
        ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME);
  }

  /** True for the classic machine's constructions. */
  public static boolean isClassic(String construction) {
    return construction.equals(ClassicConstruction.NAME)
        || construction.equals(ClassicConstruction.SPLIT_NAME);
  }

  /**
   * The construction {@code name} at {@code sizes}: {@code N,A,C} for the paper machine, {@code
   * N,A} for the classic one.
   */
  public static Subject of(String name, int[] sizes) {
    if (isClassic(name)) {
      checkArgument(sizes.length == 2, "the classic machine takes N,A, not %s numbers",
          sizes.length);
      ClassicConfig config = ClassicConfig.of(sizes[0], sizes[1]);
      return classic(ClassicConstruction.build(name, config));
    }
    checkArgument(sizes.length == 3, "the paper machine takes N,A,C, not %s numbers",
        sizes.length);
    return paper(Constructions.build(name, MachineConfig.of(sizes[0], sizes[1], sizes[2])));
  }

  /** A paper-machine construction. */
  public static Subject paper(Construction c) {
    List<Span> spans = new ArrayList<>();
    for (StageLemma<PaperStep> l : c.lemmas()) {
      spans.add(new Span(l.name(), l.paperStages().stream().map(PaperStage::name)
          .collect(ImmutableList.toImmutableList()), l.firstLayer(), l.layerCount()));
    }
    ImmutableList.Builder<ImmutableList<String>> names = ImmutableList.builder();
    for (int i = 0; i < c.depth(); i++) {
      names.add(c.layer(i).outputLayout().names());
    }
    MachineConfig k = c.config();
    return new Subject(Machine.PAPER, c.name(), k.wordBits(), k.dataBits(), k.codeBits(),
        c.network(), names.build(), ImmutableList.copyOf(spans), Optional.of(c),
        Optional.empty());
  }

  /** A classic-machine construction. */
  public static Subject classic(ClassicConstruction c) {
    List<Span> spans = new ArrayList<>();
    for (StageLemma<ClassicStepContext> l : c.lemmas()) {
      spans.add(new Span(l.name(), ClassicRole.of(l).stream().map(ClassicRole::name)
          .collect(ImmutableList.toImmutableList()), l.firstLayer(), l.layerCount()));
    }
    ImmutableList.Builder<ImmutableList<String>> names = ImmutableList.builder();
    for (int i = 0; i < c.depth(); i++) {
      names.add(c.layer(i).outputLayout().names());
    }
    ClassicConfig k = c.config();
    return new Subject(Machine.CLASSIC, c.name(), k.wordBits(), k.memoryBits(), 0, c.network(),
        names.build(), ImmutableList.copyOf(spans), Optional.empty(), Optional.of(c));
  }
}
