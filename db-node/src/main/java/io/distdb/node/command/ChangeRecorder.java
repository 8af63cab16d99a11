package io.distdb.node.command;

import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import io.distdb.node.command.Change.SequencePosition;
import io.distdb.node.storage.capture.CapturedRow;
import io.distdb.node.storage.capture.EngineTables;
import io.distdb.node.storage.capture.SequenceReading;
import io.distdb.node.storage.capture.TableShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's half of row-change replication for one database: turns the rows the capture trigger
 * collected into the row images a log entry carries, and notes which sequences moved since the last
 * entry. Shared by the database's writer and its transaction blocks, so its methods synchronize;
 * sequence positions are read as a commit appends its entry, so that they follow the log's order.
 */
public final class ChangeRecorder {

  private final Map<String, TableShape> shapes = new HashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private boolean sequencesKnown;

  /**
   * Row images of {@code rows}, grouped into one {@link RowChanges} per run of rows of the same
   * table and statement.
   */
  public synchronized List<Change> rowChanges(Connection c, List<CapturedRow> rows)
      throws SQLException {
    List<Change> out = new ArrayList<>();
    List<RowChange> run = null;
    CapturedRow first = null;
    TableShape shape = null;
    for (CapturedRow r : rows) {
      if (first == null
          || r.statement() != first.statement()
          || !r.table().equals(first.table())
          || !r.schema().equals(first.schema())) {
        if (run != null) {
          out.add(group(first, shape, run));
        }
        first = r;
        shape = shape(c, r.schema(), r.table());
        run = new ArrayList<>();
      }
      run.add(image(shape, r));
    }
    if (run != null) {
      out.add(group(first, shape, run));
    }
    return out;
  }

  private static RowChanges group(CapturedRow first, TableShape shape, List<RowChange> run) {
    return new RowChanges(first.schema(), first.table(), shape.columns(), shape.keyColumns(), run);
  }

  private static RowChange image(TableShape shape, CapturedRow r) {
    if (r.oldRow() == null) {
      return RowChange.insert(shape.project(r.newRow()));
    }
    if (r.newRow() == null) {
      return RowChange.delete(shape.identify(r.oldRow()));
    }
    return RowChange.update(shape.identify(r.oldRow()), shape.project(r.newRow()));
  }

  private TableShape shape(Connection c, String schema, String table) throws SQLException {
    String key = schema + '\u0000' + table;
    TableShape s = shapes.get(key);
    if (s == null) {
      s = EngineTables.shape(c, schema, table);
      if (s == null) {
        throw new SQLException(
            "captured a change of table " + schema + "." + table + " that is gone");
      }
      shapes.put(key, s);
    }
    return s;
  }

  /**
   * The sequences whose position differs from what the previous entry recorded; they count as
   * recorded from now on. The first call after start or a schema change only takes note.
   */
  public synchronized List<Change> sequenceMoves(Connection c) throws SQLException {
    List<SequenceReading> now = EngineTables.sequences(c);
    List<Change> moved = new ArrayList<>();
    boolean known = sequencesKnown;
    for (SequenceReading s : now) {
      Long before = sequences.put(s.key(), s.nextValue());
      if (known && (before == null || before != s.nextValue())) {
        moved.add(new SequencePosition(s.schema(), s.name(), s.column(), s.nextValue()));
      }
    }
    sequencesKnown = true;
    return moved;
  }

  /**
   * The positions the last entry recorded, i.e. those every replica has: where undoing a block's
   * schema changes returns the sequences to.
   */
  public synchronized List<SequenceReading> recordedPositions(Connection c) throws SQLException {
    if (!sequencesKnown) {
      sequenceMoves(c);
    }
    List<SequenceReading> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : sequences.entrySet()) {
      String[] key = e.getKey().split("\u0000", -1);
      out.add(new SequenceReading(key[0], key[1], key[2].isEmpty() ? null : key[2], e.getValue()));
    }
    return out;
  }

  /**
   * Forgets table shapes and re-reads sequence positions silently: a schema change is replayed as a
   * statement, which gives every replica's sequences the same positions by itself.
   */
  public synchronized void schemaChanged(Connection c) throws SQLException {
    shapes.clear();
    sequences.clear();
    sequencesKnown = false;
    sequenceMoves(c);
  }
}
