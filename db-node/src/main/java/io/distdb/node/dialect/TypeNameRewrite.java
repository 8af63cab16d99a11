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
    return List.of(
        "timestamptz",
        "timetz",
        "serial",
        "[]",
        "interval",
        "citext",
        "varchar",
        "character varying");
  }

  @Override
  public void apply(Translation t) {
    boolean changed = false;
    if (t.tree() instanceof CreateTable create && create.getColumnDefinitions() != null) {
      for (ColumnDefinition column : create.getColumnDefinitions()) {
        changed |= fixUnboundedVarchar(column.getColDataType()) || fix(column.getColDataType());
      }
    }
    if (t.tree() instanceof Alter alter && alter.getAlterExpressions() != null) {
      for (AlterExpression e : alter.getAlterExpressions()) {
        if (e.getColDataTypeList() != null) {
          for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
            changed |= fixUnboundedVarchar(c.getColDataType()) || fix(c.getColDataType());
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

  /**
   * The length the engine declares a column {@code varchar} without a length with: the engine's own
   * unbounded varchar is its text, and the catalog must tell the two apart (TypeORM compares a
   * column's type with its entity's on every synchronize). Beside the other markers (json, name,
   * regtype) so that the catalog and the session recognise it: pg_attribute reports varchar (1043)
   * without a typmod.
   */
  static final int UNBOUNDED_VARCHAR_LENGTH = 999_999_990;

  /** A column's {@code varchar} / {@code character varying} without a length → the marked one. */
  private static boolean fixUnboundedVarchar(ColDataType type) {
    if (type == null
        || type.getDataType() == null
        || (type.getArgumentsStringList() != null && !type.getArgumentsStringList().isEmpty())
        || (type.getArrayData() != null && !type.getArrayData().isEmpty())
        || type.getDataType().contains("(")) {
      return false;
    }
    String name = PostgresTypes.normalize(type.getDataType());
    if (!name.equals("varchar") && !name.equals("character varying")) {
      return false;
    }
    type.setDataType("VARCHAR(" + UNBOUNDED_VARCHAR_LENGTH + ")");
    return true;
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
