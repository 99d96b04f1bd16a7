/**
 * The independent checker: the trusted base. {@link org.loopmlp.certcheck.CertificateChecker}
 * reads an exported network ({@code org.loopmlp.exact.NetworkFormat}) and a proof certificate,
 * and accepts only when every on/off fact re-derives in exact rational arithmetic, the facts
 * imply the stage lemmas it states itself ({@link org.loopmlp.certcheck.Lemmas}) and the stages
 * compose into one SUBLEQ step. It imports nothing from the prover or the construction.
 *
 * <p>Corrupt input has one rule: any content of either file that is not a certificate for the
 * network (truncated or damaged compressed data, a missing {@code end}, malformed lines,
 * counts the file cannot hold, wrong names) is <em>rejected</em>, like a certificate that does
 * not prove the lemmas: {@code loopmlp certcheck} prints {@code REJECTED} with the reason and
 * exits 1. Only a file that cannot be opened (missing, a directory, no permission) is an input
 * error, exit 2. A truncated or damaged certificate is rejected by one pass over its bytes
 * before any case is checked, and the reason quotes the files only as printable ASCII (other
 * bytes as {@code \xNN}) of bounded length.
 */
package org.loopmlp.certcheck;
