package io.distdb.node.dialect;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of a view's query after PostgreSQL's parse analysis (columns bound to their range
 * table entry, literals typed, implicit casts made visible), printed as PostgreSQL 15's ruleutils
 * prints it: {@code pg_get_viewdef(v)} wraps every operator in parentheses, {@code
 * pg_get_viewdef(v, true)} ("pretty") only where precedence needs them ({@code isSimpleNode}).
 */
sealed interface ViewExpression {

  /** PostgreSQL's name of the expression's type ({@code int4}, {@code text}, ...). */
  String type();

  /** A column of a range table entry: {@code alias.column}. */
  record Var(String relation, String column, String type) implements ViewExpression {}

  /**
   * A literal, already in PostgreSQL's output form ({@code 42}, {@code 'x'::text}, {@code true}).
   */
  record Const(String text, String type) implements ViewExpression {}

  /** A binary operator ({@code =}, {@code +}, {@code ~~}, {@code ||}...). */
  record Op(String operator, ViewExpression left, ViewExpression right, String type)
      implements ViewExpression {}

  /** AND / OR over two or more arguments. */
  record Bool(String keyword, List<ViewExpression> args) implements ViewExpression {
    @Override
    public String type() {
      return "bool";
    }
  }

  record Not(ViewExpression arg) implements ViewExpression {
    @Override
    public String type() {
      return "bool";
    }
  }

  record NullTest(ViewExpression arg, boolean not) implements ViewExpression {
    @Override
    public String type() {
      return "bool";
    }
  }

  /** {@code x = ANY (ARRAY[...])}, what {@code x IN (...)} becomes ({@code <> ALL} for NOT IN). */
  record ArrayOp(
      String operator, String quantifier, ViewExpression left, List<ViewExpression> array)
      implements ViewExpression {
    @Override
    public String type() {
      return "bool";
    }
  }

  /** A function or aggregate call; {@code name} as printed ({@code COALESCE} upper case). */
  record Call(String name, List<ViewExpression> args, boolean star, String type)
      implements ViewExpression {}

  /** A cast, explicit or implicit; {@code typeName} as format_type prints it. */
  record Cast(ViewExpression arg, String typeName, String type) implements ViewExpression {}

  /** The expression's text, {@code parent} the node it is an argument of (null at the top). */
  static String print(ViewExpression e, ViewExpression parent, boolean pretty) {
    boolean paren = pretty && parent != null && !isSimple(e, parent);
    String text = printBare(e, pretty);
    return paren ? "(" + text + ")" : text;
  }

  private static String printBare(ViewExpression e, boolean pretty) {
    String open = pretty ? "" : "(";
    String close = pretty ? "" : ")";
    if (e instanceof Var v) {
      return ViewNames.quote(v.relation()) + "." + ViewNames.quote(v.column());
    }
    if (e instanceof Const c) {
      return c.text();
    }
    if (e instanceof Op o) {
      return open
          + print(o.left(), o, pretty)
          + " "
          + o.operator()
          + " "
          + print(o.right(), o, pretty)
          + close;
    }
    if (e instanceof Bool b) {
      return open
          + b.args().stream()
              .map(a -> print(a, b, pretty))
              .collect(Collectors.joining(" " + b.keyword() + " "))
          + close;
    }
    if (e instanceof Not n) {
      return open + "NOT " + print(n.arg(), n, pretty) + close;
    }
    if (e instanceof NullTest n) {
      return open + print(n.arg(), n, pretty) + (n.not() ? " IS NOT NULL" : " IS NULL") + close;
    }
    if (e instanceof ArrayOp a) {
      return open
          + print(a.left(), a, pretty)
          + " "
          + a.operator()
          + " "
          + a.quantifier()
          + " (ARRAY["
          + a.array().stream().map(x -> print(x, null, pretty)).collect(Collectors.joining(", "))
          + "])"
          + close;
    }
    if (e instanceof Call c) {
      return c.name()
          + "("
          + (c.star()
              ? "*"
              : c.args().stream()
                  .map(x -> print(x, null, pretty))
                  .collect(Collectors.joining(", ")))
          + ")";
    }
    // ruleutils' get_coercion_expr: the argument's parentheses depend on the cast's parent,
    // which print() has already decided for the whole cast; a bare argument needs none.
    Cast c = (Cast) e;
    return (pretty ? printBare(c.arg(), true) : "(" + printBare(c.arg(), false) + ")")
        + "::"
        + c.typeName();
  }

  /** ruleutils' isSimpleNode: whether {@code node} needs no parentheses under {@code parent}. */
  private static boolean isSimple(ViewExpression node, ViewExpression parent) {
    if (node instanceof Var || node instanceof Const || node instanceof Call) {
      return true;
    }
    if (node instanceof Cast c) {
      return isSimple(c.arg(), parent);
    }
    if (node instanceof ArrayOp) {
      return false;
    }
    if (node instanceof Op o) {
      return parent instanceof Op p ? arithmeticSimple(o, p) : underFunctionOrBool(parent);
    }
    if (node instanceof NullTest) {
      return underFunctionOrBool(parent);
    }
    if (node instanceof Not) {
      return parent instanceof Bool || parent instanceof Call;
    }
    Bool b = (Bool) node;
    if (parent instanceof Bool p) {
      return b.keyword().equals("AND") || p.keyword().equals("OR");
    }
    return parent instanceof Call;
  }

  private static boolean underFunctionOrBool(ViewExpression parent) {
    return parent instanceof Bool || parent instanceof Not || parent instanceof Call;
  }

  private static boolean arithmeticSimple(Op node, Op parent) {
    boolean low = "+-".contains(node.operator()) && node.operator().length() == 1;
    boolean high = "*/%".contains(node.operator()) && node.operator().length() == 1;
    boolean parentLow = "+-".contains(parent.operator()) && parent.operator().length() == 1;
    boolean parentHigh = "*/%".contains(parent.operator()) && parent.operator().length() == 1;
    if (!(low || high) || !(parentLow || parentHigh)) {
      return false;
    }
    if (high && parentLow) {
      return true;
    }
    if (low && parentHigh) {
      return false;
    }
    return parent.left() == node;
  }
}
