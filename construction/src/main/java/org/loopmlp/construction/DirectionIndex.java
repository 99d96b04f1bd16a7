package org.loopmlp.construction;

import java.util.ArrayList;
import java.util.List;

/**
 * The positions of directions in a list, by open addressing: a {@code long} table over the list
 * itself, each slot holding a direction's hash beside its position, so a layout of millions of
 * hidden directions costs about 16 bytes per direction for its index instead of a hash map entry
 * and a boxed position, and a probe reads a direction (and its name) only when the hashes agree.
 * Grows as directions are added.
 */
final class DirectionIndex {
  private final List<Direction> directions = new ArrayList<>();
  /**
   * Slot: {@code hash << 32 | (position + 1)}, 0 for an empty slot (positions are below 2^31, so
   * a used slot is never 0); the length is a power of two.
   */
  private long[] table = new long[16];

  /** Adds {@code d} at the next position; false (and nothing added) if it is there already. */
  boolean add(Direction d) {
    if (find(d) >= 0) {
      return false;
    }
    if ((directions.size() + 1) * 2 > table.length) {
      grow();
    }
    directions.add(d);
    insert(d.hashCode(), directions.size());
    return true;
  }

  /** The position of {@code d}, or -1. */
  int find(Direction d) {
    int h = d.hashCode();
    int mask = table.length - 1;
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      long e = table[slot];
      if (e == 0) {
        return -1;
      }
      if ((int) (e >>> 32) == h) {
        int p = (int) e - 1;
        Direction at = directions.get(p);
        if (at == d || at.equals(d)) {
          return p;
        }
      }
    }
  }

  int size() {
    return directions.size();
  }

  List<Direction> directions() {
    return directions;
  }

  private void insert(int hash, int positionPlusOne) {
    int mask = table.length - 1;
    int slot = spread(hash) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = ((long) hash << 32) | (positionPlusOne & 0xffffffffL);
  }

  private void grow() {
    table = new long[table.length * 2];
    for (int i = 0; i < directions.size(); i++) {
      insert(directions.get(i).hashCode(), i + 1);
    }
  }

  /** Mixes the hash's high bits into the low ones, which pick the slot. */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    return h ^ (h >>> 13);
  }
}
