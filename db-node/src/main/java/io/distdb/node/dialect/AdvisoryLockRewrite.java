package io.distdb.node.dialect;

import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * PostgreSQL's advisory lock functions, which migration tools call (Flyway takes one around a
 * migration). distdb has a single writer per database, so it grants every request at once: {@code
 * pg_advisory_lock} and friends return (void) at once, the {@code pg_try_} forms and the unlocks
 * return true. This is consistent for one session but gives no mutual exclusion between sessions;
 * DESIGN.md lists it as a difference.
 */
final class AdvisoryLockRewrite implements Rewrite {

  private static final Set<String> VOID_FUNCTIONS =
      Set.of(
          "pg_advisory_lock",
          "pg_advisory_lock_shared",
          "pg_advisory_xact_lock",
          "pg_advisory_xact_lock_shared",
          "pg_advisory_unlock_all");

  @Override
  public List<String> stems() {
    return List.of("advisory");
  }

  @Override
  public void apply(Translation t) {
    if (ExpressionWalker.rewrite(t.tree(), ExpressionWalker.NONE, AdvisoryLockRewrite::grant)) {
      t.changed();
    }
  }

  private static boolean grant(Function f) {
    String name = OutputNames.functionName(f);
    if (!name.contains("advisory") || !OutputNames.MISLABELLED_FUNCTIONS.contains(name)) {
      return false;
    }
    // void prints as an empty string in PostgreSQL's text format.
    f.setName("COALESCE");
    f.setParameters(
        VOID_FUNCTIONS.contains(name)
            ? new ExpressionList<>(new StringValue(""))
            : new ExpressionList<>(new Column("TRUE")));
    return true;
  }
}
