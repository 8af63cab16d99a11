package io.distdb.node.command;

import io.distdb.node.command.Command.CreateDatabase;
import io.distdb.node.command.Command.DropDatabase;
import io.distdb.node.command.Command.SqlStatement;
import io.distdb.node.command.Command.Transaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a {@link Command}, the payload of a log entry.
 *
 * <pre>
 * byte version (1) | byte kind (1 create, 2 drop, 3 transaction)
 * create/drop: utf name
 * transaction: utf database | bool rolledBack | int count
 *              | count x (long-utf sql | bool ddl | bool failed | int n | n x value)
 * </pre>
 *
 * Values are encoded by {@link ValueCodec}.
 */
public final class CommandCodec {

  private static final byte VERSION = 1;
  private static final byte CREATE = 1;
  private static final byte DROP = 2;
  private static final byte TRANSACTION = 3;

  private CommandCodec() {}

  public static byte[] encode(Command command) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Command decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown command format version " + version);
      }
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

  private static Transaction readTransaction(DataInputStream in) throws IOException {
    String database = in.readUTF();
    boolean rolledBack = in.readBoolean();
    int count = in.readInt();
    List<SqlStatement> statements = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      String sql = ValueCodec.readLongString(in);
      boolean ddl = in.readBoolean();
      boolean failed = in.readBoolean();
      int n = in.readInt();
      List<Object> params = new ArrayList<>(Math.min(n, 1024));
      for (int j = 0; j < n; j++) {
        params.add(ValueCodec.read(in));
      }
      statements.add(new SqlStatement(sql, params, ddl, failed));
    }
    return new Transaction(database, statements, rolledBack);
  }
}
