package io.distdb.node.dialect;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The labels a statement's result columns had before a rewrite replaced their expressions:
 * PostgreSQL names a function's column after the function and an operator's {@code ?column?}; once
 * an operator has become an engine call, H2 would name it after that call.
 */
final class SelectLabels {

  private final List<Expression> before;
  private final List<String> labels;

  private SelectLabels(List<Expression> before, List<String> labels) {
    this.before = before;
    this.labels = labels;
  }

  static SelectLabels of(Translation t) {
    List<Expression> before = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (SelectItem<?> item : items(t)) {
      Expression e = item.getExpression();
      before.add(e);
      labels.add(labelOf(e));
    }
    return new SelectLabels(before, labels);
  }

  private static String labelOf(Expression e) {
    if (e instanceof Function f && f.getName() != null) {
      String name = OutputNames.functionName(f);
      return name.startsWith("distdb_op_") ? "?column?" : name; // an operator, written as a call
    }
    if (e instanceof net.sf.jsqlparser.expression.TimezoneExpression) {
      return "timezone";
    }
    if (e instanceof net.sf.jsqlparser.expression.ExtractExpression) {
      return "extract";
    }
    return "?column?";
  }

  /** Gives each unaliased item whose expression was replaced its label from before. */
  void relabelReplaced(Translation t) {
    List<SelectItem<?>> items = items(t);
    for (int i = 0; i < items.size() && i < before.size(); i++) {
      SelectItem<?> item = items.get(i);
      boolean renamed =
          item.getExpression() instanceof Function f
              && before.get(i) == f
              && f.getMultipartName() != null
              && f.getMultipartName().size() > 1
              && f.getMultipartName().get(0).equals("distdb_catalog");
      if ((item.getExpression() != before.get(i) || renamed) && item.getAlias() == null) {
        item.setAlias(new Alias("\"" + labels.get(i) + "\"", true));
      }
    }
  }

  private static List<SelectItem<?>> items(Translation t) {
    if (t.tree() instanceof PlainSelect select && select.getSelectItems() != null) {
      return new ArrayList<>(select.getSelectItems());
    }
    return List.of();
  }
}
