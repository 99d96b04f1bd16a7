/**
 * The vocabulary stages are written in: affine forms over named directions and one-layer gadgets,
 * each stating the identity it relies on. Gadgets never compute indices.
 */
package org.loopmlp.construction.gadget;
