package io.distdb.node.storage;

import io.distdb.node.storage.capture.CaptureTrigger;
import org.h2.api.JavaObjectSerializer;

/**
 * JVM-wide settings that take away the storage engine's ways to load classes a statement names. H2
 * reads them once, when its settings class loads, so {@link #install()} must run before the first
 * connection: {@link Storage}'s class initializer calls it and {@link #verify()} fails the node if
 * H2 was initialized earlier without them.
 */
public final class EngineHardening {

  /**
   * No user class may be loaded (triggers, aliases, aggregates and table engines name classes): the
   * property is a list of allowed names and prefixes, and it names only distdb's own classes: the
   * serializer below, the pure functions the node itself installs as aliases ({@link
   * PostgresFunctions}, {@link PostgresJsonFunctions}, {@link PostgresJsonTextFunctions}, {@link
   * PostgresCompatFunctions}, {@link PostgresBuiltinFunctions}, {@link PostgresFloatFunctions}),
   * the functions that read only the calling session's catalog views or settings ({@link
   * CatalogFunctions}, {@link SettingFunctions}), the sequence functions that set positions ({@link
   * SequenceFunctions}), the advisory locks ({@link AdvisoryLockFunctions}) and the change-capture
   * trigger that only the node's administrator connection installs (clients cannot create triggers
   * or aliases: {@code sql.EngineFeatureGuard} refuses them and the engine users lack the right).
   */
  static final String ALLOWED_CLASSES =
      RefusingObjectSerializer.class.getName()
          + ","
          + PostgresFunctions.class.getName()
          + ","
          + PostgresJsonFunctions.class.getName()
          + ","
          + PostgresJsonTextFunctions.class.getName()
          + ","
          + PostgresCompatFunctions.class.getName()
          + ","
          + PostgresBuiltinFunctions.class.getName()
          + ","
          + PostgresFloatFunctions.class.getName()
          + ","
          + CatalogFunctions.class.getName()
          + ","
          + SettingFunctions.class.getName()
          + ","
          + SequenceFunctions.class.getName()
          + ","
          + DumpFunctions.class.getName()
          + ","
          + AdvisoryLockFunctions.class.getName()
          + ","
          + CaptureTrigger.class.getName();

  private EngineHardening() {}

  /** Idempotent; must run before any other engine class initializes. */
  public static void install() {
    System.setProperty("h2.allowedClasses", ALLOWED_CLASSES);
    System.setProperty("h2.javaObjectSerializer", RefusingObjectSerializer.class.getName());
  }

  /** Throws if the engine runs with other settings than {@link #install()} makes. */
  static void verify() {
    if (!ALLOWED_CLASSES.equals(org.h2.engine.SysProperties.ALLOWED_CLASSES)
        || !RefusingObjectSerializer.class
            .getName()
            .equals(org.h2.engine.SysProperties.JAVA_OBJECT_SERIALIZER)) {
      throw new StorageException(
          "the storage engine was initialized before distdb could restrict it"
              + " (h2.allowedClasses / h2.javaObjectSerializer)",
          null);
    }
  }

  /**
   * Stands in for Java serialization of {@code JAVA_OBJECT} values: reading one would deserialize
   * bytes a client chose, a classic way to run code.
   */
  public static final class RefusingObjectSerializer implements JavaObjectSerializer {
    @Override
    public byte[] serialize(Object obj) {
      throw new UnsupportedOperationException("Java object values are not supported");
    }

    @Override
    public Object deserialize(byte[] bytes) {
      throw new UnsupportedOperationException("Java object values are not supported");
    }
  }
}
