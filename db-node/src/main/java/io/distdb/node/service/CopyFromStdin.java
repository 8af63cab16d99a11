package io.distdb.node.service;

import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.copy.CopyCommand;
import io.distdb.node.copy.CopyException;
import io.distdb.node.copy.CopyInDecoder;
import io.distdb.node.copy.CopyRow;
import io.distdb.node.copy.FieldParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code COPY t FROM STDIN}: decodes the client's bytes into rows, parses each field as its
 * column's type, and inserts them in multi-row batches through a {@link Target}, which is one
 * transaction on the database's write path (logged as one entry, so it replicates like any other
 * write) or the session's open transaction block.
 *
 * <p>Memory: one batch of rows and one unfinished line. The rows the batches change stay in the
 * transaction until COMMIT logs their images as one entry, so one COPY is limited to what one log
 * entry holds ({@link #MAX_BYTES}; wide rows whose images outgrow the entry fail at COMMIT).
 */
final class CopyFromStdin implements CopyIn {

  /** Where the batches run. Every method but {@link #abort} may throw the statement's error. */
  interface Target {
    void write(SqlStatement statement) throws SqlException;

    void commit() throws SqlException;

    /** Undoes what was written. Never throws. */
    void abort();
  }

  static final int BATCH_ROWS = 500;

  /**
   * Field bytes one COPY may write: under the 15 MiB of row images one log entry holds ({@link
   * EntryLog#MAX_ENTRY_BYTES}), with room for each image's framing.
   */
  static final long MAX_BYTES = 12L << 20;

  private final List<Column> columns;
  private final CopyInDecoder decoder;
  private final boolean binary;
  private final Target target;
  private final String insertPrefix;
  private final List<List<Object>> batch = new ArrayList<>(BATCH_ROWS);
  private final List<Long> batchLines = new ArrayList<>(BATCH_ROWS);
  private long rows;
  private long bytes;
  private boolean finished;

  /**
   * @param table the table as the engine names it
   * @param columns the target columns in input order, as the engine describes them
   */
  CopyFromStdin(CopyCommand command, String table, List<Column> columns, Target target) {
    this.columns = List.copyOf(columns);
    this.target = target;
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    this.decoder = new CopyInDecoder(command.options(), names, command.relationName());
    this.binary = command.options().binary();
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append('"')
          .append(names.get(i).replace("\"", "\"\""))
          .append('"');
    }
    // COPY writes the values it is given into identity columns too, even those GENERATED ALWAYS
    // (pg_dump's data relies on it).
    this.insertPrefix = sql.append(") OVERRIDING SYSTEM VALUE VALUES ").toString();
  }

  /** A step of the COPY that may fail; a failure undoes the COPY before it is reported. */
  private interface Step<T> {
    T run() throws SqlException, CopyException;
  }

  private <T> T undoneOnFailure(Step<T> step) throws SqlException {
    try {
      return step.run();
    } catch (SqlException e) {
      fail();
      throw e;
    } catch (CopyException e) {
      fail();
      throw translate(e);
    }
  }

  @Override
  public void data(byte[] data) throws SqlException {
    undoneOnFailure(
        () -> {
          bytes += data.length;
          if (bytes > MAX_BYTES) {
            throw new SqlException(
                "54000",
                "COPY FROM STDIN of more than "
                    + (MAX_BYTES >> 20)
                    + " MB is not supported by distdb",
                "One COPY is one transaction, and a transaction is one replication log entry.",
                "Split the input into several COPY commands.",
                null);
          }
          for (CopyRow row : decoder.feed(data)) {
            add(row);
          }
          return null;
        });
  }

  @Override
  public String done() throws SqlException {
    return undoneOnFailure(
        () -> {
          for (CopyRow row : decoder.finish()) {
            add(row);
          }
          flush();
          finished = true;
          target.commit();
          return "COPY " + rows;
        });
  }

  @Override
  public boolean binary() {
    return binary;
  }

  @Override
  public void fail() {
    if (!finished) {
      finished = true;
      target.abort();
    }
  }

  @Override
  public SqlException failedBy(String sqlState, String message) {
    fail();
    return new SqlException(sqlState, message).withContext(decoder.rowContext(decoder.lines() + 1));
  }

  private void add(CopyRow row) throws SqlException {
    batch.add(values(row));
    batchLines.add(row.line());
    if (batch.size() >= BATCH_ROWS) {
      flush();
    }
  }

  private void flush() throws SqlException {
    if (batch.isEmpty()) {
      return;
    }
    List<Object> values = new ArrayList<>(batch.size() * columns.size());
    for (List<Object> row : batch) {
      values.addAll(row);
    }
    try {
      target.write(new SqlStatement(insert(batch.size()), values, false));
    } catch (SqlException e) {
      if (batch.size() == 1) {
        throw located(e, batchLines.get(0));
      }
      // The batch failed as a whole (the engine undid it): find the line, as PostgreSQL names it.
      for (int i = 0; i < batch.size(); i++) {
        try {
          target.write(new SqlStatement(insert(1), batch.get(i), false));
        } catch (SqlException single) {
          throw located(single, batchLines.get(i));
        }
      }
      throw e;
    }
    rows += batch.size();
    batch.clear();
    batchLines.clear();
  }

  private List<Object> values(CopyRow row) throws SqlException {
    List<Object> values = new ArrayList<>(columns.size());
    String[] fields = row.fields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == null) {
        values.add(null);
        continue;
      }
      PgType type = columns.get(i).type();
      try {
        // An array column's field is PostgreSQL's array literal, which the engine cannot read.
        values.add(
            type.element() != null
                ? ArrayParameters.read(type, fields[i])
                : FieldParser.parse(columns.get(i).typeOid(), fields[i]));
      } catch (CopyException e) {
        throw translate(e.at(decoder.fieldContext(row.line(), i, fields[i])));
      } catch (SqlException e) {
        throw e.withContext(decoder.fieldContext(row.line(), i, fields[i]));
      }
    }
    return values;
  }

  private String insert(int rowCount) {
    StringBuilder sql = new StringBuilder(insertPrefix);
    int n = 1;
    for (int r = 0; r < rowCount; r++) {
      sql.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < columns.size(); c++) {
        sql.append(c == 0 ? "?" : ", ?").append(n++);
        if (columns.get(c).type() == PgType.JSON || columns.get(c).type() == PgType.JSONB) {
          sql.append(" FORMAT JSON"); // the text is the document, not a JSON string
        }
      }
      sql.append(')');
    }
    return sql.toString();
  }

  private SqlException located(SqlException e, long line) {
    return e.context() != null ? e : e.withContext(decoder.rowContext(line));
  }

  private static SqlException translate(CopyException e) {
    return new SqlException(e.sqlState(), e.getMessage()).withContext(e.context());
  }
}
