package io.distdb.node.service;

import io.distdb.node.storage.JsonValues;
import io.distdb.node.storage.PgInterval;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.api.Interval;

/** Maps the storage engine's JDBC types and values to the PostgreSQL types clients see. */
final class JdbcTypes {

  /** The length H2 gives a CHARACTER VARYING declared without one. */
  private static final int UNBOUNDED_VARCHAR = 1_000_000_000;

  /** The length the dialect declares PostgreSQL's json with, to tell it from jsonb. */
  static final int JSON_LENGTH = 999_999_999;

  /**
   * The length of a character string the dialect declares as json text PostgreSQL's way (the json
   * builders' results): json (114), sent as it is.
   */
  static final int JSON_TEXT_LENGTH = 999_999_998;

  /**
   * The length of a character string the catalog declares as PostgreSQL's name (19): far from the
   * other markers, so that a concatenation's length (the sum) is none of them.
   */
  static final int NAME_LENGTH = 999_999_000;

  /** The length of a character string the dialect declares as a type's name (regtype, 2206). */
  static final int REGTYPE_LENGTH = 999_999_997;

  /**
   * The maximum cardinality the dialect declares an array of catalog OIDs with ({@code
   * array_agg(atttypid)}), to tell oid[] from int4[]: asyncpg decodes oid[] itself, not int4[].
   */
  static final int OID_ARRAY_CARDINALITY = 65_535;

  /** The cardinality the catalog declares int2vector columns with (pg_index's indkey). */
  static final int INT2VECTOR_CARDINALITY = 32;

  /** The cardinality the catalog declares oidvector columns with (PostgreSQL's FUNC_MAX_ARGS). */
  static final int OIDVECTOR_CARDINALITY = 100;

  private JdbcTypes() {}

  static PgType pgType(int jdbcType, String typeName) {
    return pgType(jdbcType, typeName, 0);
  }

  /**
   * @param precision the engine's declared length: a JSON of {@link #JSON_LENGTH} is PostgreSQL's
   *     json, every other JSON its jsonb (dialect/DESIGN.md)
   */
  static PgType pgType(int jdbcType, String typeName, int precision) {
    if ("UUID".equalsIgnoreCase(typeName)) {
      return PgType.UUID;
    }
    if ("JSON".equalsIgnoreCase(typeName)) {
      return precision == JSON_LENGTH ? PgType.JSON : PgType.JSONB;
    }
    if (jdbcType == Types.VARCHAR && precision == JSON_TEXT_LENGTH) {
      return PgType.JSON;
    }
    if (jdbcType == Types.VARCHAR && precision == REGTYPE_LENGTH) {
      return PgType.REGTYPE;
    }
    if (jdbcType == Types.VARCHAR && precision == NAME_LENGTH) {
      return PgType.NAME;
    }
    if (jdbcType != Types.ARRAY && isInterval(typeName)) {
      return PgType.INTERVAL;
    }
    return switch (jdbcType) {
      case Types.ARRAY -> {
        PgType element = elementType(typeName);
        if (precision == OID_ARRAY_CARDINALITY && element == PgType.INT4) {
          yield PgType.OID_ARRAY;
        }
        if (precision == OIDVECTOR_CARDINALITY && element == PgType.INT4) {
          yield PgType.OIDVECTOR;
        }
        yield precision == INT2VECTOR_CARDINALITY && element == PgType.INT4
            ? PgType.INT2VECTOR
            : PgType.arrayOf(element);
      }
      case Types.BOOLEAN, Types.BIT -> PgType.BOOL;
      case Types.TINYINT, Types.SMALLINT -> PgType.INT2;
      case Types.INTEGER -> PgType.INT4;
      case Types.BIGINT -> PgType.INT8;
      case Types.REAL -> PgType.FLOAT4;
      case Types.FLOAT, Types.DOUBLE -> PgType.FLOAT8;
      case Types.NUMERIC, Types.DECIMAL -> PgType.NUMERIC;
      case Types.CHAR, Types.NCHAR -> PgType.BPCHAR;
      case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR -> PgType.VARCHAR;
      case Types.CLOB, Types.NCLOB -> PgType.TEXT;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> PgType.BYTEA;
      case Types.DATE -> PgType.DATE;
      case Types.TIME -> PgType.TIME;
      case Types.TIMESTAMP -> PgType.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> PgType.TIMESTAMPTZ;
      default -> PgType.TEXT;
    };
  }

