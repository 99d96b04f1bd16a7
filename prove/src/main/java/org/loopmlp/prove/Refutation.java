package org.loopmlp.prove;

/** What a stage's counterexample says in one line, for either machine's report. */
public interface Refutation {
  String summary();
}
