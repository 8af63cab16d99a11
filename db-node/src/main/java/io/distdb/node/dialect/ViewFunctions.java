package io.distdb.node.dialect;

import io.distdb.node.dialect.ViewDeparser.Unsupported;
import io.distdb.node.dialect.ViewExpression.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;

/**
 * The functions and aggregates a deparsed view may call, with PostgreSQL 15's result types (sum of
 * an integer is bigint, of a bigint numeric...) and argument casts (lower of a varchar takes it as
 * text). Any other function leaves the view with the engine's text.
 */
final class ViewFunctions {

  private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");

  private ViewFunctions() {}

  static ViewExpression call(Function f, ViewTyping typing) throws Unsupported {
    if (f.getMultipartName().size() != 1
        || f.isDistinct()
        || f.getOrderByElements() != null
        || f.getNamedParameters() != null
        || f.getKeep() != null
        || f.getAttribute() != null) {
      throw new Unsupported("function form");
    }
    String name = f.getName().toLowerCase(Locale.ROOT);
    if (f.isAllColumns()
        || f.getParameters() != null
            && f.getParameters().size() == 1
            && f.getParameters().get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns) {
      if (!name.equals("count")) {
        throw new Unsupported("f(*)");
      }
      return new Call("count", List.of(), true, "int8");
    }
    List<Expression> raw = new ArrayList<>();
    if (f.getParameters() != null) {
      for (Object p : f.getParameters()) {
        raw.add((Expression) p);
      }
    }
    if (name.equals("coalesce")) {
      return coalesce(raw, typing);
    }
    List<ViewExpression> args = new ArrayList<>();
    for (Expression e : raw) {
      if (e instanceof StringValue) {
        throw new Unsupported("literal argument");
      }
      args.add(typing.value(e));
    }
    if (name.equals("now") && args.isEmpty()) {
      return new Call("now", args, false, "timestamptz");
    }
    if (args.size() != 1) {
      throw new Unsupported("function " + name);
    }
    ViewExpression a = args.get(0);
    String t = a.type();
    boolean string = t.equals("text") || t.equals("varchar");
    return switch (name) {
      case "count" -> new Call(name, args, false, "int8");
      case "min", "max" -> new Call(name, args, false, t);
      case "sum" -> {
        String result =
            t.equals("int8") || t.equals("numeric")
                ? "numeric"
                : INTEGERS.contains(t) ? "int8" : t.equals("float8") ? "float8" : null;
        if (result == null) {
          throw new Unsupported("sum of " + t);
        }
        yield new Call(name, args, false, result);
      }
      case "avg" -> {
        if (!INTEGERS.contains(t) && !t.equals("numeric") && !t.equals("float8")) {
          throw new Unsupported("avg of " + t);
        }
        yield new Call(name, args, false, t.equals("float8") ? "float8" : "numeric");
      }
      case "lower", "upper" -> {
        if (!string) {
          throw new Unsupported(name + " of " + t);
        }
        yield new Call(name, List.of(ViewTyping.asText(a)), false, "text");
      }
      case "length" -> {
        if (!string) {
          throw new Unsupported("length of " + t);
        }
        yield new Call(name, List.of(ViewTyping.asText(a)), false, "int4");
      }
      default -> throw new Unsupported("function " + name);
    };
  }

  /** COALESCE(x, 'literal', ...): the literals take the type of the first typed argument. */
  private static ViewExpression coalesce(List<Expression> raw, ViewTyping typing)
      throws Unsupported {
    String type = null;
    List<ViewExpression> typed = new ArrayList<>();
    for (Expression e : raw) {
      ViewExpression x = e instanceof StringValue ? null : typing.value(e);
      typed.add(x);
      if (x != null && type == null) {
        type = x.type();
      }
    }
    if (type == null || type.equals("varchar")) {
      throw new Unsupported("coalesce");
    }
    List<ViewExpression> args = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      ViewExpression x = typed.get(i);
      if (x == null) {
        x = ViewTyping.string((StringValue) raw.get(i), type);
      } else if (!x.type().equals(type)) {
        throw new Unsupported("coalesce of mixed types");
      }
      args.add(x);
    }
    return new Call("COALESCE", args, false, type);
  }
}
