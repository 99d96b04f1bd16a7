package org.loopmlp.isa.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.loopmlp.isa.classic.SlqImage;
import org.loopmlp.isa.classic.gen.ClassicArbitraries;
import org.loopmlp.isa.classic.gen.ClassicCase;

/** Printing a classic program and reading it back gives the same program, labels included. */
class ClassicRoundTripProperties {

  @Provide
  Arbitrary<ClassicCase> programs() {
    return ClassicArbitraries.programs();
  }

  @Provide
  Arbitrary<List<Integer>> labelPositions() {
    return Arbitraries.integers().between(0, 1 << ClassicArbitraries.DEFAULT_MAX_MEMORY_BITS)
        .list().ofMaxSize(4);
  }

  @Property(tries = 300)
  void sqPrintParseIsTheIdentity(@ForAll("programs") ClassicCase c,
      @ForAll("labelPositions") List<Integer> positions) {
    ClassicProgram bare = ClassicProgram.of(c.state());
    ImmutableMap.Builder<String, Integer> labels = ImmutableMap.builder();
    for (int k = 0; k < positions.size(); k++) {
      labels.put("L" + k, positions.get(k) % (bare.size() + 1));
    }
    ClassicProgram p = ClassicProgram.of(bare.config(), bare.image(), labels.build());
    String text = ClassicPrinter.sq(p);
    ClassicProgram back = ClassicAssembler.parse(text, "printed.sq");
    assertEquals(p, back, text);
    assertEquals(c.state(), back.initialState(), text);
  }

  @Property(tries = 300)
  void slqPrintParseIsTheIdentity(@ForAll("programs") ClassicCase c) {
    String text = c.toSlq();
    long[] words = SlqImage.parse("case.slq", text).words();
    assertArrayEquals(ClassicProgram.of(c.state()).image(), words, text);
    assertEquals(c.state(), SlqImage.parse("case.slq", text).load(c.config()));
  }
}
