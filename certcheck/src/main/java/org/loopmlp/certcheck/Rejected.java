package org.loopmlp.certcheck;

/** The certificate does not prove the lemmas for this network; the message says where and why. */
public final class Rejected extends RuntimeException {
  public Rejected(String message) {
    super(message);
  }
}
