package org.loopmlp.distributed;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code matrix}: placeholder replaced below. */
@Command(name = "matrix")
final class MatrixJob implements Callable<Integer> {
  @Override
  public Integer call() {
    return Main.USAGE;
  }
}
