package io.distdb.node.service;

import io.distdb.node.sql.TempInsertFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call of a session's {@link TempInsertFunction}, {@code SELECT (f.response)."id", ...,
 * f.sequelize_caught_exception FROM pg_temp.f()}: the function's INSERT, prepared, and where each
 * selected item comes from (a column of the inserted row, or the violation's DETAIL).
 */
final class TempFunctionCall extends SessionHandledSql {

  private static final Pattern CALL =
      Pattern.compile(
          "(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+pg_temp\\.(\\w+)\\s*\\(\\s*\\)\\s*;?\\s*");

  private static final Pattern ROW_FIELD =
      Pattern.compile("(?is)\\(\\s*(\\w+)\\.(\\w+)\\s*\\)\\s*\\.\\s*(?:\"([^\"]+)\"|(\\w+))");

  private static final Pattern OUT_PARAMETER = Pattern.compile("(?is)(?:(\\w+)\\.)?(\\w+)");

  /** Marks the selected item that is the violation's DETAIL. */
  static final int DETAIL = -1;

  private final LocalPreparedSql insert;
  private final int[] sources;
  private final List<Column> columns;

  private TempFunctionCall(
      String sql, LocalPreparedSql insert, int[] sources, List<Column> columns) {
    super(sql);
    this.insert = insert;
    this.sources = sources;
    this.columns = columns;
  }

  /** The function {@code sql} calls, or null if it calls none of {@code functions}. */
  static TempInsertFunction calledFunction(String sql, Map<String, TempInsertFunction> functions) {
    if (functions.isEmpty()) {
      return null;
    }
    Matcher m = CALL.matcher(sql);
    return m.matches() ? functions.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
  }

  /**
   * @param insert the function's INSERT ... RETURNING *, prepared
   * @throws SqlException 42703 for a selected item that is neither an inserted column nor the
   *     DETAIL parameter
   */
  static TempFunctionCall of(String sql, TempInsertFunction function, LocalPreparedSql insert)
      throws SqlException {
    Matcher m = CALL.matcher(sql);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a call: " + sql);
    }
    List<Integer> sources = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (String item : m.group(1).split(",")) {
      Matcher field = ROW_FIELD.matcher(item.strip());
      Matcher out = OUT_PARAMETER.matcher(item.strip());
      if (field.matches() && field.group(2).equalsIgnoreCase(function.rowName())) {
        String name =
            field.group(3) != null ? field.group(3) : field.group(4).toLowerCase(Locale.ROOT);
        int index = indexOf(insert.columns(), name);
        if (index < 0) {
          throw new SqlException("42703", "column \"" + name + "\" not found in data type");
        }
        sources.add(index);
        columns.add(insert.columns().get(index));
      } else if (out.matches() && out.group(2).equalsIgnoreCase(function.detailName())) {
        sources.add(DETAIL);
        columns.add(new Column(function.detailName(), PgType.TEXT));
      } else {
        throw new SqlException("42703", "column \"" + item.strip() + "\" does not exist");
      }
    }
    return new TempFunctionCall(
        sql, insert, sources.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(columns));
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  LocalPreparedSql insert() {
    return insert;
  }

  /** The call's one row: the selected columns of {@code inserted}, or nulls and the DETAIL. */
  Object[] row(Object[] inserted, String detail) {
    Object[] row = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      if (sources[i] == DETAIL) {
        row[i] = detail;
      } else if (inserted != null) {
        row[i] = inserted[sources[i]];
      }
    }
    return row;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public void close() {
    insert.close();
  }
}
