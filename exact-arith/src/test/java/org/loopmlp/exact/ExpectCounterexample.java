package org.loopmlp.exact;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Turns a property around: it passes when jqwik finds a counterexample and fails when every
 * try holds. For properties run against a deliberately broken fixture, to show that the property
 * can fail.
 */
public final class ExpectCounterexample implements AroundPropertyHook {
  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
      PropertyExecutor property) {
    PropertyExecutionResult result = property.execute();
    if (result.status() == PropertyExecutionResult.Status.FAILED
        && result.throwable().orElse(null) instanceof AssertionError) {
      return result.mapToSuccessful();
    }
    return result.mapToFailed("expected the property to find a counterexample in the broken"
        + " fixture, but it " + result.status() + " after " + result.countTries() + " tries");
  }
}
