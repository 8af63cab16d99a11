package io.distdb.node.storage.capture;

import io.distdb.node.storage.EngineSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.schema.Schema;
import org.h2.schema.Sequence;
import org.h2.table.Column;
import org.h2.table.IndexColumn;
import org.h2.table.Table;

/**
 * Reads table shapes and sequence positions straight from the engine's in-memory schema objects
 * (H2's internal API), because the write path asks after every statement: INFORMATION_SCHEMA would
 * build a result set each time. The only class that touches engine internals for capture.
 */
public final class EngineTables {

  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of(
          "INFORMATION_SCHEMA",
          "information_schema",
          "pg_catalog",
          "distdb_internal",
          "distdb_catalog");

  private EngineTables() {}

  /** The shape of a table, or null if it does not exist (any more). */
  public static TableShape shape(Connection c, String schema, String table) throws SQLException {
    SessionLocal session = session(c);
    Schema s = session.getDatabase().findSchema(schema);
    Table t = s == null ? null : s.findTableOrView(session, table);
    if (t == null) {
      return null;
    }
    Column[] all = t.getColumns();
    List<String> names = new ArrayList<>();
    int[] stored = new int[all.length];
    int n = 0;
    for (Column col : all) {
      if (!col.isGenerated()) {
        names.add(col.getName());
        stored[n++] = col.getColumnId();
      }
    }
    List<String> keyNames = new ArrayList<>();
    int[] key = new int[0];
    Index pk = t.findPrimaryKey();
    if (pk != null) {
      IndexColumn[] cols = pk.getIndexColumns();
      key = new int[cols.length];
      for (int i = 0; i < cols.length; i++) {
        keyNames.add(cols[i].column.getName());
        key[i] = cols[i].column.getColumnId();
      }
    }
    return new TableShape(names, java.util.Arrays.copyOf(stored, n), keyNames, key);
  }

  /** Every user sequence's position, identity columns' included. */
  public static List<SequenceReading> sequences(Connection c) throws SQLException {
    SessionLocal session = session(c);
    Database db = session.getDatabase();
    List<SequenceReading> out = new ArrayList<>();
    for (Schema s : db.getAllSchemasNoMeta()) {
      if (SYSTEM_SCHEMAS.contains(s.getName()) || s.getAllSequences().isEmpty()) {
        continue;
      }
      Map<Sequence, String[]> owners = null;
      for (Sequence seq : s.getAllSequences()) {
        if (!seq.getBelongsToTable()) {
          out.add(new SequenceReading(s.getName(), seq.getName(), null, seq.getBaseValue()));
          continue;
        }
        if (owners == null) {
          owners = identityOwners(session, s);
        }
        String[] owner = owners.get(seq);
        if (owner != null) {
          out.add(new SequenceReading(s.getName(), owner[0], owner[1], seq.getBaseValue()));
        }
      }
    }
    return out;
  }

  private static Map<Sequence, String[]> identityOwners(SessionLocal session, Schema s) {
    Map<Sequence, String[]> owners = new IdentityHashMap<>();
    for (Table t : s.getAllTablesAndViews(session)) {
      for (Column col : t.getColumns()) {
        if (col.getSequence() != null) {
          owners.put(col.getSequence(), new String[] {t.getName(), col.getName()});
        }
      }
    }
    return owners;
  }

  private static SessionLocal session(Connection c) throws SQLException {
    return EngineSession.of(c);
  }
}
