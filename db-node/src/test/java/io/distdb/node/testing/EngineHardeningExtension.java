package io.distdb.node.testing;

import io.distdb.node.storage.EngineHardening;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Restricts the storage engine before any test class runs (registered for all of them through
 * META-INF/services and junit-platform.properties), as the node does before it opens a database: a
 * test that opens an in-memory engine directly would otherwise initialize it unrestricted, and
 * every later test in the same JVM that opens a Storage would be refused.
 */
public final class EngineHardeningExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    EngineHardening.install();
  }
}
