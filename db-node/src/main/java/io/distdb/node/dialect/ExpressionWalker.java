package io.distdb.node.dialect;

import java.util.function.Consumer;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Visits every cast and function call of a statement, subqueries included. JSqlParser's {@link
 * TablesNamesFinder} already descends into every expression of every statement kind to find tables;
 * this borrows that traversal instead of writing a second one.
 */
final class ExpressionWalker extends TablesNamesFinder<Void> {

  private final Consumer<CastExpression> onCast;
  private final Consumer<Function> onFunction;

  private ExpressionWalker(Consumer<CastExpression> onCast, Consumer<Function> onFunction) {
    this.onCast = onCast;
    this.onFunction = onFunction;
  }

  /** Calls the consumers for each cast and function in {@code tree}. */
  static void walk(Statement tree, Consumer<CastExpression> onCast, Consumer<Function> onFunction) {
    try {
      new ExpressionWalker(onCast, onFunction).getTables(tree);
    } catch (UnsupportedOperationException e) {
      // A statement kind the finder does not traverse (some DDL): it has no expressions to fix.
    }
  }

  @Override
  public <S> Void visit(CastExpression cast, S context) {
    onCast.accept(cast);
    return super.visit(cast, context);
  }

  @Override
  public <S> Void visit(Function function, S context) {
    onFunction.accept(function);
    return super.visit(function, context);
  }
}
