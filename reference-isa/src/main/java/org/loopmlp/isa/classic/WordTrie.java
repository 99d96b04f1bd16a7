package org.loopmlp.isa.classic;

import java.util.Arrays;

/**
 * A persistent memory of 2^A words: a trie of fan-out 16 over the address bits, most significant
 * first, whose leaves hold 16 words (or 2^A when A < 4). Setting a word copies the path from the
 * root to its leaf only (at most ceil(A / 4) nodes of 16 entries), so a state after a write
 * shares all other words with the state before: a write costs O(A), not O(2^A). Immutable; equal
 * subtrees are often the same object, which {@link #sameWords} uses to skip them.
 */
final class WordTrie {
  private static final int BITS = 4;
  private static final int FAN = 1 << BITS;
  private static final int MASK = FAN - 1;

  private final int size;
  /** The shift of the root's child index: 0 when the root is a leaf. */
  private final int rootShift;
  /** A long[] (leaf) when rootShift is 0, else an Object[] of children. */
  private final Object root;

  private WordTrie(int size, int rootShift, Object root) {
    this.size = size;
    this.rootShift = rootShift;
    this.root = root;
  }

  /** The trie holding {@code words} (a power-of-two length), copied. */
  static WordTrie of(long[] words) {
    int size = words.length;
    if (size <= FAN) {
      return new WordTrie(size, 0, words.clone());
    }
    int shift = 0;
    while ((FAN << shift) < size) {
      shift += BITS;
    }
    return new WordTrie(size, shift, build(words, 0, shift));
  }

  /** The node at {@code shift} covering addresses from {@code base}. */
  private static Object build(long[] words, int base, int shift) {
    if (shift == 0) {
      return Arrays.copyOfRange(words, base, base + FAN);
    }
    Object[] n = new Object[FAN];
    int span = 1 << shift;
    for (int i = 0; i < FAN && base + i * span < words.length; i++) {
      n[i] = build(words, base + i * span, shift - BITS);
    }
    return n;
  }

  int size() {
    return size;
  }

  long get(int address) {
    Object n = root;
    for (int s = rootShift; s > 0; s -= BITS) {
      n = ((Object[]) n)[(address >>> s) & MASK];
    }
    return ((long[]) n)[rootShift == 0 ? address : address & MASK];
  }

  /** The trie with word {@code address} set to {@code value}; this one when it already is. */
  WordTrie with(int address, long value) {
    if (get(address) == value) {
      return this;
    }
    return new WordTrie(size, rootShift, with(root, rootShift, address, value));
  }

  private static Object with(Object node, int shift, int address, long value) {
    if (shift == 0) {
      long[] leaf = ((long[]) node).clone();
      leaf[leaf.length == FAN ? address & MASK : address] = value;
      return leaf;
    }
    Object[] n = ((Object[]) node).clone();
    int i = (address >>> shift) & MASK;
    n[i] = with(n[i], shift - BITS, address, value);
    return n;
  }

  /** All words, address order. */
  long[] toArray() {
    long[] r = new long[size];
    copy(root, rootShift, 0, r);
    return r;
  }

  private static void copy(Object node, int shift, int base, long[] into) {
    if (shift == 0) {
      long[] leaf = (long[]) node;
      System.arraycopy(leaf, 0, into, base, leaf.length);
      return;
    }
    Object[] n = (Object[]) node;
    int span = 1 << shift;
    for (int i = 0; i < FAN && n[i] != null; i++) {
      copy(n[i], shift - BITS, base + i * span, into);
    }
  }

  /** Whether both hold the same words (same size assumed), skipping shared subtrees. */
  boolean sameWords(WordTrie o) {
    return size == o.size && same(root, o.root, rootShift);
  }

  private static boolean same(Object a, Object b, int shift) {
    if (a == b) {
      return true;
    }
    if (shift == 0) {
      return Arrays.equals((long[]) a, (long[]) b);
    }
    Object[] x = (Object[]) a;
    Object[] y = (Object[]) b;
    for (int i = 0; i < FAN; i++) {
      if ((x[i] == null) != (y[i] == null)
          || (x[i] != null && !same(x[i], y[i], shift - BITS))) {
        return false;
      }
    }
    return true;
  }
}
