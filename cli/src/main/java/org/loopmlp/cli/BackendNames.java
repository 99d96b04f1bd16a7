package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;

/** The backends' names, for help texts, and the lookup with a one-line error. */
final class BackendNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>();
    Backends.all().forEach(b -> names.add(b.name()));
    return names.iterator();
  }

  /** The backend called {@code name}, or a {@link UserError} listing the known names. */
  static Backend backend(String name) {
    try {
      return Backends.named(name);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