  /** H2 names its interval types by qualifier: {@code INTERVAL DAY TO SECOND}, ... */
  private static boolean isInterval(String typeName) {
    return typeName != null && typeName.regionMatches(true, 0, "INTERVAL", 0, 8);
  }

  /** The element type of H2's {@code <element type> ARRAY} type name. */
  private static PgType elementType(String arrayTypeName) {
    String name = arrayTypeName == null ? "" : arrayTypeName.toUpperCase(java.util.Locale.ROOT);
    while (name.endsWith(" ARRAY")) { // INTEGER ARRAY ARRAY: a two-dimensional int4[]
      name = name.substring(0, name.length() - " ARRAY".length());
    }
    int paren = name.indexOf('(');
    if (name.equals("CHARACTER VARYING(" + NAME_LENGTH + ")")) {
      return PgType.NAME;
    }
    if (paren >= 0) {
      name = name.substring(0, paren).trim();
    }
    return switch (name) {
      case "BOOLEAN" -> PgType.BOOL;
      case "TINYINT", "SMALLINT" -> PgType.INT2;
      case "INTEGER" -> PgType.INT4;
      case "BIGINT" -> PgType.INT8;
      case "REAL" -> PgType.FLOAT4;
      case "DOUBLE PRECISION", "FLOAT" -> PgType.FLOAT8;
      case "NUMERIC", "DECIMAL", "DECFLOAT" -> PgType.NUMERIC;
      case "DATE" -> PgType.DATE;
      case "TIMESTAMP" -> PgType.TIMESTAMP;
      case "TIMESTAMP WITH TIME ZONE" -> PgType.TIMESTAMPTZ;
      case "UUID" -> PgType.UUID;
      default -> isInterval(name) ? PgType.INTERVAL : PgType.TEXT;
    };
  }

  static List<Column> columns(ResultSetMetaData md) throws SQLException {
    return columns(md, null);
  }

