package io.distdb.node.command;

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
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Binary form of a {@link Command}, the payload of a log entry. Big-endian ({@link
 * DataOutputStream}).
 *
 * <pre>
 * version 2 (written):
 *   byte version (2) | long epoch (the master's epoch when it wrote the entry) | byte kind
 *   kind 1 create, 2 drop:  utf name
 *   kind 4 transaction:     utf database | int n | n x change
 *     change 1 rows:        utf schema | utf table | int c | c x utf column | int k | k x utf key
 *                           | int r | r x (byte op (0 insert, 1 update, 2 delete)
 *                                         | key values unless insert | row values unless delete)
 *     change 2 schema:      long-utf sql | int p | p x value
 *     change 3 sequence:    utf schema | utf name | bool column? [utf column] | long next value
 * version 1 (stage 1, decoded only):
 *   byte 1 | byte kind (1 create, 2 drop, 3 transaction) | create/drop: utf name
 *   transaction: utf database | bool rolledBack | int count
 *                | count x (long-utf sql | bool ddl | bool failed | int n | n x value)
 * </pre>
 *
 * Values are encoded by {@link ValueCodec}. A version above {@link #VERSION} is refused with {@link
 * UnsupportedFormatException}; version 1 entries decode to {@link StatementTransaction}.
 */
public final class CommandCodec {

  /** The format this node writes, and the newest it reads. */
  public static final int VERSION = 2;

  static final byte LEGACY_VERSION = 1;
  static final byte CREATE = 1;
  static final byte DROP = 2;
  static final byte LEGACY_TRANSACTION = 3;
  static final byte TRANSACTION = 4;
  static final byte ROWS = 1;
  static final byte SCHEMA = 2;
  static final byte SEQUENCE = 3;

  private CommandCodec() {}

  /** Encodes {@code command} in the current format, stamped with the writer's {@code epoch}. */
  public static byte[] encode(Command command, long epoch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (command instanceof StatementTransaction t) {
        writeLegacy(out, t);
        return bytes.toByteArray();
      }
      out.writeByte(VERSION);
      out.writeLong(epoch);
      if (command instanceof CreateDatabase c) {
        out.writeByte(CREATE);
        out.writeUTF(c.name());
      } else if (command instanceof DropDatabase d) {
        out.writeByte(DROP);
        out.writeUTF(d.name());
      } else {
        Transaction t = (Transaction) command;
        out.writeByte(TRANSACTION);
        out.writeUTF(t.database());
        out.writeInt(t.changes().size());
        for (Change c : t.changes()) {
          writeChange(out, c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The epoch an entry was written in; 0 for a stage-1 entry, which carried none. */
  public static long epochOf(byte[] payload) {
    if (payload.length < 9 || payload[0] == LEGACY_VERSION) {
      return 0;
    }
    checkVersion(payload[0]);
    long epoch = 0;
    for (int i = 1; i <= 8; i++) {
      epoch = (epoch << 8) | (payload[i] & 0xff);
    }
    return epoch;
  }

  public static Command decode(byte[] payload) {
    return new CommandDecoder().decode(payload);
  }

  static void checkVersion(int version) {
    if (version > VERSION) {
      throw new UnsupportedFormatException(version);
    }
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown command format version " + version);
    }
  }

  private static void writeChange(DataOutputStream out, Change change) throws IOException {
    if (change instanceof RowChanges r) {
      out.writeByte(ROWS);
      out.writeUTF(r.schema());
      out.writeUTF(r.table());
      writeNames(out, r.columns());
      writeNames(out, r.keyColumns());
      out.writeInt(r.rows().size());
      int keyWidth = r.keyWidth();
      for (RowChange row : r.rows()) {
        out.writeByte(row.op().ordinal());
        if (row.op() != Op.INSERT) {
          writeValues(out, row.key(), keyWidth);
        }
        if (row.op() != Op.DELETE) {
          writeValues(out, row.row(), r.columns().size());
        }
      }
    } else if (change instanceof SchemaChange s) {
      out.writeByte(SCHEMA);
      ValueCodec.writeLongString(out, s.sql());
      out.writeInt(s.parameters().size());
      for (Object v : s.parameters()) {
        ValueCodec.write(out, v);
      }
    } else {
      SequencePosition p = (SequencePosition) change;
      out.writeByte(SEQUENCE);
      out.writeUTF(p.schema());
      out.writeUTF(p.name());
      out.writeBoolean(p.column() != null);
      if (p.column() != null) {
        out.writeUTF(p.column());
      }
      out.writeLong(p.nextValue());
    }
  }

  private static void writeNames(DataOutputStream out, List<String> names) throws IOException {
    out.writeInt(names.size());
    for (String n : names) {
      out.writeUTF(n);
    }
  }

  private static void writeValues(DataOutputStream out, Object[] values, int width)
      throws IOException {
    if (values.length != width) {
      throw new IllegalArgumentException(
          "row image has " + values.length + " values, expected " + width);
    }
    for (Object v : values) {
      ValueCodec.write(out, v);
    }
  }

  private static void writeLegacy(DataOutputStream out, StatementTransaction t) throws IOException {
    out.writeByte(LEGACY_VERSION);
    out.writeByte(LEGACY_TRANSACTION);
    out.writeUTF(t.database());
    out.writeBoolean(t.rolledBack());
    out.writeInt(t.statements().size());
    for (SqlStatement s : t.statements()) {
      ValueCodec.writeLongString(out, s.sql());
      out.writeBoolean(s.ddl());
      out.writeBoolean(s.failed());
      out.writeInt(s.parameters().size());
      for (Object v : s.parameters()) {
        ValueCodec.write(out, v);
      }
    }
  }
}
