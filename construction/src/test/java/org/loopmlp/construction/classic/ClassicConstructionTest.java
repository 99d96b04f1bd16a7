package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.LayerInfo;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.classic.ClassicConfig;

/** Shape of the classic construction: depth, lemmas, frames read off the weights, size. */
class ClassicConstructionTest {
  @Test
  void eightLayersInFourStagesAgainstThePapersTwentyThree() {
    ClassicConstruction c = ClassicConstruction.build(ClassicConfig.of(8, 4));
    assertEquals(8, c.depth());
    assertEquals(List.of("fetch+next pc", "read+decode", "subtract+io", "write+branch"),
        c.lemmas().stream().map(StageLemma::name).toList());
    for (StageLemma<ClassicStepContext> l : c.lemmas()) {
      assertEquals(2, l.layerCount(), l.name());
    }
    // fetch 2 + next pc 6, read 2, subtract 7, write 2 + branch 4: the paper's 23.
    assertEquals(23, c.lemmas().stream().mapToInt(StageLemma::budget).sum());
    assertTrue(c.network().isLoopable());
  }

  @Test
  void theSplitConstructionHasTheSameLemmasInFourteenLayers() {
    ClassicConstruction plain = ClassicConstruction.build(ClassicConfig.of(8, 4));
    ClassicConstruction split = ClassicConstruction.buildSplit(ClassicConfig.of(8, 4));
    assertEquals(14, split.depth());
    assertEquals(List.of(4, 4, 2, 4),
        split.lemmas().stream().map(StageLemma::layerCount).toList());
    assertEquals(plain.layout().names(), split.layout().names());
    for (int s = 0; s < plain.lemmas().size(); s++) {
      StageLemma<ClassicStepContext> p = plain.lemmas().get(s);
      StageLemma<ClassicStepContext> q = split.lemmas().get(s);
      assertEquals(p.name(), q.name());
      assertEquals(p.roles(), q.roles());
      assertEquals(p.frame(), q.frame());
    }
    assertTrue(split.network().isLoopable());
  }

  /**
   * Every direction of a stage's frame is copied by every layer of the stage: a row with the
   * single weight 1 on itself and bias 0, read off the weights.
   */
  @Test
  void everyFrameDirectionIsAnIdentityRowInEveryLayerOfItsStage() {
    for (ClassicConfig config : List.of(ClassicConfig.of(2, 2), ClassicConfig.of(8, 4),
        ClassicConfig.of(3, 5))) {
     for (String name : ClassicConstruction.names()) {
      ClassicConstruction c = ClassicConstruction.build(name, config);
      long rows = 0;
      for (StageLemma<ClassicStepContext> lemma : c.lemmas()) {
        for (int li = lemma.firstLayer(); li <= lemma.lastLayer(); li++) {
          SparseLayer layer = c.layer(li).layer();
          for (var d : lemma.frameDirections()) {
            int i = c.layout().indexOf(d);
            assertEquals(1, layer.rowEnd(i) - layer.rowStart(i), d + " in layer " + li);
            assertEquals(i, layer.column(layer.rowStart(i)), d + " in layer " + li);
            assertTrue(layer.weight(layer.rowStart(i)).equals(org.loopmlp.exact.Rational.ONE));
            assertTrue(layer.bias(i).isZero());
            rows++;
          }
        }
      }
      assertTrue(rows > 0);
     }
    }
  }

  @Test
  void theClosedFormEqualsTheBuiltNetwork() {
    for (int n : new int[] {2, 3, 5, 8, 12}) {
      for (int a : new int[] {2, 3, 4, 6}) {
        ClassicConfig config = ClassicConfig.of(n, a);
        assertSize(ClassicConstruction.build(config), ClassicSizes.of(config), true);
      }
    }
  }

  /** Exact when N > A; with a short word the repeated sign bit cancels decoding weights. */
  @Test
  void theSplitSizeIsExactForWideWordsAndABoundOtherwise() {
    for (int n : new int[] {2, 3, 5, 8, 12}) {
      for (int a : new int[] {2, 3, 4, 6}) {
        ClassicConfig config = ClassicConfig.of(n, a);
        assertSize(ClassicConstruction.buildSplit(config), ClassicSizes.ofSplit(config),
            n > a);
      }
    }
  }

  /** Exact when N > A, as for classic-split; a bound otherwise. */
  @Test
  void theNarrowSizesAreExactForWideWordsAndABoundOtherwise() {
    for (String name : List.of(ClassicConstruction.NARROW_NAME,
        ClassicConstruction.NARROW_SPLIT_NAME)) {
      for (int n : new int[] {2, 3, 5, 8, 12}) {
        for (int a : new int[] {2, 3, 4, 6}) {
          ClassicConfig config = ClassicConfig.of(n, a);
          assertSize(ClassicConstruction.build(name, config), ClassicSizes.of(name, config),
              n > a);
        }
      }
    }
  }

  /**
   * The estimate's depth, dimension and widest layer equal the built network's; its weights and
   * parameters too when {@code exact}, else at least the built ones and at most 10% more.
   */
  private static void assertSize(ClassicConstruction c, SizeEstimate<ClassicConfig> e,
      boolean exact) {
    long params = 0;
    int widest = 0;
    for (LayerInfo l : c.layers()) {
      params += l.layer().nonZeros() + l.layer().outputDimension();
      widest = Math.max(widest, l.layer().outputDimension());
    }
    String what = c.name() + " " + c.config();
    assertEquals(c.depth(), e.depth(), what);
    assertEquals(c.layout().dimension(), e.stateDimension(), what);
    assertEquals(widest, e.widestLayer(), what);
    if (exact) {
      assertEquals(c.network().nonZeros(), e.nonZeros(), what);
      assertEquals(params, e.parameters(), what);
    } else {
      assertTrue(c.network().nonZeros() <= e.nonZeros(), what);
      assertTrue(e.nonZeros() <= c.network().nonZeros() * 11 / 10, what);
    }
  }

  @Test
  void aStageThatWritesWhatItDoesNotDeclareIsRefused() {
    MachineStage<ClassicStepContext, ClassicRegisters> sneaky =
        new MachineStage<ClassicStepContext, ClassicRegisters>() {
      @Override
      public String name() {
        return "sneaky";
      }

      @Override
      public ImmutableList<ClassicRole> roles() {
        return ImmutableList.of(ClassicRole.IO);
      }

      @Override
      public com.google.common.collect.ImmutableSet<org.loopmlp.construction.Register> reads(
          ClassicRegisters regs) {
        return com.google.common.collect.ImmutableSet.of();
      }

      @Override
      public com.google.common.collect.ImmutableSet<org.loopmlp.construction.Register> writes(
          ClassicRegisters regs) {
        return com.google.common.collect.ImmutableSet.of(regs.outValid());
      }

      @Override
      public ImmutableList<org.loopmlp.construction.stage.LayerPlan> layers(
          ClassicRegisters regs) {
        return ImmutableList.of(org.loopmlp.construction.stage.LayerPlan.named("x")
            .clear(regs.pc()).build());
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassicConstruction.assemble("bad", ClassicConfig.of(4, 2), List.of(sneaky)));
    assertTrue(e.getMessage().contains("pc.bit[0]"), e.getMessage());
  }
}
