package io.distdb.node.storage.undo;

import io.distdb.node.sql.DdlTargets;
import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.CaptureTriggers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes the change-capture trigger off the tables a schema change is about to alter. The engine
 * rebuilds a table for most {@code ALTER TABLE}s (drop or add a column, change a type) and copies
 * its triggers, which only its administrator may create, so a client's schema change would fail on
 * any captured table. The trigger comes back with {@link Storage#afterSchemaChange}, which every
 * path that runs a schema change calls right after it; the schema change itself captures nothing.
 */
public final class TriggerSuspension {

  private TriggerSuspension() {}

  public static void beforeSchemaChange(
      Storage storage, DatabaseName database, String engineSql, String defaultSchema)
      throws SQLException {
    DdlTargets.Targets targets;
    try {
      targets = DdlTargets.altered(engineSql);
    } catch (StatementException e) {
      return; // nothing it alters needs the trigger off (or the engine will refuse it anyway)
    }
    if (targets.tables().isEmpty()) {
      return;
    }
    try (Connection admin = storage.connect(database);
        Statement s = admin.createStatement()) {
      for (DdlTargets.Name t : targets.tables()) {
        String schema = t.schema() != null ? t.schema() : defaultSchema;
        s.execute(
            "DROP TRIGGER IF EXISTS "
                + CatalogState.qualified(schema, CaptureTriggers.PREFIX + t.name()));
      }
    }
  }
}
