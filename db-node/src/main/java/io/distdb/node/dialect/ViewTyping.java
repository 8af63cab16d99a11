package io.distdb.node.dialect;

import io.distdb.node.dialect.ViewDeparser.Relation;
import io.distdb.node.dialect.ViewDeparser.Unsupported;
import io.distdb.node.dialect.ViewExpression.ArrayOp;
import io.distdb.node.dialect.ViewExpression.Bool;
import io.distdb.node.dialect.ViewExpression.Call;
import io.distdb.node.dialect.ViewExpression.Cast;
import io.distdb.node.dialect.ViewExpression.Const;
import io.distdb.node.dialect.ViewExpression.Not;
import io.distdb.node.dialect.ViewExpression.NullTest;
import io.distdb.node.dialect.ViewExpression.Op;
import io.distdb.node.dialect.ViewExpression.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * PostgreSQL's parse analysis of a view's expressions, for the types distdb's views commonly use:
 * binds columns to their relation, types literals by context and adds the implicit casts
 * PostgreSQL's operator resolution adds (varchar compared as text, an integer next to a numeric
 * made numeric). A combination whose resolution it does not know is {@link Unsupported}.
 */
final class ViewTyping {

  private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");
  private static final Set<String> STRINGS = Set.of("text", "varchar");
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

  private final List<Relation> relations;

  ViewTyping(List<Relation> relations) {
    this.relations = relations;
  }

  /** An identifier as PostgreSQL folds it. */
  static String fold(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  /** PostgreSQL's FigureColname: the output column name of an unlabelled expression. */
  static String columnName(ViewExpression e) {
    if (e instanceof Var v) {
      return v.column();
    }
    if (e instanceof Call c) {
      return c.name().toLowerCase(Locale.ROOT);
    }
    return e instanceof Cast c ? c.type() : "?column?";
  }

  Relation relationNamed(String refName) throws Unsupported {
    for (Relation r : relations) {
      if (r.refName().equals(refName)) {
        return r;
      }
    }
    throw new Unsupported("relation " + refName);
  }

  /** Whether an unqualified column name is a column of one of the FROM items. */
  boolean resolves(String column) {
    return relations.stream().anyMatch(r -> r.columns().containsKey(column));
  }

  ViewExpression condition(Expression e) throws Unsupported {
    ViewExpression x = value(e);
    if (!x.type().equals("bool")) {
      throw new Unsupported("condition");
    }
    return x;
  }

  ViewExpression value(Expression e) throws Unsupported {
    if (e instanceof Parenthesis p) {
      return value(p.getExpression());
    }
    if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
      return value((Expression) l.get(0));
    }
    if (e instanceof Column c) {
      return column(c);
    }
    if (e instanceof LongValue v) {
      return integer(v);
    }
    if (e instanceof DoubleValue v) {
      return numericConstant(v.toString());
    }
    if (e instanceof StringValue s) {
      return string(s, "text");
    }
    if (e instanceof AndExpression a) {
      return bool("AND", a);
    }
    if (e instanceof OrExpression o) {
      return bool("OR", o);
    }
    if (e instanceof NotExpression n) {
      return new Not(condition(n.getExpression()));
    }
    if (e instanceof IsNullExpression n && !n.isUseIsNull() && !n.isUseNotNull()) {
      return new NullTest(value(n.getLeftExpression()), n.isNot());
    }
    if (e instanceof LikeExpression l) {
      return like(l);
    }
    if (e instanceof InExpression in) {
      return in(in);
    }
    if (e instanceof Function f) {
      return ViewFunctions.call(f, this);
    }
    if (e instanceof CastExpression c) {
      return cast(c);
    }
    if (e instanceof Concat b) {
      return concat(b);
    }
    if (e instanceof BinaryExpression b) {
      String op = OPERATORS.get(e.getClass());
      if (op != null) {
        return COMPARISONS.contains(op) ? comparison(op, b) : arithmetic(op, b);
      }
    }
    throw new Unsupported(e.getClass().getSimpleName());
  }

  private static final Map<Class<?>, String> OPERATORS =
      Map.of(
          EqualsTo.class, "=",
          NotEqualsTo.class, "<>",
          GreaterThan.class, ">",
          GreaterThanEquals.class, ">=",
          MinorThan.class, "<",
          MinorThanEquals.class, "<=",
          Addition.class, "+",
          Subtraction.class, "-",
          Multiplication.class, "*",
          Division.class, "/");

