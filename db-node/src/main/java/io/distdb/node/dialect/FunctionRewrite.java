package io.distdb.node.dialect;

import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

/**
 * PostgreSQL functions and literals H2 spells differently: {@code md5(text)} (H2 has only {@code
 * HASH('MD5', bytes)}), {@code uuid_generate_v4()} (H2's {@code RANDOM_UUID()}) and bytea literals
 * in hex form, {@code '\x0102'::bytea}, which H2 would take as the bytes of the characters {@code
 * \x0102}.
 */
final class FunctionRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("md5", "bytea", "uuid_generate_v4");
  }

  @Override
  public void apply(Translation t) {
    if (ExpressionWalker.rewrite(
        t.tree(), FunctionRewrite::hexBytea, f -> md5(f) || uuidGenerateV4(f))) {
      t.changed();
    }
  }

  /** md5(x) = lower(rawtohex(hash('MD5', stringtoutf8(x)))), labelled md5 by OutputNames. */
  private static boolean md5(Function f) {
    if (!OutputNames.functionName(f).equals("md5")
        || f.getParameters() == null
        || f.getParameters().size() != 1) {
      return false;
    }
    Expression arg = f.getParameters().get(0);
    Function hash = call("HASH", new StringValue("MD5"), call("STRINGTOUTF8", arg));
    f.setName("LOWER");
    f.setParameters(new ExpressionList<>(call("RAWTOHEX", hash)));
    return true;
  }

  /** uuid-ossp's uuid_generate_v4() is the engine's RANDOM_UUID() (see UuidDefaultRewrite). */
  private static boolean uuidGenerateV4(Function f) {
    if (!OutputNames.functionName(f).equals("uuid_generate_v4")
        || (f.getParameters() != null && !f.getParameters().isEmpty())) {
      return false;
    }
    f.setName("RANDOM_UUID");
    return true;
  }

  private static boolean hexBytea(CastExpression cast) {
    if (cast.getColDataType() == null
        || !cast.getColDataType().getDataType().toLowerCase(Locale.ROOT).equals("bytea")
        || !(cast.getLeftExpression() instanceof StringValue s)
        || !s.getValue().startsWith("\\x")) {
      return false;
    }
    String hex = s.getValue().substring(2);
    if (!hex.matches("([0-9a-fA-F]{2})*")) {
      return false; // PostgreSQL refuses it (22P02); so will H2, differently
    }
    cast.setLeftExpression(new HexValue("X'" + hex + "'"));
    return true;
  }

  private static Function call(String name, Expression... args) {
    Function f = new Function();
    f.setName(name);
    f.setParameters(new ExpressionList<>(args));
    return f;
  }
}
