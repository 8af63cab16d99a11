package io.distdb.node.dialect;

import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * PostgreSQL's {@code length}, {@code char_length}, {@code character_length}, {@code octet_length}
 * and {@code bit_length} answer integer (23); the engine's answer bigint (20), which clients see as
 * another type (psycopg 3 as int8). The call is cast to INTEGER, labelled after the function as
 * before ({@link OutputNameRewrite} runs after this).
 */
final class LengthTypeRewrite implements Rewrite {

  private static final Set<String> FUNCTIONS =
      Set.of("length", "char_length", "character_length", "octet_length", "bit_length");

  @Override
  public List<String> stems() {
    return List.of("length(");
  }

  @Override
  public void apply(Translation t) {
    boolean changed = false;
    for (Function f : TreeSurgery.find(t.tree(), Function.class)) {
      if (f.getName() != null
          && (f.getMultipartName().size() == 1 || isPgCatalog(f))
          && FUNCTIONS.contains(OutputNames.functionName(f))
          && f.getParameters() != null
          && f.getParameters().size() == 1) {
        CastExpression cast = new CastExpression();
        cast.setLeftExpression(f);
        ColDataType integer = new ColDataType();
        integer.setDataType("INTEGER");
        cast.setColDataType(integer);
        cast.setUseCastKeyword(true);
        changed |= TreeSurgery.replace(t.tree(), f, cast);
      }
    }
    if (changed) {
      t.changed();
    }
  }

  private static boolean isPgCatalog(Function f) {
    return f.getMultipartName().size() == 2
        && f.getMultipartName().get(0).equalsIgnoreCase("pg_catalog");
  }
}
