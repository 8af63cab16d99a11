package io.distdb.node.storage.capture;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The row trigger distdb installs on every user table ({@link CaptureTriggers}): after each row
 * insert, update or delete, including those a cascade, a MERGE or an upsert makes, it hands the old
 * and new row to the thread's active {@link CaptureBuffer}. With no active buffer (a replica
 * applying the log, crash recovery) it does nothing.
 *
 * <p>The engine instantiates it by name; {@code storage.EngineHardening} admits exactly this class.
 */
public final class CaptureTrigger implements Trigger {

  private String schema;
  private String table;

  @Override
  public void init(
      Connection conn,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    this.schema = schemaName;
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    CaptureBuffer buffer = CaptureBuffer.active();
    if (buffer != null) {
      buffer.add(schema, table, detach(oldRow), detach(newRow));
    }
  }

  /** Large objects are handles into the engine that die with the statement: copy their content. */
  private static Object[] detach(Object[] row) throws SQLException {
    if (row == null) {
      return null;
    }
    for (int i = 0; i < row.length; i++) {
      if (row[i] instanceof Clob c) {
        row[i] = read(c);
      } else if (row[i] instanceof Blob b) {
        row[i] = b.getBytes(1, Math.toIntExact(b.length()));
      }
    }
    return row;
  }

  private static String read(Clob c) throws SQLException {
    try (Reader r = c.getCharacterStream()) {
      StringWriter w = new StringWriter();
      r.transferTo(w);
      return w.toString();
    } catch (IOException e) {
      throw new SQLException("cannot read a large text value: " + e.getMessage(), e);
    }
  }
}
