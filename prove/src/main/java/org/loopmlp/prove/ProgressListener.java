package org.loopmlp.prove;

import java.util.function.Consumer;

/** Follows a proof stage by stage (e.g. to print progress on the command line). */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  /** Stage {@code index} ({@code name}) starts; it has {@code goals} goals. */
  default void stageStarted(int index, String name, int goals) {}

  /** One goal of the current stage is done. */
  default void goalFinished(String goal, long cases) {}

  /** A stage is done, proved or not. */
  default void stageFinished(StageProof<?, ?> proof) {}

  /** A listener that hands every finished stage, of either machine, to {@code stage}. */
  static ProgressListener onStage(Consumer<StageProof<?, ?>> stage) {
    return new ProgressListener() {
      @Override
      public void stageFinished(StageProof<?, ?> proof) {
        stage.accept(proof);
      }
    };
  }
}
