package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The word sizes at which the floating-point backends first fail on the paper construction, as
 * measured by the differential campaign and recorded in {@code floating-point.properties} (next
 * to this class): the one place that README.md cites, {@code FloatingPointTest} asserts and
 * {@code loopmlp run} warns from.
 */
public final class FloatingPointLimits {
  private static final String RESOURCE = "floating-point.properties";
  private static final Properties LIMITS = load();

  private FloatingPointLimits() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = FloatingPointLimits.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * The smallest word size N at which backend {@code name} (e.g. {@code float32})
   * fails, or empty when it does not fail up to N = 32.
   */
  public static OptionalInt firstFailingWordBits(String name) {
    String v = LIMITS.getProperty(name + ".firstFailingWordBits");
    checkArgument(v != null, "no floating-point limit recorded for backend '%s'", name);
    return v.strip().equals("none") ? OptionalInt.empty()
        : OptionalInt.of(Integer.parseInt(v.strip()));
  }

  /** The backends whose limit is recorded, in the file's order of keys (sorted by name). */
  public static java.util.SortedSet<String> recordedBackends() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (String key : LIMITS.stringPropertyNames()) {
      names.add(key.substring(0, key.indexOf('.')));
    }
    return names;
  }

  /** True when {@code name} is a backend whose limit is recorded here. */
  public static boolean isRecorded(String name) {
    return LIMITS.containsKey(name + ".firstFailingWordBits");
  }
}
