package io.distdb.node.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * A set-returning function in a FROM, {@code generate_series(1, 3) g} or {@code unnest(a) u}, names
 * its one column as PostgreSQL does: after the alias ({@code g}), or without one after the function
 * ({@code generate_series}). H2 calls the column {@code X} or {@code C1}; the rewrite adds the
 * column list H2 understands, {@code g(g)}. A column list the client wrote is kept, and so are
 * forms with more than one column ({@code unnest(a, b)}, {@code WITH ORDINALITY}).
 */
final class SetFunctionColumnRewrite implements Rewrite {

  private static final List<String> FUNCTIONS = List.of("generate_series", "unnest");

  @Override
  public List<String> stems() {
    return FUNCTIONS;
  }

  @Override
  public void apply(Translation t) {
    Set<TableFunction> lateral = LateralFunctionRewrite.lateralItems(t.tree());
    for (TableFunction from : TreeSurgery.find(t.tree(), TableFunction.class)) {
      Function f = from.getFunction();
      String name = f == null ? null : OutputNames.functionName(f);
      if (name == null
          || !FUNCTIONS.contains(name)
          || hasMoreColumns(from, f)
          || lateral.contains(from)) {
        continue;
      }
      Alias alias = from.getAlias();
      if (alias == null) {
        alias = new Alias(name, false);
        from.setAlias(alias);
      } else if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
        continue;
      }
      alias.setAliasColumns(List.of(new Alias.AliasColumn(alias.getName())));
      t.changed();
    }
    for (TableFunction from : TreeSurgery.find(t.tree(), TableFunction.class)) {
      if (lateral.contains(from)) {
        continue; // LateralFunctionRewrite joins it with its row positions
      }
      FromItem typed = seriesWithOrdinality(from);
      typed = typed != null ? typed : integerSeries(from);
      if (typed != null) {
        TreeSurgery.replace(t.tree(), from, typed);
        t.changed();
      }
    }
  }

  /**
   * {@code generate_series(...) WITH ORDINALITY}, which the engine's series lacks: a subquery
   * numbering its rows (the series comes in order), the columns named as PostgreSQL names them.
   */
  private static FromItem seriesWithOrdinality(TableFunction from) {
    Function f = from.getFunction();
    if (f == null
        || !"generate_series".equals(OutputNames.functionName(f))
        || from.getWithClause() == null
        || !from.getWithClause().toLowerCase(Locale.ROOT).contains("ordinality")
        || f.getParameters() == null
        || f.getParameters().size() < 2
        || f.getParameters().size() > 3) {
      return null;
    }
    Alias alias = from.getAlias();
    String name = alias == null ? "generate_series" : alias.getName();
    String value = name;
    String ordinality = "ordinality";
    if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
      value = alias.getAliasColumns().get(0).name;
      if (alias.getAliasColumns().size() > 1) {
        ordinality = alias.getAliasColumns().get(1).name;
      }
    }
    boolean integers = true;
    for (Object arg : f.getParameters()) {
      integers &= BuiltinFunctionRewrite.isInteger((Expression) arg);
    }
    String v = integers ? "CAST(distdb_gs.distdb_v AS INTEGER)" : "distdb_gs.distdb_v";
    Statement holder =
        PostgresParser.parse(
            "SELECT * FROM (SELECT "
                + v
                + " AS "
                + value
                + ", ROW_NUMBER() OVER () AS "
                + ordinality
                + " FROM GENERATE_SERIES("
                + f.getParameters()
                + ") AS distdb_gs(distdb_v)) AS "
                + name);
    return holder instanceof PlainSelect p ? p.getFromItem() : null;
  }

  /**
   * PostgreSQL's {@code generate_series(int, int [, int])} yields integer; the engine's yields
   * bigint. With integer arguments (literals in int's range, {@code ::int} casts) the series
   * becomes a subquery casting its values; null for any other call.
   */
  private static FromItem integerSeries(TableFunction from) {
    Function f = from.getFunction();
    Alias alias = from.getAlias();
    if (f == null
        || !"generate_series".equals(OutputNames.functionName(f))
        || f.getParameters() == null
        || f.getParameters().size() < 2
        || f.getParameters().size() > 3
        || alias == null
        || alias.getAliasColumns() == null
        || alias.getAliasColumns().size() != 1
        || from.toString().toLowerCase(Locale.ROOT).contains("ordinality")) {
      return null;
    }
    for (Object arg : f.getParameters()) {
      if (!BuiltinFunctionRewrite.isInteger((Expression) arg)) {
        return null;
      }
    }
    String column = alias.getAliasColumns().get(0).name;
    Statement holder =
        PostgresParser.parse(
            "SELECT * FROM (SELECT CAST(distdb_gs.distdb_v AS INTEGER) AS "
                + column
                + " FROM GENERATE_SERIES("
                + f.getParameters()
                + ") AS distdb_gs(distdb_v)) AS "
                + alias.getName());
    return holder instanceof PlainSelect p ? p.getFromItem() : null;
  }

  private static boolean hasMoreColumns(TableFunction from, Function f) {
    boolean manyArrays =
        f.getParameters() != null
            && f.getParameters().size() > 1
            && OutputNames.functionName(f).equals("unnest");
    return manyArrays || from.toString().toLowerCase(Locale.ROOT).contains("ordinality");
  }
}
