package io.distdb.node.service;

import io.distdb.node.command.Change;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.sql.DdlTargets;
import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.CaptureBuffer;
import io.distdb.node.storage.capture.CapturedRow;
import io.distdb.node.storage.undo.SchemaFence;
import io.distdb.node.storage.undo.SchemaUndo;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema changes of one transaction block on the master. The engine commits each of them (and
 * the block's rows before it) at once, so before the first one the block takes its database's
 * {@link SchemaFence} and starts a {@link SchemaUndo}; every schema change is journaled before it
 * runs. The block's entry lists its row images and schema changes in the order they happened: rows
 * become images before each schema change, while the table shapes they were captured with still
 * hold. The caller holds the database's write path alone throughout.
 */
final class BlockSchemaChanges {

  private static final Logger log = LoggerFactory.getLogger(BlockSchemaChanges.class);

  private final Storage storage;
  private final DatabaseName database;
  private final DatabaseWriter writer;
  private final NodeHealth health;
  private final SchemaFence fence;
  private final List<Change> changes = new ArrayList<>();
  private SchemaUndo undo;
  private Connection owner;

  /** How many of the block's captured rows are already in {@link #changes}. */
  private int converted;

  BlockSchemaChanges(
      Storage storage, DatabaseName database, DatabaseWriter writer, NodeHealth health) {
    this.storage = storage;
    this.database = database;
    this.writer = writer;
    this.health = health;
    this.fence = storage.fence(database);
  }

  /** Whether the block has run (or tried to run) a schema change. */
  boolean any() {
    return undo != null;
  }

  WriteResult run(Connection c, SqlStatement statement, CaptureBuffer captured)
      throws SqlException {
    try {
      if (undo == null) {
        fence.close(c);
        owner = c;
        undo = SchemaUndo.begin(storage, database, writer.recordedPositions(c));
      }
      List<CapturedRow> rows = captured.rowsFrom(0);
      fence.guard(
          c, names(undo.beforeSchemaChange(statement.sql(), tablesOf(rows), c.getSchema())));
      changes.addAll(writer.images(c, rows.subList(converted, rows.size())));
      converted = rows.size();
      changes.addAll(writer.sequenceMoves(c));
    } catch (StatementException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    } catch (IOException e) {
      health.fail("undo journal write failed: " + e.getMessage());
      throw SqlErrors.ioFailure(e);
    }
    try {
      writer.beforeSchemaChangeBy(c, statement.sql());
      WriteResult result = StatementRunner.run(c, statement);
      // The engine commits most schema changes by itself, but not CREATE / ALTER SEQUENCE: left
      // open, they hold its meta lock, on which the next schema change's trigger suspension (an
      // administrator connection) would wait out the lock timeout. Undo covers them like the rest.
      c.commit();
      changes.add(new SchemaChange(statement.sql(), statement.parameters()));
      return result;
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    } finally {
      try {
        writer.schemaChangedBy(c);
      } catch (SQLException e) {
        log.atWarn().addKeyValue("database", database).log("after DDL: {}", e.getMessage());
      }
    }
  }

  private static Set<DdlTargets.Name> tablesOf(List<CapturedRow> rows) {
    Set<DdlTargets.Name> out = new LinkedHashSet<>();
    for (CapturedRow r : rows) {
      out.add(new DdlTargets.Name(r.schema(), r.table()));
    }
    return out;
  }

  static List<String> names(Set<DdlTargets.Name> tables) {
    return tables.stream().map(DdlTargets.Name::name).toList();
  }

  /** The block's entry: everything so far, then the images of {@code rows} not yet converted. */
  List<Change> entry(Connection c, List<CapturedRow> rows) throws SqlException {
    List<Change> entry = new ArrayList<>(changes);
    entry.addAll(writer.images(c, rows.subList(Math.min(converted, rows.size()), rows.size())));
    return entry;
  }

  /** The block's entry is committed: the undo copies go, others may read again. */
  void committed() {
    try {
      undo.forget();
    } catch (SQLException | IOException e) {
      // Harmless: the next start sees the applied LSN past the journal's and discards it.
      log.atWarn().addKeyValue("database", database).log("discarding undo: {}", e.getMessage());
    } finally {
      end();
    }
  }

  /**
   * Returns the database to where it was before the block's first schema change. If the node has
   * failed meanwhile (its log may hold the block's entry), the undo is left to the next start,
   * which knows from the applied LSN whether the block committed; the fence stays closed until
   * then.
   */
  void undo(Connection c) {
    DatabaseWriter.rollbackQuietly(c);
    if (!health.isHealthy()) {
      return;
    }
    try {
      undo.undo();
      writer.schemaChangedBy(c);
      end();
    } catch (SQLException | IOException | RuntimeException e) {
      health.fail("undo of a transaction block's schema changes failed: " + e.getMessage());
    }
  }

  private void end() {
    undo.close();
    undo = null;
    changes.clear();
    converted = 0;
    fence.open(owner);
    owner = null;
  }
}
