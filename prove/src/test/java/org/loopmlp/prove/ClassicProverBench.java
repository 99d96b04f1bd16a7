package org.loopmlp.prove;

import java.nio.file.Path;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.classic.ClassicConfig;

/** Not a test: {@code ClassicProverBench N A DIR} proves one size and writes its certificate. */
final class ClassicProverBench {
  public static void main(String[] args) throws Exception {
    ClassicConstruction c = ClassicConstruction.build(
        ClassicConfig.of(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
    var r = ClassicProver.certifyInto(c, Path.of(args[2]), ProgressListener.NONE);
    System.out.println(r.summary());
  }
}