  private ViewExpression column(Column c) throws Unsupported {
    String name = fold(c.getColumnName());
    if (c.getTable() != null && c.getTable().getName() != null) {
      if (c.getTable().getSchemaName() != null) {
        throw new Unsupported("qualified column");
      }
      Relation r = relationNamed(fold(c.getTable().getName()));
      String type = r.columns().get(name);
      if (type == null) {
        throw new Unsupported("column " + name);
      }
      return new Var(r.refName(), name, type);
    }
    if (name.equals("true") || name.equals("false")) {
      if (!resolves(name)) {
        return new Const(name, "bool");
      }
    }
    Relation found = null;
    for (Relation r : relations) {
      if (r.columns().containsKey(name)) {
        if (found != null) {
          throw new Unsupported("ambiguous column");
        }
        found = r;
      }
    }
    if (found == null) {
      throw new Unsupported("column " + name);
    }
    return new Var(found.refName(), name, found.columns().get(name));
  }

  private static ViewExpression integer(LongValue v) throws Unsupported {
    long n = v.getValue();
    if (n < 0) {
      throw new Unsupported("negative literal");
    }
    return new Const(Long.toString(n), n <= Integer.MAX_VALUE ? "int4" : "int8");
  }

  private static ViewExpression numericConstant(String text) throws Unsupported {
    if (!text.matches("[0-9]+\\.[0-9]+")) {
      throw new Unsupported("numeric literal");
    }
    return new Const(text, "numeric");
  }

  /** An unknown-typed literal resolved as {@code type}. */
  static ViewExpression string(StringValue s, String type) throws Unsupported {
    if (s.getPrefix() != null || s.getValue().indexOf(ViewNames.RELATION_MARK) >= 0) {
      throw new Unsupported("string literal");
    }
    String value = s.getValue().replace("''", "'");
    return switch (type) {
      case "text" -> new Const("'" + value.replace("'", "''") + "'::text", "text");
      case "int4", "int8", "int2" -> {
        if (!value.matches("[0-9]{1,9}")) {
          throw new Unsupported("integer literal");
        }
        yield new Const(Long.toString(Long.parseLong(value)), type);
      }
      default -> throw new Unsupported("literal of type " + type);
    };
  }

  private ViewExpression bool(String keyword, BinaryExpression b) throws Unsupported {
    List<ViewExpression> args = new ArrayList<>();
    // PostgreSQL's grammar flattens a chain on its left (makeAndExpr / makeOrExpr).
    ViewExpression left = condition(b.getLeftExpression());
    if (left instanceof Bool l && l.keyword().equals(keyword)) {
      args.addAll(l.args());
    } else {
      args.add(left);
    }
    args.add(condition(b.getRightExpression()));
    return new Bool(keyword, args);
  }

  /** Both operands, the untyped one (a string literal) typed after the other. */
  private ViewExpression[] operands(Expression l, Expression r) throws Unsupported {
    ViewExpression left = l instanceof StringValue ? null : value(l);
    ViewExpression right = r instanceof StringValue ? null : value(r);
    if (left == null && right == null) {
      throw new Unsupported("two literals");
    }
    if (left == null) {
      left = string((StringValue) l, literalType(right.type()));
    }
    if (right == null) {
      right = string((StringValue) r, literalType(left.type()));
    }
    return new ViewExpression[] {left, right};
  }

  private static String literalType(String other) {
    return other.equals("varchar") ? "text" : other;
  }

  private ViewExpression comparison(String op, BinaryExpression b) throws Unsupported {
    ViewExpression[] o = balance(operands(b.getLeftExpression(), b.getRightExpression()));
    return new Op(op, o[0], o[1], "bool");
  }

  private ViewExpression arithmetic(String op, BinaryExpression b) throws Unsupported {
    ViewExpression[] o = balance(operands(b.getLeftExpression(), b.getRightExpression()));
    String l = o[0].type();
    String r = o[1].type();
    if (!(INTEGERS.contains(l) || l.equals("numeric") || l.equals("float8"))) {
      throw new Unsupported("arithmetic on " + l);
    }
    String type = l.equals(r) ? l : INTEGERS.contains(l) && INTEGERS.contains(r) ? wider(l, r) : l;
    if (op.equals("/") && INTEGERS.contains(type) && !l.equals(r)) {
      throw new Unsupported("mixed integer division");
    }
    return new Op(op, o[0], o[1], type);
  }

