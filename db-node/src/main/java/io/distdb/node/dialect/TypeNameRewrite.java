package io.distdb.node.dialect;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * PostgreSQL type names H2 does not know ({@code timestamptz}, {@code timetz}, {@code smallserial},
 * a bare {@code interval}, {@code citext}) and array types written {@code text[]}, in column
 * definitions and in casts ({@code CAST(x AS t)} and {@code x::t}). Names neither side knows are
 * left for H2 to refuse; its "unknown data type" becomes 42704 like PostgreSQL's.
 */
final class TypeNameRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("timestamptz", "timetz", "serial", "[]", "interval", "citext");
  }

  @Override
  public void apply(Translation t) {
    boolean changed = false;
    if (t.tree() instanceof CreateTable create && create.getColumnDefinitions() != null) {
      for (ColumnDefinition column : create.getColumnDefinitions()) {
        changed |= fix(column.getColDataType());
      }
    }
    if (t.tree() instanceof Alter alter && alter.getAlterExpressions() != null) {
      for (AlterExpression e : alter.getAlterExpressions()) {
        if (e.getColDataTypeList() != null) {
          for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
            changed |= fix(c.getColDataType());
          }
        }
      }
    }
    changed |=
        ExpressionWalker.rewrite(
            t.tree(), cast -> fix(cast.getColDataType()), ExpressionWalker.NONE);
    if (changed) {
      t.changed();
    }
  }

  /** True if the type was respelled. */
  private static boolean fix(ColDataType type) {
    if (type == null || type.getDataType() == null) {
      return false;
    }
    String engine = PostgresTypes.engineType(type.getDataType());
    List<Integer> dims = type.getArrayData();
    boolean array = dims != null && !dims.isEmpty();
    if (engine == null && !array) {
      return false;
    }
    String base = engine != null ? engine : type.getDataType();
    if (engine != null && type.getArgumentsStringList() != null) {
      type.setArgumentsStringList(null); // e.g. timestamptz(3): precision dropped
    }
    if (array) {
      type.setArrayData(new ArrayList<>());
      type.setDataType(base + argumentsOf(type) + " ARRAY");
      type.setArgumentsStringList(null);
    } else {
      type.setDataType(base);
    }
    return true;
  }

  private static String argumentsOf(ColDataType type) {
    List<String> args = type.getArgumentsStringList();
    return args == null || args.isEmpty() ? "" : "(" + String.join(", ", args) + ")";
  }
}
