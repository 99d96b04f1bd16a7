package org.loopmlp.isa.classic.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.SlqImage;

@StatisticsReport(onFailureOnly = true)
class ClassicArbitrariesProperties {

  @Provide
  Arbitrary<ClassicCase> programs() {
    return ClassicArbitraries.programs();
  }

  @Provide
  Arbitrary<ClassicCase> states() {
    return ClassicArbitraries.states(8, 3);
  }

  @Property(tries = 300, seed = "11")
  void programsAreWellFormedAndCoverEveryCorner(@ForAll("programs") ClassicCase c) {
    ClassicConfig config = c.config();
    assertTrue(config.wordBits() <= ClassicArbitraries.DEFAULT_MAX_WORD_BITS);
    assertTrue(config.memoryBits() <= ClassicArbitraries.DEFAULT_MAX_MEMORY_BITS);
    assertEquals(0, c.state().pc());
    assertTrue(c.input().length <= ClassicArbitraries.MAX_INPUT_BYTES);
    // the printed case reads back as the same image
    long[] image = SlqImage.parse("case.slq", c.toSlq()).load(config).memory();
    assertArrayEquals(c.state().memory(), image);

    EnumSet<ClassicCoverage> hit = ClassicCoverage.ofRun(c.runTraced(64));
    ClassicCoverage.collect(hit);
    boolean high = false;
    for (byte b : c.input()) {
      high |= b < 0;
    }
    Statistics.label("input").collect(c.input().length == 0 ? "empty" : high ? "has >= 128"
        : "7-bit");
    ClassicCoverage.checkCoverage(List.of(ClassicCoverage.SUBTRACT,
        ClassicCoverage.BRANCH_TAKEN, ClassicCoverage.BRANCH_NOT_TAKEN,
        ClassicCoverage.SAME_OPERAND, ClassicCoverage.OPERAND_WRAPPED,
        ClassicCoverage.INPUT_BYTE, ClassicCoverage.OUTPUT, ClassicCoverage.ECHO_BYTE,
        ClassicCoverage.WRITES_THIS_INSTRUCTION, ClassicCoverage.WRITES_NEXT_INSTRUCTION,
        ClassicCoverage.HALTED_NEGATIVE_PC, ClassicCoverage.HALTED_OFF_END), 5.0);
    Statistics.label("input").coverage(check -> {
      check.check("empty").percentage(p -> p >= 5);
      check.check("has >= 128").percentage(p -> p >= 5);
      check.check("7-bit").percentage(p -> p >= 5);
    });
  }

  @Property(tries = 300, seed = "12")
  void statesAreWellFormedAndReachEveryOperation(@ForAll("states") ClassicCase c) {
    ClassicConfig config = c.config();
    assertTrue(config.wordBits() <= 8 && config.memoryBits() <= 3, config.toString());
    EnumSet<ClassicCoverage> hit = ClassicCoverage.ofRun(c.runTraced(1));
    Statistics.label("op").collect(c.state().halted() ? "halted"
        : hit.contains(ClassicCoverage.SUBTRACT) ? "subtract"
        : hit.contains(ClassicCoverage.OUTPUT) ? "output" : "input or echo");
    Statistics.label("op").coverage(check -> {
      check.check("halted").percentage(p -> p >= 10);
      check.check("subtract").percentage(p -> p >= 20);
      check.check("output").percentage(p -> p >= 2);
      check.check("input or echo").percentage(p -> p >= 2);
    });
  }
}