  private static String wider(String a, String b) {
    return a.equals("int8") || b.equals("int8")
        ? "int8"
        : a.equals("int4") || b.equals("int4") ? "int4" : "int2";
  }

  /**
   * The operands after PostgreSQL's operator resolution for the types handled: integers of any
   * width meet as they are (cross-type operators exist), an integer meets numeric or float8 cast to
   * it, varchar meets text as text.
   */
  ViewExpression[] balance(ViewExpression[] o) throws Unsupported {
    String l = o[0].type();
    String r = o[1].type();
    if (l.equals(r) && !l.equals("varchar")) {
      return o;
    }
    if (INTEGERS.contains(l) && INTEGERS.contains(r)) {
      return o;
    }
    if (STRINGS.contains(l) && STRINGS.contains(r)) {
      return new ViewExpression[] {asText(o[0]), asText(o[1])};
    }
    for (String wide : List.of("numeric", "float8")) {
      boolean leftWide = l.equals(wide) && (INTEGERS.contains(r) || r.equals("numeric"));
      boolean rightWide = r.equals(wide) && (INTEGERS.contains(l) || l.equals("numeric"));
      if (leftWide) {
        return new ViewExpression[] {o[0], castTo(o[1], wide)};
      }
      if (rightWide) {
        return new ViewExpression[] {castTo(o[0], wide), o[1]};
      }
    }
    throw new Unsupported(l + " with " + r);
  }

  static ViewExpression asText(ViewExpression e) {
    return e.type().equals("varchar") ? new Cast(e, "text", "text") : e;
  }

  private static ViewExpression castTo(ViewExpression e, String type) {
    return new Cast(e, type.equals("float8") ? "double precision" : type, type);
  }

  private ViewExpression concat(BinaryExpression b) throws Unsupported {
    ViewExpression[] o = operands(b.getLeftExpression(), b.getRightExpression());
    if (!STRINGS.contains(o[0].type()) || !STRINGS.contains(o[1].type())) {
      throw new Unsupported("concatenation");
    }
    return new Op("||", asText(o[0]), asText(o[1]), "text");
  }

  private ViewExpression like(LikeExpression l) throws Unsupported {
    if (l.getEscape() != null
        || l.getLikeKeyWord() != LikeExpression.KeyWord.LIKE
            && l.getLikeKeyWord() != LikeExpression.KeyWord.ILIKE) {
      throw new Unsupported("like");
    }
    ViewExpression[] o = operands(l.getLeftExpression(), l.getRightExpression());
    if (!STRINGS.contains(o[0].type()) || !STRINGS.contains(o[1].type())) {
      throw new Unsupported("like operand");
    }
    boolean ilike = l.getLikeKeyWord() == LikeExpression.KeyWord.ILIKE;
    String op = (l.isNot() ? "!" : "") + (ilike ? "~~*" : "~~");
    return new Op(op, asText(o[0]), asText(o[1]), "bool");
  }

  private ViewExpression in(InExpression in) throws Unsupported {
    if (!(in.getRightExpression() instanceof ExpressionList<?> list) || list.isEmpty()) {
      throw new Unsupported("IN subquery");
    }
    ViewExpression left = value(in.getLeftExpression());
    List<ViewExpression> elements = new ArrayList<>();
    for (Object item : list) {
      Expression e = (Expression) item;
      ViewExpression x =
          e instanceof StringValue s ? string(s, literalType(left.type())) : value(e);
      ViewExpression[] o = balance(new ViewExpression[] {left, x});
      if (o[0] != left && !(left.type().equals("varchar"))) {
        throw new Unsupported("IN element type");
      }
      elements.add(o[1]);
    }
    return new ArrayOp(in.isNot() ? "<>" : "=", in.isNot() ? "ALL" : "ANY", asText(left), elements);
  }

  private ViewExpression cast(CastExpression c) throws Unsupported {
    ViewExpression arg = value(c.getLeftExpression());
    String target = lowerType(c.getColDataType().toString());
    String[] resolved =
        switch (target) {
          case "text" -> new String[] {"text", "text"};
          case "int", "integer", "int4" -> new String[] {"integer", "int4"};
          case "bigint", "int8" -> new String[] {"bigint", "int8"};
          case "numeric" -> new String[] {"numeric", "numeric"};
          default -> throw new Unsupported("cast to " + target);
        };
    if (!(arg instanceof Var) || arg.type().equals(resolved[1])) {
      throw new Unsupported("cast");
    }
    return new Cast(arg, resolved[0], resolved[1]);
  }

  private static String lowerType(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
