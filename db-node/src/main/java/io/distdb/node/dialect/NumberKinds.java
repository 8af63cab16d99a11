package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * What kind of number an expression of one statement is, as far as PostgreSQL's rules for division
 * and {@code avg} need to know: an integer, a numeric, a float, or not known. Literals and casts
 * say it themselves; a column is looked up in the engine's catalog (only when asked, so a statement
 * that never asks stays cacheable), by its qualifier or, unqualified, in the one table of the
 * statement that has it. A statement that reads from a subquery, a function or a CTE resolves only
 * qualified columns of tables: an unqualified name may be the derived relation's.
 */
final class NumberKinds {

  enum Kind {
    INTEGER,
    NUMERIC,
    FLOAT4,
    FLOAT,
    UNKNOWN;

    boolean isExact() {
      return this == INTEGER || this == NUMERIC;
    }

    boolean isFloat() {
      return this == FLOAT4 || this == FLOAT;
    }

    /**
     * The kind of {@code a op b} for + - * %: PostgreSQL's promotion int → numeric → float8; float4
     * stays float4 only with float4 (PostgreSQL has no float4 operators for int or numeric).
     */
    Kind with(Kind other) {
      if (this == UNKNOWN || other == UNKNOWN) {
        return UNKNOWN;
      }
      if ((this == FLOAT4 || other == FLOAT4) && this != other) {
        return FLOAT;
      }
      return values()[Math.max(ordinal(), other.ordinal())];
    }
  }

  private static final Set<String> INTEGERS =
      Set.of("int", "integer", "int2", "int4", "int8", "smallint", "bigint", "serial", "bigserial");
  private static final Set<String> NUMERICS = Set.of("numeric", "decimal");
  private static final Set<String> FLOAT4S = Set.of("float4", "real");
  private static final Set<String> FLOATS = Set.of("float", "float8", "double", "double precision");

  private final Statement tree;
  private final Translation translation;
  private Map<String, Map<String, Kind>> tablesByName;
  private boolean derivedRelations;

  NumberKinds(Translation translation) {
    this.tree = translation.tree();
    this.translation = translation;
  }

