package org.loopmlp.properties.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.gen.ClassicArbitraries;
import org.loopmlp.isa.classic.gen.ClassicCase;
import org.loopmlp.isa.classic.gen.ClassicCoverage;

/**
 * The classic network in checked mode against the reference classic machine, pass by pass, on
 * the shared generators' random self-modifying programs with I/O and random states: every layer
 * within its invariant, every stage's lemma and frame, and after every pass the same state, the
 * same byte printed and the same input taken. A failure shrinks (by the generators'
 * construction) to the smallest config, program, state and input.
 */
@StatisticsReport(onFailureOnly = true)
class ClassicDifferentialProperties {
  private static final Map<ClassicConfig, ClassicConstruction> BUILT = new ConcurrentHashMap<>();
  private static final Map<ClassicConfig, ClassicConstruction> SPLIT = new ConcurrentHashMap<>();
  /** The other constructions, by name and config. */
  private static final Map<String, ClassicConstruction> NAMED = new ConcurrentHashMap<>();
  private static final int PASSES = 48;
  /** What random programs must each cover in at least 3% of the tries. */
  private static final List<ClassicCoverage> PROGRAM_CORNERS = List.of(ClassicCoverage.SUBTRACT,
      ClassicCoverage.BRANCH_TAKEN, ClassicCoverage.BRANCH_NOT_TAKEN,
      ClassicCoverage.SAME_OPERAND, ClassicCoverage.OPERAND_WRAPPED,
      ClassicCoverage.INPUT_BYTE, ClassicCoverage.OUTPUT, ClassicCoverage.ECHO_BYTE,
      ClassicCoverage.WRITES_THIS_INSTRUCTION, ClassicCoverage.WRITES_NEXT_INSTRUCTION,
      ClassicCoverage.HALTED_NEGATIVE_PC, ClassicCoverage.HALTED_OFF_END);

  static ClassicConstruction construction(ClassicConfig config) {
    return BUILT.computeIfAbsent(config, ClassicConstruction::build);
  }

  @Provide
  Arbitrary<ClassicCase> programs() {
    return ClassicArbitraries.programs(9, 4);
  }

  @Provide
  Arbitrary<ClassicCase> states() {
    return ClassicArbitraries.states(10, 4);
  }

  @Provide
  Arbitrary<ClassicCase> wideStates() {
    return ClassicArbitraries.states(32, 4);
  }

  @Property(tries = 100, seed = "10")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void selfModifyingProgramsRunLikeTheReferenceMachine(@ForAll("programs") ClassicCase c) {
    check(c, PASSES);
    ClassicCoverage.checkCoverage(PROGRAM_CORNERS, 3.0);
  }

  /** The same programs on {@code classic-split}: its decoded and routed gates, every corner. */
  @Property(tries = 100, seed = "13")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void theSplitConstructionRunsProgramsLikeTheReferenceMachine(
      @ForAll("programs") ClassicCase c) {
    check(SPLIT.computeIfAbsent(c.config(), ClassicConstruction::buildSplit), c, PASSES);
    ClassicCoverage.checkCoverage(PROGRAM_CORNERS, 3.0);
  }

  /** The same programs on {@code classic-narrow}: lookahead subtract, pc + 3 and halt test. */
  @Property(tries = 100, seed = "14")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void theNarrowConstructionRunsProgramsLikeTheReferenceMachine(
      @ForAll("programs") ClassicCase c) {
    check(named(ClassicConstruction.NARROW_NAME, c.config()), c, PASSES);
    ClassicCoverage.checkCoverage(PROGRAM_CORNERS, 3.0);
  }

  @Property(tries = 60, seed = "15")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void theNarrowSplitConstructionRunsProgramsLikeTheReferenceMachine(
      @ForAll("programs") ClassicCase c) {
    check(named(ClassicConstruction.NARROW_SPLIT_NAME, c.config()), c, PASSES);
  }

  /** Any state, words up to 32 bits: the narrow halt test on both sides of N = A. */
  @Property(tries = 150, seed = "16")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void everyStateStepsLikeTheReferenceMachineOnTheNarrowConstruction(
      @ForAll("wideStates") ClassicCase c) {
    check(named(ClassicConstruction.NARROW_NAME, c.config()), c, 2);
    ClassicCoverage.checkCoverage(List.of(ClassicCoverage.SUBTRACT, ClassicCoverage.OUTPUT,
        ClassicCoverage.INPUT_BYTE, ClassicCoverage.HALTED_NEGATIVE_PC), 1.0);
  }

  private static ClassicConstruction named(String name, ClassicConfig config) {
    return NAMED.computeIfAbsent(name + " " + config, k -> ClassicConstruction.build(name,
        config));
  }

  @Property(tries = 150, seed = "11")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void everyStateStepsLikeTheReferenceMachine(@ForAll("states") ClassicCase c) {
    check(c, 2);
    ClassicCoverage.checkCoverage(List.of(ClassicCoverage.SUBTRACT, ClassicCoverage.OUTPUT,
        ClassicCoverage.INPUT_BYTE, ClassicCoverage.HALTED_NEGATIVE_PC), 1.0);
  }

  @Property(tries = 30, seed = "12")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void wideWordsStepLikeTheReferenceMachine(@ForAll("wideStates") ClassicCase c) {
    check(c, 2);
  }

  private static void check(ClassicCase c, int passes) {
    check(construction(c.config()), c, passes);
  }

  private static void check(ClassicConstruction construction, ClassicCase c, int passes) {
    ClassicLoopedMlp mlp = ClassicLoopedMlp.checked(construction, Backends.named("exact"));
    ByteOutput.Collecting out = ByteOutput.collecting();
    ClassicLockstep.Outcome o = ClassicLockstep.run(mlp, c.state(), c.input(), out, passes,
        ClassicLoopedMlp.PassListener.NONE);
    assertTrue(o.agree(), () -> o.disagreement().get().describe() + "\n" + c);
    ClassicRun ref = c.runTraced(passes);
    ClassicCase.Outcome printed = c.run(passes);
    assertEquals(ref.finalState(), o.mlp().last());
    assertEquals(ref.steps(), o.mlp().steps());
    assertEquals(ref.halted(), o.mlp().halted());
    assertArrayEquals(printed.output(), out.bytes());
    ClassicCoverage.collect(EnumSet.copyOf(ClassicCoverage.ofRun(ref)));
  }
}
