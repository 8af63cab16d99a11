package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Refuses, with 0A000 naming the feature, PostgreSQL constructs H2 cannot run and that it would
 * otherwise reject with a misleading message ({@code function rollup does not exist}): {@code
 * GROUPING SETS}, {@code ROLLUP}, {@code CUBE} and {@code grouping()} outside the GROUP BY and
 * select list of a SELECT that {@link GroupingSetsRewrite} runs, and {@code LATERAL} in a statement
 * JSqlParser cannot parse (parsed, it is {@link LateralSubqueryRewrite}'s and {@link
 * LateralFunctionRewrite}'s).
 */
final class UnsupportedFeatureRewrite implements Rewrite {

  private static final Set<String> GROUPING_FUNCTIONS = Set.of("rollup", "cube", "grouping");
  private static final Pattern GROUPING_SETS = Pattern.compile("\\bGROUPING\\s+SETS\\b");
  private static final Pattern STRINGS = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern LATERAL = Pattern.compile("\\bLATERAL\\b");
  private static final Pattern ROLLUP_OR_CUBE = Pattern.compile("\\b(ROLLUP|CUBE)\\s*\\(");

  @Override
  public List<String> stems() {
    return List.of("rollup", "cube", "grouping");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    // GroupingSetsRewrite runs the GROUP BY and the grouping() select items of every SELECT
    // with grouping sets, subqueries and CTEs included: look for the constructs anywhere else.
    List<PlainSelect> grouped = new ArrayList<>();
    List<GroupByElement> groupBys = new ArrayList<>();
    List<List<SelectItem<?>>> itemLists = new ArrayList<>();
    for (PlainSelect select : TreeSurgery.find(t.tree(), PlainSelect.class)) {
      if (GroupingSetsRewrite.hasGroupingSets(select)) {
        grouped.add(select);
        groupBys.add(select.getGroupBy());
        itemLists.add(select.getSelectItems());
      }
    }
    try {
      for (PlainSelect select : grouped) {
        select.setGroupByElement(null);
        select.setSelectItems(
            select.getSelectItems().stream()
                .filter(
                    i ->
                        !(i.getExpression() instanceof Function f
                            && GroupingSetsRewrite.isGrouping(f)))
                .collect(Collectors.toList()));
      }
      refuse(t);
    } finally {
      for (int i = 0; i < grouped.size(); i++) {
        grouped.get(i).setGroupByElement(groupBys.get(i));
        grouped.get(i).setSelectItems(itemLists.get(i));
      }
    }
  }

  /**
   * For a statement JSqlParser cannot parse: 0A000 if its text (string constants aside) uses one of
   * the features, which H2 would report as a syntax error.
   */
  static void refuseText(String sql) throws StatementException {
    String rendered = STRINGS.matcher(sql).replaceAll("''").toUpperCase(Locale.ROOT);
    String feature =
        GROUPING_SETS.matcher(rendered).find()
            ? "GROUPING SETS"
            : ROLLUP_OR_CUBE.matcher(rendered).find()
                ? "ROLLUP or CUBE"
                : LATERAL.matcher(rendered).find() ? "LATERAL" : null;
    if (feature != null) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          feature + " is not supported by distdb in this statement");
    }
  }

  private static void refuse(Translation t) throws StatementException {
    AtomicReference<String> found = new AtomicReference<>();
    ExpressionWalker.rewrite(
        t.tree(),
        ExpressionWalker.NONE,
        f -> {
          if (f.getMultipartName().size() == 1
              && GROUPING_FUNCTIONS.contains(OutputNames.functionName(f))) {
            found.compareAndSet(null, OutputNames.functionName(f).toUpperCase(Locale.ROOT));
          }
          return false;
        });
    // String constants may hold any words (pgjdbc's getSQLKeywords lists "lateral" in one).
    String rendered =
        found.get() == null
            ? STRINGS.matcher(t.tree().toString()).replaceAll("''").toUpperCase(Locale.ROOT)
            : "";
    if (found.get() == null && GROUPING_SETS.matcher(rendered).find()) {
      found.set("GROUPING SETS");
    }
    java.util.regex.Matcher m = ROLLUP_OR_CUBE.matcher(rendered);
    if (found.get() == null && m.find()) {
      found.set(m.group(1));
    }
    if (found.get() != null) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          found.get().equals("GROUPING")
              ? "grouping() is not supported by distdb (no GROUPING SETS, ROLLUP or CUBE)"
              : found.get() + " is not supported by distdb");
    }
  }
}
