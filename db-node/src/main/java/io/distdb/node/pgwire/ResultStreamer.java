package io.distdb.node.pgwire;

import io.distdb.node.copy.CopyLineEncoder;
import io.distdb.node.pgwire.protocol.BackendMessage;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyDataRows;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyDone;
import io.distdb.node.pgwire.protocol.BackendMessage.CopyOutResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.DataRows;
import io.distdb.node.service.Column;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.PgType;
import io.distdb.node.service.RowCursor;
import io.distdb.node.service.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Moves rows from a {@link RowCursor} to the client in batches, never holding more than one batch
 * plus what the channel's high-water mark allows: after each full batch it flushes and waits until
 * the client has drained the socket far enough.
 */
final class ResultStreamer {

  static final int BATCH_SIZE = 256;

  /** Rows sent by one streaming run, and whether the cursor reported its end. */
  record Outcome(long rows, boolean exhausted) {}

  private final ConnectionOutput out;
  private final StatementControl control;

  ResultStreamer(ConnectionOutput out, StatementControl control) {
    this.out = out;
    this.control = control;
  }

  static PgType[] types(List<Column> columns) {
    PgType[] types = new PgType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).type();
    }
    return types;
  }

  /**
   * Streams up to {@code maxRows} rows (0 = all). Like PostgreSQL, reaching exactly maxRows counts
   * as "not exhausted" even if nothing follows: we do not read ahead to find out.
   */
  Outcome stream(RowCursor cursor, PgType[] types, boolean[] binary, long maxRows)
      throws SqlException {
    return stream(cursor, rows -> new DataRows(rows, types, binary), maxRows);
  }

  /**
   * Sends a COPY TO's rows: CopyOutResponse, one CopyData per line (header first if asked for),
   * CopyDone; returns how many rows went out. The caller sends CommandComplete.
   */
  long copyOut(ExecutionResult result) throws SqlException {
    CopyLineEncoder encoder = new CopyLineEncoder(result.copyOut());
    PgType[] types = types(result.columns());
    out.write(new CopyOutResponse(result.columns().size()));
    List<String> header = null;
    if (encoder.options().header()) {
      header = new ArrayList<>();
      for (Column c : result.columns()) {
        header.add(c.name());
      }
      out.write(new CopyDataRows(List.of(), types, encoder, header));
    }
    long sent =
        stream(result.rows(), rows -> new CopyDataRows(rows, types, encoder, null), 0).rows();
    out.write(new CopyDone());
    return sent;
  }

  private Outcome stream(
      RowCursor cursor, Function<List<Object[]>, BackendMessage> batches, long maxRows)
      throws SqlException {
    long sent = 0;
    while (maxRows == 0 || sent < maxRows) {
      int want = maxRows == 0 ? BATCH_SIZE : (int) Math.min(BATCH_SIZE, maxRows - sent);
      List<Object[]> rows = cursor.next(want);
      if (rows.isEmpty()) {
        return new Outcome(sent, true);
      }
      out.write(batches.apply(rows));
      sent += rows.size();
      boolean continuing = rows.size() == want && (maxRows == 0 || sent < maxRows);
      control.checkNotCancelled();
      if (continuing) {
        // More will be fetched: let the client start reading, and stop producing while it is
        // behind. When maxRows is reached the client's Flush or Sync decides when to send.
        out.flush();
        out.awaitWritable();
        if (!out.isOpen()) {
          return new Outcome(sent, false);
        }
      }
    }
    return new Outcome(sent, false);
  }
}
