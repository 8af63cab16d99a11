package io.distdb.node.dialect;

import io.distdb.node.copy.CopyException;
import io.distdb.node.copy.FieldParser;
import io.distdb.node.sql.StatementException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.StringValue;

/**
 * A string literal written into a bytea column, {@code INSERT ... VALUES ('\x0102')} (pg_dump
 * {@code --inserts}, psql scripts) or {@code UPDATE ... SET b = 'a\\000b'}, is read as PostgreSQL's
 * bytea input (hex or escape format, {@code FieldParser}) and becomes the engine's binary literal
 * {@code X'0102'}: the engine would take the text's characters for hex digits, or fail. Only
 * statements with a literal holding a backslash look the table up.
 */
final class ByteaColumnRewrite extends ColumnLiteralRewrite {

  @Override
  public List<String> stems() {
    return List.of("\\");
  }

  @Override
  Set<String> kindColumns(Schema schema, String table) throws StatementException {
    return schema.byteaColumns(table);
  }

  @Override
  public boolean isCandidate(StringValue s) {
    return s.getPrefix() == null && s.getValue().contains("\\");
  }

  @Override
  Expression literal(StringValue s) throws StatementException {
    try {
      byte[] bytes = (byte[]) FieldParser.parse(FieldParser.BYTEA, s.getValue().replace("''", "'"));
      return new HexValue("X'" + HexFormat.of().formatHex(bytes) + "'");
    } catch (CopyException e) {
      throw new StatementException(e.sqlState(), e.getMessage());
    }
  }
}
