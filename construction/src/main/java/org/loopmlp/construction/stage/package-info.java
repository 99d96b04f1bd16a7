/**
 * Stages (blocks of layers declared by the registers they read and write), the paper's six stages
 * and their lemmas: pre- and postconditions stated with the reference machine's step values, and
 * frames.
 */
package org.loopmlp.construction.stage;
