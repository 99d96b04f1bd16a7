package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.onnx.OnnxRuntimeBackend;

/**
 * The backends' names, for help texts, and the lookup with a one-line error: the backends of
 * {@link Backends} and the ONNX Runtime ones ({@code onnx-float32}, {@code onnx-float16}), which
 * live in the {@code onnx} module, outside the trusted modules.
 */
final class BackendNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>();
    Backends.all().forEach(b -> names.add(b.name()));
    OnnxRuntimeBackend.all().forEach(b -> names.add(b.name()));
    return names.iterator();
  }

  /** The backend called {@code name}, or a {@link UserError} listing the known names. */
  static Backend backend(String name) {
    for (Backend b : OnnxRuntimeBackend.all()) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    try {
      return Backends.named(name);
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      new BackendNames().forEach(known::add);
      throw UserError.because("unknown backend '%s', expected one of %s", name, known);
    }
  }
}
