package io.distdb.node.testing;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.postgresql.core.QueryExecutorBase;

/**
 * Speaks the frontend protocol itself over a pgjdbc connection's socket (pgjdbc did the startup and
 * authentication), so that a test sees exactly what the server sent: the command tag (JDBC hides
 * it, and drops it entirely for statements that return rows), RowDescription labels and type OIDs,
 * rows in text format, and the error's SQLSTATE. The connection must not be used through JDBC
 * afterwards.
 */
public final class ProtocolRunner implements AutoCloseable {

  private final Connection connection;
  private final PGStream stream;

  public ProtocolRunner(Connection connection) throws SQLException {
    this.connection = connection;
    try {
      Field f = QueryExecutorBase.class.getDeclaredField("pgStream");
      f.setAccessible(true);
      this.stream = (PGStream) f.get(connection.unwrap(BaseConnection.class).getQueryExecutor());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("pgjdbc's internals changed: " + e, e);
    }
  }

  /**
   * @param simple true for the simple query protocol (Query), false for the extended one (Parse,
   *     Bind, Describe, Execute, Sync) with an unnamed statement and no parameters
   */
  public ProtocolResult run(String sql, boolean simple) throws IOException {
    byte[] text = (sql + "\0").getBytes(StandardCharsets.UTF_8);
    if (simple) {
      stream.sendChar('Q');
      stream.sendInteger4(4 + text.length);
      stream.send(text);
    } else {
      stream.sendChar('P'); // unnamed statement, no parameter types
      stream.sendInteger4(4 + 1 + text.length + 2);
      stream.sendChar(0);
      stream.send(text);
      stream.sendInteger2(0);
      stream.sendChar('B'); // unnamed portal, no parameters, text results
      stream.sendInteger4(4 + 1 + 1 + 2 + 2 + 2);
      stream.sendChar(0);
      stream.sendChar(0);
      stream.sendInteger2(0);
      stream.sendInteger2(0);
      stream.sendInteger2(0);
      stream.sendChar('D');
      stream.sendInteger4(4 + 1 + 1);
      stream.sendChar('P');
      stream.sendChar(0);
      stream.sendChar('E');
      stream.sendInteger4(4 + 1 + 4);
      stream.sendChar(0);
      stream.sendInteger4(0);
      stream.sendChar('S');
      stream.sendInteger4(4);
    }
    stream.flush();
    return receive();
  }

  private ProtocolResult receive() throws IOException {
    String tag = "";
    List<String> labels = new ArrayList<>();
    List<Integer> oids = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    String sqlState = null;
    Map<Character, String> errorFields = new TreeMap<>();
    while (true) {
      int type = stream.receiveChar();
      int length = stream.receiveInteger4() - 4;
      switch (type) {
        case 'T' -> {
          labels.clear();
          oids.clear();
          rows.clear();
          int n = stream.receiveInteger2();
          for (int i = 0; i < n; i++) {
            labels.add(stream.receiveString());
            stream.receiveInteger4(); // table OID
            stream.receiveInteger2(); // attribute number
            oids.add(stream.receiveInteger4());
            stream.skip(2 + 4 + 2); // typlen, typmod, format
          }
        }
        case 'D' -> {
          int n = stream.receiveInteger2();
          List<String> row = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            int len = stream.receiveInteger4();
            row.add(len < 0 ? null : new String(stream.receive(len), StandardCharsets.UTF_8));
          }
          rows.add(row);
        }
        case 'C' -> tag = stream.receiveString();
        case 'E' -> {
          byte[] body = stream.receive(length);
          sqlState = errorField(body, 'C');
          errorFields = errorFields(body);
        }
        case 'Z' -> {
          stream.skip(length);
          return new ProtocolResult(tag, labels, oids, rows, sqlState, errorFields);
        }
        default -> stream.skip(length); // ParseComplete, BindComplete, NoData, notices ...
      }
    }
  }

  private static Map<Character, String> errorFields(byte[] body) {
    Map<Character, String> fields = new TreeMap<>();
    int i = 0;
    while (i < body.length && body[i] != 0) {
      int end = i + 1;
      while (body[end] != 0) {
        end++;
      }
      fields.put((char) body[i], new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8));
      i = end + 1;
    }
    return fields;
  }

  private static String errorField(byte[] body, char code) {
    int i = 0;
    while (i < body.length && body[i] != 0) {
      int end = i + 1;
      while (body[end] != 0) {
        end++;
      }
      if (body[i] == code) {
        return new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8);
      }
      i = end + 1;
    }
    return null;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
