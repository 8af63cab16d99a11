package io.distdb.node.dialect;

import java.util.function.Predicate;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Visits every cast and function call of a statement, subqueries included, and lets a rewrite fix
 * each in place. JSqlParser's {@link TablesNamesFinder} already descends into every expression of
 * every statement kind to find tables; this borrows that traversal instead of writing a second one.
 */
final class ExpressionWalker extends TablesNamesFinder<Void> {

  /** Never changes anything: for a rewrite that looks at one node kind only. */
  static final Predicate<Object> NONE = node -> false;

  private final Predicate<? super CastExpression> fixCast;
  private final Predicate<? super Function> fixFunction;
  private boolean changed;

  private ExpressionWalker(
      Predicate<? super CastExpression> fixCast, Predicate<? super Function> fixFunction) {
    this.fixCast = fixCast;
    this.fixFunction = fixFunction;
  }

  /**
   * Calls the fixes for each cast and function in {@code tree}; each returns true if it changed its
   * node.
   *
   * @return true if any fix changed the tree
   */
  static boolean rewrite(
      Statement tree,
      Predicate<? super CastExpression> fixCast,
      Predicate<? super Function> fixFunction) {
    ExpressionWalker walker = new ExpressionWalker(fixCast, fixFunction);
    try {
      walker.getTables(tree);
    } catch (UnsupportedOperationException e) {
      // A statement kind the finder does not traverse (some DDL): it has no expressions to fix.
    }
    return walker.changed;
  }

  @Override
  public <S> Void visit(CastExpression cast, S context) {
    changed |= fixCast.test(cast);
    return super.visit(cast, context);
  }

  @Override
  public <S> Void visit(Function function, S context) {
    changed |= fixFunction.test(function);
    return super.visit(function, context);
  }
}
