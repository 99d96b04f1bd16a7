package org.loopmlp.smt;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registers of a state space read off its direction names (SPEC §7.1: the bits of register
 * X are {@code X.bit[t]}, t = 0 least significant), each bit mapped to an SMT term: an input
 * variable, or a neuron of the last layer.
 */
final class Registers {
  private static final Pattern BIT = Pattern.compile("(.*)\\.bit\\[(\\d+)\\]");

  private final ImmutableMap<String, ImmutableList<String>> directions;
  private final Function<String, String> term;

  private Registers(ImmutableMap<String, ImmutableList<String>> directions,
      Function<String, String> term) {
    this.directions = directions;
    this.term = term;
  }

  /** The registers of the state directions {@code names}, each bit as {@code term(name)}. */
  static Registers of(List<String> names, Function<String, String> term) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String name : names) {
      Matcher x = BIT.matcher(name);
      checkArgument(x.matches(), "direction %s is not a register bit", name);
      List<String> bits = m.computeIfAbsent(x.group(1), k -> new ArrayList<>());
      checkArgument(Integer.parseInt(x.group(2)) == bits.size(), "bits of %s out of order",
          x.group(1));
      bits.add(name);
    }
    ImmutableMap.Builder<String, ImmutableList<String>> b = ImmutableMap.builder();
    m.forEach((k, v) -> b.put(k, ImmutableList.copyOf(v)));
    return new Registers(b.buildOrThrow(), term);
  }

  /** The same registers with bits mapped by another function. */
  Registers as(Function<String, String> other) {
    return new Registers(directions, other);
  }

  ImmutableList<String> names() {
    return directions.keySet().asList();
  }

  /** The direction names of register {@code r}, bit 0 first. */
  ImmutableList<String> directions(String r) {
    ImmutableList<String> d = directions.get(r);
    checkArgument(d != null, "no register %s", r);
    return d;
  }

  /** The terms of register {@code r}'s bits, bit 0 first. */
  List<String> bits(String r) {
    return directions(r).stream().map(term).toList();
  }

  /** The term of bit t of register {@code r}. */
  String bit(String r, int t) {
    return term.apply(directions(r).get(t));
  }

  String uval(String r) {
    return Smt.uval(bits(r));
  }

  String sval(String r) {
    return Smt.sval(bits(r));
  }

  int width(String r) {
    return directions(r).size();
  }
}
