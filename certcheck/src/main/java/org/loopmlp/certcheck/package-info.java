/**
 * The independent checker, the trusted base: {@link org.loopmlp.certcheck.CertificateChecker}
 * re-checks a proof certificate against an exported network ({@code org.loopmlp.exact
 * .NetworkFormat}), in exact rational arithmetic, with the stage lemmas it states itself ({@link
 * org.loopmlp.certcheck.Lemmas}); it imports nothing from the prover or the construction. The
 * certificate grammar, what is checked, the rule for corrupt input, how to audit the checker and
 * how to run it on its own: {@code certcheck/README.md}.
 */
package org.loopmlp.certcheck;
