package org.loopmlp.construction;

import java.util.ArrayList;
import java.util.List;

/**
 * The positions of directions in a list, by open addressing: an {@code int} table over the list
 * itself, so a layout of millions of hidden directions costs 8 bytes or so per direction for its
 * index instead of a hash map entry and a boxed position. Grows as directions are added.
 */
final class DirectionIndex {
  private final List<Direction> directions = new ArrayList<>();
  /** Position + 1 of a direction, 0 for an empty slot; the length is a power of two. */
  private int[] table = new int[16];

  /** Adds {@code d} at the next position; false (and nothing added) if it is there already. */
  boolean add(Direction d) {
    if (find(d) >= 0) {
      return false;
    }
    if ((directions.size() + 1) * 2 > table.length) {
      grow();
    }
    directions.add(d);
    insert(d, directions.size());
    return true;
  }

  /** The position of {@code d}, or -1. */
  int find(Direction d) {
    int mask = table.length - 1;
    for (int slot = spread(d.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int p = table[slot];
      if (p == 0) {
        return -1;
      }
      if (directions.get(p - 1).equals(d)) {
        return p - 1;
      }
    }
  }

  int size() {
    return directions.size();
  }

  List<Direction> directions() {
    return directions;
  }

  private void insert(Direction d, int positionPlusOne) {
    int mask = table.length - 1;
    int slot = spread(d.hashCode()) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = positionPlusOne;
  }

  private void grow() {
    table = new int[table.length * 2];
    for (int i = 0; i < directions.size(); i++) {
      insert(directions.get(i), i + 1);
    }
  }

  /** Mixes the hash's high bits into the low ones, which pick the slot. */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    return h ^ (h >>> 13);
  }
}