  Kind of(Expression e) throws StatementException {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return of((Expression) p.get(0));
    }
    if (e instanceof SignedExpression s) {
      return of(s.getExpression());
    }
    if (e instanceof LongValue) {
      return Kind.INTEGER;
    }
    if (e instanceof DoubleValue) {
      return Kind.NUMERIC; // 1.5 and 1e3 are numeric constants in PostgreSQL
    }
    if (e instanceof CastExpression c && c.getColDataType() != null) {
      if (c.getColDataType().getArrayData() != null
          && !c.getColDataType().getArrayData().isEmpty()) {
        return Kind.UNKNOWN;
      }
      return ofTypeName(c.getColDataType().getDataType());
    }
    if (e instanceof Division d) {
      return of(d.getLeftExpression()).with(of(d.getRightExpression()));
    }
    if (e instanceof Addition
        || e instanceof Subtraction
        || e instanceof Multiplication
        || e instanceof Modulo) {
      var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
      return of(b.getLeftExpression()).with(of(b.getRightExpression()));
    }
    if (e instanceof Function f) {
      return ofFunction(f);
    }
    if (e instanceof Column c) {
      return ofColumn(c);
    }
    return Kind.UNKNOWN;
  }

  private Kind ofFunction(Function f) throws StatementException {
    String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
    if (name.equals("distdb_catalog.numeric_div")) {
      return Kind.NUMERIC;
    }
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      return Kind.UNKNOWN;
    }
    List<?> args = f.getParameters() == null ? List.of() : f.getParameters();
    switch (name) {
      case "count":
        return Kind.INTEGER;
      case "sum", "min", "max", "abs", "round", "trunc", "ceil", "ceiling", "floor":
        return args.isEmpty() ? Kind.UNKNOWN : of((Expression) args.get(0));
      case "avg":
        {
          Kind k = args.size() == 1 ? of((Expression) args.get(0)) : Kind.UNKNOWN;
          return k == Kind.INTEGER ? Kind.NUMERIC : k == Kind.FLOAT4 ? Kind.FLOAT : k;
        }
      default:
        return Kind.UNKNOWN;
    }
  }

  static Kind ofTypeName(String name) {
    String n = PostgresTypes.normalize(name == null ? "" : name).toLowerCase(Locale.ROOT);
    int paren = n.indexOf('(');
    if (paren >= 0) {
      n = n.substring(0, paren).trim();
    }
    if (INTEGERS.contains(n)) {
      return Kind.INTEGER;
    }
    if (NUMERICS.contains(n)) {
      return Kind.NUMERIC;
    }
    if (FLOAT4S.contains(n)) {
      return Kind.FLOAT4;
    }
    return FLOATS.contains(n) ? Kind.FLOAT : Kind.UNKNOWN;
  }

  /** The kind of a column the engine's INFORMATION_SCHEMA types {@code dataType}. */
  static Kind ofEngineType(String dataType) {
    return switch (dataType.toUpperCase(Locale.ROOT)) {
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> Kind.INTEGER;
      case "NUMERIC", "DECIMAL", "DECFLOAT" -> Kind.NUMERIC;
      case "REAL" -> Kind.FLOAT4;
      case "DOUBLE PRECISION", "FLOAT" -> Kind.FLOAT;
      default -> Kind.UNKNOWN;
    };
  }

  private Kind ofColumn(Column c) throws StatementException {
    Map<String, Map<String, Kind>> tables = tables();
    String name = identifier(c.getColumnName());
    Table qualifier = c.getTable();
    if (qualifier != null && qualifier.getName() != null) {
      Map<String, Kind> columns = tables.get(identifier(qualifier.getName()));
      return columns == null ? Kind.UNKNOWN : columns.getOrDefault(name, Kind.UNKNOWN);
    }
    if (derivedRelations) {
      return Kind.UNKNOWN;
    }
    Kind found = null;
    for (Map<String, Kind> columns : tables.values()) {
      Kind k = columns.get(name);
      if (k != null) {
        if (found != null && found != k) {
          return Kind.UNKNOWN;
        }
        found = k;
      }
    }
    return found == null ? Kind.UNKNOWN : found;
  }

  /** The statement's tables by alias (or name), each its columns' kinds; read once. */
  private Map<String, Map<String, Kind>> tables() throws StatementException {
    if (tablesByName != null) {
      return tablesByName;
    }
    tablesByName = new HashMap<>();
    Schema schema = translation.columnTypes();
    derivedRelations =
        tree.toString().toLowerCase(Locale.ROOT).contains("with ")
            || TreeSurgery.find(tree, PlainSelect.class).stream().anyMatch(NumberKinds::derived);
    for (Table t : TreeSurgery.find(tree, Table.class)) {
      if (t.getName() == null) {
        continue;
      }
      Map<String, String> types =
          schema.engineColumnTypes(
              t.getSchemaName() == null ? null : identifier(t.getSchemaName()),
              identifier(t.getName()));
      if (types.isEmpty()) {
        derivedRelations = true; // a CTE, a view or a relation the engine will report missing
        continue;
      }
      Map<String, Kind> kinds = new HashMap<>();
      types.forEach((column, type) -> kinds.put(column, ofEngineType(type)));
      String key = t.getAlias() != null ? t.getAlias().getName() : t.getName();
      tablesByName.put(identifier(key), kinds);
    }
    return tablesByName;
  }

  /** Whether {@code p} reads from anything but tables (a subquery, a function, VALUES). */
  private static boolean derived(PlainSelect p) {
    if (p.getFromItem() != null && !(p.getFromItem() instanceof Table)) {
      return true;
    }
    return p.getJoins() != null
        && p.getJoins().stream().anyMatch(j -> !(j.getFromItem() instanceof Table));
  }

  /** {@code "Foo"} → Foo; {@code Foo} → foo, as the engine stores names. */
  private static String identifier(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1);
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