  /**
   * @param connection the engine connection the statement ran on, to find the type of an enum
   *     column in the catalog ({@link EnumTypeOids}); null reports enums as text
   */
  static List<Column> columns(ResultSetMetaData md, Connection connection) throws SQLException {
    int n = md.getColumnCount();
    List<Column> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      PgType type = pgType(md.getColumnType(i), md.getColumnTypeName(i), md.getPrecision(i));
      if (type == PgType.VARCHAR && isText(md, i)) {
        type = PgType.TEXT;
      }
      if (connection != null && EnumTypeOids.isEnum(md, i)) {
        int oid = EnumTypeOids.oid(connection, md, i);
        if (oid != 0) {
          columns.add(new Column(md.getColumnLabel(i), oid, -1));
          continue;
        }
      }
      columns.add(new Column(md.getColumnLabel(i), type.oid(), typeModifier(type, md, i)));
    }
    return columns;
  }

  /**
   * H2 stores PostgreSQL's {@code text} as an unbounded CHARACTER VARYING, and types string
   * expressions the same way. PostgreSQL reports both as text (25): a column of unbounded length,
   * or a string that is not a table column at all ({@code 'x'}, {@code a || b}, {@code lower(a)}).
   * Only a column declared {@code varchar(n)} stays varchar (an unbounded {@code varchar} column is
   * reported as text, a documented difference).
   */
  private static boolean isText(ResultSetMetaData md, int i) throws SQLException {
    String table = md.getTableName(i);
    return md.getPrecision(i) >= UNBOUNDED_VARCHAR || table == null || table.isEmpty();
  }

  /** PostgreSQL's atttypmod: varchar(n) is n+4, numeric(p,s) is ((p << 16) | s) + 4. */
  private static int typeModifier(PgType type, ResultSetMetaData md, int i) throws SQLException {
    int precision = md.getPrecision(i);
    return switch (type) {
      case VARCHAR, BPCHAR -> precision > 0 && precision < 10_485_760 ? precision + 4 : -1;
      case NUMERIC ->
          precision > 0 && precision <= 1000 ? ((precision << 16) | md.getScale(i)) + 4 : -1;
      default -> -1;
    };
  }

  static int[] parameterOids(ParameterMetaData md, int count, int[] declared) throws SQLException {
    int[] oids = new int[count];
    for (int i = 0; i < count; i++) {
      if (declared != null && i < declared.length && declared[i] != 0) {
        oids[i] = declared[i];
      } else {
        oids[i] =
            pgType(
                    md.getParameterType(i + 1),
                    md.getParameterTypeName(i + 1),
                    md.getPrecision(i + 1))
                .oid();
      }
    }
    return oids;
  }

  /** One row, each value as the class {@link PgType} documents for its column. */
  static Object[] readRow(ResultSet rs, List<Column> columns) throws SQLException {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = readValue(rs, i + 1, columns.get(i).type());
    }
    return row;
  }

  /**
   * A numeric value: a BigDecimal, or the text of NaN / Infinity / -Infinity, which the engine's
   * DECFLOAT holds and JDBC cannot read as a BigDecimal ({@link NumericText}).
   */
  private static Object numeric(ResultSet rs, int i) throws SQLException {
    try {
      return rs.getObject(i, BigDecimal.class);
    } catch (SQLException notANumber) {
      String text = rs.getString(i);
      if (text != null && NumericText.isSpecial(text)) {
        return text;
      }
      throw notANumber;
    }
  }

  private static Object readValue(ResultSet rs, int i, PgType type) throws SQLException {
    Object v =
        switch (type) {
          case BOOL -> rs.getObject(i, Boolean.class);
          case INT2 -> rs.getObject(i, Short.class);
          case INT4 -> rs.getObject(i, Integer.class);
          case INT8 -> rs.getObject(i, Long.class);
          case FLOAT4 -> rs.getObject(i, Float.class);
          case FLOAT8 -> rs.getObject(i, Double.class);
          case NUMERIC -> numeric(rs, i);
          case BYTEA -> rs.getBytes(i);
          case DATE -> rs.getObject(i, LocalDate.class);
          case TIME -> rs.getObject(i, LocalTime.class);
          case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
          case TIMESTAMPTZ -> rs.getObject(i, OffsetDateTime.class);
          case UUID -> rs.getObject(i, UUID.class);
          // getObject(i, Interval.class) drops the sign (H2 2.4); the plain getObject keeps it.
          case INTERVAL -> interval((Interval) rs.getObject(i));
          case JSONB -> jsonb(rs.getString(i));
          case JSON ->
              rs.getMetaData().getColumnType(i) == Types.VARCHAR
                  ? rs.getString(i) // json text a builder printed
                  : json(rs.getString(i));
          default ->
              type.element() != null ? array(rs.getArray(i), type.element()) : rs.getString(i);
        };
    return rs.wasNull() ? null : v;
  }

  /** An engine array as the element classes {@link PgType} documents; nested arrays kept. */
  private static Object[] array(java.sql.Array a, PgType element) throws SQLException {
    if (a == null) {
      return null;
    }
    Object[] values = (Object[]) a.getArray();
    Object[] out = new Object[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = element(values[k], element);
    }
    return out;
  }

  private static Object element(Object v, PgType element) throws SQLException {
    if (v instanceof java.sql.Array sub) { // a sub-array of a multidimensional array
      return array(sub, element);
    }
    if (v instanceof Object[] sub) {
      Object[] out = new Object[sub.length];
      for (int k = 0; k < sub.length; k++) {
        out[k] = element(sub[k], element);
      }
      return out;
    }
    if (v == null) {
      return null;
    }
    return switch (element) {
      case INT2 -> ((Number) v).shortValue();
      case INT4 -> ((Number) v).intValue();
      case INT8, OID -> ((Number) v).longValue();
      case FLOAT4 -> ((Number) v).floatValue();
      case FLOAT8 -> ((Number) v).doubleValue();
      case NUMERIC -> v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
      case DATE -> v instanceof java.sql.Date d ? d.toLocalDate() : v;
      case TIMESTAMP -> v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : v;
      case INTERVAL -> v instanceof Interval i ? PgInterval.of(i) : v;
      case BOOL, UUID, TIMESTAMPTZ -> v;
      default -> v.toString();
    };
  }

  private static PgInterval interval(Interval engineValue) {
    return engineValue == null ? null : PgInterval.of(engineValue);
  }

  private static String jsonb(String engineText) {
    return engineText == null ? null : JsonValues.jsonbText(engineText);
  }

  private static String json(String engineText) {
    return engineText == null ? null : JsonValues.jsonText(engineText);
  }
}
