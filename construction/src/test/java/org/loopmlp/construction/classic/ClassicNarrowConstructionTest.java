package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.classic.ClassicConfig;

/** Shape of classic-narrow and classic-narrow-split: depth, lemmas, small weights. */
class ClassicNarrowConstructionTest {
  @Test
  void nineAndFifteenLayersWithTheLemmasOfClassic() {
    ClassicConfig config = ClassicConfig.of(8, 4);
    ClassicConstruction plain = ClassicConstruction.build(config);
    ClassicConstruction narrow = ClassicConstruction.build(ClassicConstruction.NARROW_NAME,
        config);
    ClassicConstruction split = ClassicConstruction.build(
        ClassicConstruction.NARROW_SPLIT_NAME, config);
    assertEquals(9, narrow.depth());
    assertEquals(15, split.depth());
    assertEquals(List.of(2, 2, 3, 2),
        narrow.lemmas().stream().map(StageLemma::layerCount).toList());
    assertEquals(List.of(4, 4, 3, 4),
        split.lemmas().stream().map(StageLemma::layerCount).toList());
    for (ClassicConstruction c : List.of(narrow, split)) {
      assertEquals(plain.layout().names(), c.layout().names());
      for (int s = 0; s < plain.lemmas().size(); s++) {
        assertEquals(plain.lemmas().get(s).roles(), c.lemmas().get(s).roles());
        assertEquals(plain.lemmas().get(s).frame(), c.lemmas().get(s).frame());
      }
      assertTrue(c.network().isLoopable());
    }
  }

  /**
   * Every weight is an integer in {-2..2} and every bias an integer of magnitude at most 2N + A
   * (the carry terms' and halt test's sums of bits), read off the weights, when N >= A; with a
   * shorter word the address match repeats the sign bit for bits N..A-1, weight 2 (A - N + 1)
   * (6 at N = 3, A = 5). classic itself weighs bit 15 of a 16-bit word by 2^15.
   */
  @Test
  void everyWeightIsAtMostTwoAndEveryBiasSmall() {
    for (ClassicConfig config : List.of(ClassicConfig.of(16, 4), ClassicConfig.of(3, 5),
        ClassicConfig.of(32, 3), ClassicConfig.of(6, 6), ClassicConfig.of(10, 10))) {
      for (String name : List.of(ClassicConstruction.NARROW_NAME,
          ClassicConstruction.NARROW_SPLIT_NAME)) {
        ClassicConstruction c = ClassicConstruction.build(name, config);
        long bias = 2L * config.wordBits() + config.memoryBits();
        long weight = 2L * Math.max(1, config.memoryBits() - config.wordBits() + 1);
        for (int i = 0; i < c.depth(); i++) {
          SparseLayer layer = c.layer(i).layer();
          for (int r = 0; r < layer.outputDimension(); r++) {
            assertTrue(layer.bias(r).isInteger()
                && layer.bias(r).abs().compareTo(Rational.of(bias)) <= 0, name + " " + config
                + " layer " + i + " bias " + layer.bias(r));
            for (int k = layer.rowStart(r); k < layer.rowEnd(r); k++) {
              Rational w = layer.weight(k);
              assertTrue(w.isInteger() && w.abs().compareTo(Rational.of(weight)) <= 0,
                  name + " " + config + " layer " + i + " weight " + w);
            }
          }
        }
      }
    }
    ClassicConstruction classic = ClassicConstruction.build(ClassicConfig.of(16, 4));
    boolean wide = false;
    for (int i = 0; i < classic.depth(); i++) {
      SparseLayer layer = classic.layer(i).layer();
      for (int k = 0; k < layer.nonZeros(); k++) {
        wide |= layer.weight(k).abs().compareTo(Rational.of(1 << 15)) == 0;
      }
    }
    assertTrue(wide, "classic weighs bit 15 by 2^15");
  }
}
