package io.distdb.node.pgwire.protocol;

import io.distdb.node.copy.CopyLineEncoder;
import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import java.util.List;

/** A message to the client; {@link BackendMessageEncoder} owns the byte layout of each. */
public sealed interface BackendMessage {

  /** The single byte 'N' refusing an SSLRequest or GSSENCRequest; not a framed message. */
  record EncryptionRefused() implements BackendMessage {}

  record AuthenticationOk() implements BackendMessage {}

  record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {}

  record AuthenticationSaslContinue(byte[] data) implements BackendMessage {}

  record AuthenticationSaslFinal(byte[] data) implements BackendMessage {}

  record NegotiateProtocolVersion(int newestMinor, List<String> unsupportedOptions)
      implements BackendMessage {}

  record ParameterStatus(String name, String value) implements BackendMessage {}

  record BackendKeyData(int processId, int secretKey) implements BackendMessage {}

  record ReadyForQuery(char status) implements BackendMessage {}

  /** {@code binary[i]} is column i's format; {@code null} means all text. */
  record RowDescription(List<Column> columns, boolean[] binary) implements BackendMessage {}

  /**
   * A batch of rows, each encoded as one DataRow ('D') message. Batching keeps the write path to
   * one buffer and one event-loop task per fetch instead of per row; values are written straight
   * from the Java objects into that buffer.
   */
  record DataRows(List<Object[]> rows, PgType[] types, boolean[] binary) implements BackendMessage {

    /**
     * Roughly the encoded size: strings and byte arrays by length (bytea text doubles), other
     * values as a small constant. Cheap next to the encoding it predicts.
     */
    public long estimatedSize() {
      long size = 0;
      for (Object[] row : rows) {
        size += 7;
        for (Object value : row) {
          size += 4;
          if (value instanceof CharSequence) {
            size += ((CharSequence) value).length();
          } else if (value instanceof byte[]) {
            size += 2L * ((byte[]) value).length + 2;
          } else if (value != null) {
            size += 16;
          }
        }
      }
      return size;
    }
  }

  record CommandComplete(String tag) implements BackendMessage {}

  record EmptyQueryResponse() implements BackendMessage {}

  /**
   * ErrorResponse ('E') or, with {@code notice}, NoticeResponse ('N'). Detail, hint and context
   * (PostgreSQL's "where" field, e.g. {@code COPY t, line 2}) may be null, as may the schema,
   * table, column and constraint names a constraint violation carries.
   */
  record ErrorResponse(
      String severity,
      String sqlState,
      String message,
      String detail,
      String hint,
      boolean notice,
      String context,
      String schema,
      String table,
      String column,
      String constraint)
      implements BackendMessage {

    public ErrorResponse(
        String severity,
        String sqlState,
        String message,
        String detail,
        String hint,
        boolean notice,
        String context) {
      this(severity, sqlState, message, detail, hint, notice, context, null, null, null, null);
    }

    public ErrorResponse(
        String severity,
        String sqlState,
        String message,
        String detail,
        String hint,
        boolean notice) {
      this(severity, sqlState, message, detail, hint, notice, null);
    }

    public static ErrorResponse error(String sqlState, String message) {
      return new ErrorResponse("ERROR", sqlState, message, null, null, false);
    }

    public static ErrorResponse fatal(String sqlState, String message) {
      return new ErrorResponse("FATAL", sqlState, message, null, null, false);
    }

    public boolean isFatal() {
      return severity.equals("FATAL") || severity.equals("PANIC");
    }
  }

  record ParseComplete() implements BackendMessage {}

  record BindComplete() implements BackendMessage {}

  record CloseComplete() implements BackendMessage {}

  record NoData() implements BackendMessage {}

  record PortalSuspended() implements BackendMessage {}

  record ParameterDescription(int[] typeOids) implements BackendMessage {}

  /** 'G': the server is ready for COPY data; every column in text format. */
  record CopyInResponse(int columns, boolean binary) implements BackendMessage {

    /** Every column in text format. */
    public CopyInResponse(int columns) {
      this(columns, false);
    }
  }

  /** 'H': COPY data follows; every column in text format. */
  record CopyOutResponse(int columns) implements BackendMessage {}

  /** 'c': the end of the server's COPY data. */
  record CopyDone() implements BackendMessage {}

  /**
   * Rows of a COPY TO, each encoded as one CopyData ('d') message holding one line in {@code
   * encoder}'s format; with {@code header}, a line of column names comes first.
   */
  record CopyDataRows(
      List<Object[]> rows, PgType[] types, CopyLineEncoder encoder, List<String> header)
      implements BackendMessage {

    /** As {@link DataRows#estimatedSize}: about the bytes the lines take. */
    public long estimatedSize() {
      return new DataRows(rows, types, null).estimatedSize();
    }
  }
}
