package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * jsonb's operators ({@code ->}, {@code ->>}, {@code #>}, {@code @>} ...) have no H2 counterpart
 * (H2 2.4 stores JSON but cannot look inside it). Rather than H2's syntax error at the operator,
 * the client gets 0A000 naming the feature, as for anything else distdb does not support yet.
 */
final class JsonOperatorRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("->", "#>", "@>", "<@");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    Finder finder = new Finder();
    try {
      finder.getTables(t.tree());
    } catch (UnsupportedOperationException e) {
      return; // a statement kind without expressions
    }
    if (finder.operator != null) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          "operator " + finder.operator + " (jsonb) is not supported by distdb");
    }
  }

  private static final class Finder extends TablesNamesFinder<Void> {
    private String operator;

    @Override
    public <S> Void visit(JsonExpression json, S context) {
      if (operator == null && !json.getOperators().isEmpty()) {
        operator = json.getOperators().get(0);
      }
      return super.visit(json, context);
    }

    @Override
    public <S> Void visit(JsonOperator json, S context) {
      if (operator == null) {
        operator = json.getStringExpression();
      }
      return super.visit(json, context);
    }
  }
}
