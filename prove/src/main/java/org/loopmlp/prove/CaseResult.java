package org.loopmlp.prove;

import java.io.Serializable;

/**
 * A searched {@link CaseTask}: its certificate lines (ASCII, empty unless certified), its leaves
 * (cases), the neuron facts used, the leaves outside the precondition, and the failing leaf or
 * the exceeded budget that stopped it. {@link LemmaSearch} splices the results into place in task
 * order, which makes the certificate and the counts those of one search of the whole tree.
 */
public final class CaseResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final byte[] text;
  final long cases;
  final long facts;
  final long excluded;
  final StageSearch.Failure failure;
  final boolean budgetExceeded;
  private final long nanos;

  CaseResult(int index, byte[] text, long cases, long facts, long excluded,
      StageSearch.Failure failure, boolean budgetExceeded) {
    this(index, text, cases, facts, excluded, failure, budgetExceeded, 0);
  }

  CaseResult(int index, byte[] text, long cases, long facts, long excluded,
      StageSearch.Failure failure, boolean budgetExceeded, long nanos) {
    this.index = index;
    this.text = text;
    this.cases = cases;
    this.facts = facts;
    this.excluded = excluded;
    this.failure = failure;
    this.budgetExceeded = budgetExceeded;
    this.nanos = nanos;
  }

  /** The task's number among its stage's pieces. */
  public int index() {
    return index;
  }

  /** The certificate lines (ASCII); a transport may compress them and {@link #withText} back. */
  public byte[] text() {
    return text;
  }

  /** The same result with {@code text} (the same lines, e.g. decompressed) in place. */
  public CaseResult withText(byte[] text) {
    return new CaseResult(index, text, cases, facts, excluded, failure, budgetExceeded, nanos);
  }

  /** The leaves searched. */
  public long cases() {
    return cases;
  }

  /** The time the search of the task took where it ran (for measuring how work spreads). */
  public long nanos() {
    return nanos;
  }

  /** True when a leaf fails the lemma. */
  public boolean failed() {
    return failure != null;
  }
}
