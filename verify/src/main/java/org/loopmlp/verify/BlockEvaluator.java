package org.loopmlp.verify;

import java.util.ArrayList;
import java.util.List;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.BatchedExactBackend;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.StateVector;

/**
 * Evaluates a list of independent inputs: in blocks over the weights for the {@code exact}
 * backend ({@link BatchedExactBackend}, the same values), one by one for every other backend.
 * Safe to share between threads.
 */
@FunctionalInterface
interface BlockEvaluator {
  List<? extends StateVector> applyAll(List<StateVector> inputs);

  static BlockEvaluator of(Backend backend, Network network, boolean batched) {
    if (batched && backend == ExactBackend.INSTANCE) {
      BatchedExactBackend.Compiled blocks = BatchedExactBackend.compile(network);
      return blocks::applyAll;
    }
    Backend.Compiled compiled = backend.compile(network);
    return inputs -> {
      List<StateVector> out = new ArrayList<>(inputs.size());
      for (StateVector x : inputs) {
        out.add(compiled.apply(compiled.load(x)));
      }
      return out;
    };
  }
}
