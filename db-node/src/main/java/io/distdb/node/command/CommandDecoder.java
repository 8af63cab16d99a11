package io.distdb.node.command;

import static io.distdb.node.command.CommandCodec.CREATE;
import static io.distdb.node.command.CommandCodec.DROP;
import static io.distdb.node.command.CommandCodec.LEGACY_TRANSACTION;
import static io.distdb.node.command.CommandCodec.LEGACY_VERSION;
import static io.distdb.node.command.CommandCodec.ROWS;
import static io.distdb.node.command.CommandCodec.SCHEMA;
import static io.distdb.node.command.CommandCodec.SEQUENCE;
import static io.distdb.node.command.CommandCodec.TRANSACTION;

import io.distdb.node.command.Change.Op;
import io.distdb.node.command.Change.RowChange;
import io.distdb.node.command.Change.RowChanges;
import io.distdb.node.command.Change.SchemaChange;
import io.distdb.node.command.Change.SequencePosition;
import io.distdb.node.command.Command.CreateDatabase;
import io.distdb.node.command.Command.DropDatabase;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.StatementTransaction;
import io.distdb.node.command.Command.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the payloads {@link CommandCodec} writes (its Javadoc draws the format). One decoder per
 * applying thread: it remembers the last table header (schema, table, columns, key) it decoded and
 * hands out the same objects while entries keep naming the same table in the same bytes, as a slave
 * catching up on a run of single-row entries sees; not thread-safe.
 */
final class CommandDecoder {

  private static final Op[] OPS = Op.values();

  private byte[] headerBytes = new byte[0];
  private Header header;

  /** A table header as decoded: its strings and lists are shared by every entry that repeats it. */
  private record Header(String schema, String table, List<String> columns, List<String> keys) {}

  Command decode(byte[] payload) {
    PayloadReader in = new PayloadReader(payload);
    try {
      byte version = in.readByte();
      if (version == LEGACY_VERSION) {
        return readLegacy(in);
      }
      CommandCodec.checkVersion(version);
      in.readLong(); // epoch: see CommandCodec.epochOf
      byte kind = in.readByte();
      return switch (kind) {
        case CREATE -> new CreateDatabase(in.readUTF());
        case DROP -> new DropDatabase(in.readUTF());
        case TRANSACTION -> readTransaction(in);
        default -> throw new IllegalArgumentException("unknown command kind " + kind);
      };
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated command: " + e.getMessage(), e);
    }
  }

  private Transaction readTransaction(PayloadReader in) throws IOException {
    String database = in.readUTF();
    int n = count(in);
    List<Change> changes = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      byte type = in.readByte();
      changes.add(
          switch (type) {
            case ROWS -> readRows(in);
            case SCHEMA -> {
              String sql = ValueCodec.readLongString(in);
              yield new SchemaChange(sql, readValues(in, count(in)));
            }
            case SEQUENCE -> {
              String schema = in.readUTF();
              String name = in.readUTF();
              String column = in.readBoolean() ? in.readUTF() : null;
              yield new SequencePosition(schema, name, column, in.readLong());
            }
            default -> throw new IOException("unknown change type " + type);
          });
    }
    return new Transaction(database, changes);
  }

  private RowChanges readRows(PayloadReader in) throws IOException {
    Header h = readHeader(in);
    int keyWidth = h.keys().isEmpty() ? h.columns().size() : h.keys().size();
    int width = h.columns().size();
    int n = count(in);
    List<RowChange> rows = new ArrayList<>(Math.min(n, 65_536));
    for (int i = 0; i < n; i++) {
      int op = in.readUnsignedByte();
      if (op >= OPS.length) {
        throw new IOException("unknown row operation " + op);
      }
      Op o = OPS[op];
      Object[] key = o == Op.INSERT ? null : readArray(in, keyWidth);
      Object[] row = o == Op.DELETE ? null : readArray(in, width);
      rows.add(new RowChange(o, key, row));
    }
    return new RowChanges(h.schema(), h.table(), h.columns(), h.keys(), rows);
  }

  /**
   * The header at the reader's position, the previous entry's objects if its bytes are the same.
   */
  private Header readHeader(PayloadReader in) throws IOException {
    int start = in.position();
    in.skipUTF();
    in.skipUTF();
    skipNames(in);
    skipNames(in);
    int end = in.position();
    byte[] bytes = in.bytes();
    if (header != null && Arrays.equals(bytes, start, end, headerBytes, 0, headerBytes.length)) {
      return header;
    }
    PayloadReader again = new PayloadReader(Arrays.copyOfRange(bytes, start, end));
    Header h =
        new Header(
            again.readUTF(),
            again.readUTF(),
            List.copyOf(readNames(again)),
            List.copyOf(readNames(again)));
    headerBytes = again.bytes();
    header = h;
    return h;
  }

  private static void skipNames(PayloadReader in) throws IOException {
    int n = count(in);
    for (int i = 0; i < n; i++) {
      in.skipUTF();
    }
  }

  private static List<String> readNames(PayloadReader in) throws IOException {
    int n = count(in);
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(in.readUTF());
    }
    return names;
  }

  private static Object[] readArray(PayloadReader in, int n) throws IOException {
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = ValueCodec.read(in);
    }
    return values;
  }

  /** Values as a list (nulls allowed), {@code n} of them. */
  private static List<Object> readValues(PayloadReader in, int n) throws IOException {
    List<Object> values = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      values.add(ValueCodec.read(in));
    }
    return values;
  }

  private static int count(PayloadReader in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad count " + n);
    }
    return n;
  }

  private static Command readLegacy(PayloadReader in) throws IOException {
    byte kind = in.readByte();
    return switch (kind) {
      case CREATE -> new CreateDatabase(in.readUTF());
      case DROP -> new DropDatabase(in.readUTF());
      case LEGACY_TRANSACTION -> {
        String database = in.readUTF();
        boolean rolledBack = in.readBoolean();
        int count = in.readInt();
        List<SqlStatement> statements = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          String sql = ValueCodec.readLongString(in);
          boolean ddl = in.readBoolean();
          boolean failed = in.readBoolean();
          statements.add(new SqlStatement(sql, readValues(in, in.readInt()), ddl, failed));
        }
        yield new StatementTransaction(database, statements, rolledBack);
      }
      default -> throw new IllegalArgumentException("unknown command kind " + kind);
    };
  }
}
