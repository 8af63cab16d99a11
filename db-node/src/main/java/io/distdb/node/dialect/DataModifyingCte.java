package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;

/**
 * PostgreSQL's data-modifying WITH queries, {@code WITH x AS (INSERT ... RETURNING ...) SELECT ...
 * FROM x} (also UPDATE and DELETE, and an INSERT ... SELECT as the main statement). H2 has no DML
 * in WITH, but it reads a DML statement's rows as a data-change delta table: each such WITH query
 * is taken out of the tree, translated on its own (its RETURNING becomes {@code SELECT ... FROM
 * FINAL TABLE (...)}, see {@link ReturningRewrite}), and spliced back as a derived table where the
 * main statement reads it. A delta table runs its statement once per reference, so a WITH query
 * read more than once, or not at all, is refused (0A000) rather than run twice or never.
 */
final class DataModifyingCte {

  private static final String PLACEHOLDER = "distdb_modifying_cte_";

  /** Translates one statement of the client's dialect into the engine's. */
  interface Translator {
    EngineStatement translate(String postgresSql) throws StatementException;
  }

  /** The WITH queries taken out, by the placeholder table name standing in for each. */
  private final Map<String, EngineStatement> extracted = new LinkedHashMap<>();

  private DataModifyingCte() {}

  /**
   * Takes the data-modifying WITH queries out of {@code tree} (edited in place); null if it has
   * none.
   */
  static DataModifyingCte extract(Statement tree, Translator translator) throws StatementException {
    List<WithItem<?>> with = withItems(tree);
    if (with == null || with.stream().noneMatch(DataModifyingCte::modifies)) {
      return null;
    }
    DataModifyingCte out = new DataModifyingCte();
    List<WithItem<?>> kept = new ArrayList<>();
    for (WithItem<?> item : with) {
      if (!modifies(item)) {
        kept.add(item);
        continue;
      }
      Statement dml = statementOf(item.getParenthesedStatement());
      if (!dml.toString().toUpperCase(Locale.ROOT).contains("RETURNING")) {
        throw unsupported("a data-modifying WITH query without RETURNING");
      }
      String placeholder = PLACEHOLDER + out.extracted.size();
      String name = item.getUnquotedAliasName();
      List<Table> reads = readsOf(tree, name);
      if (reads.size() != 1) {
        throw unsupported("a data-modifying WITH query read " + reads.size() + " times");
      }
      Table read = reads.get(0);
      Table stand = new Table(placeholder);
      stand.setAlias(read.getAlias() != null ? read.getAlias() : new Alias(name, false));
      TreeSurgery.replace(tree, read, stand);
      out.extracted.put(placeholder, translator.translate(dml.toString()));
    }
    setWithItems(tree, kept.isEmpty() ? null : kept);
    return out;
  }

  /** The engine's text with each placeholder replaced by its derived table. */
  String splice(String engineSql) {
    String sql = engineSql;
    for (Map.Entry<String, EngineStatement> e : extracted.entrySet()) {
      sql = sql.replace(e.getKey(), "(" + e.getValue().sql() + ")");
    }
    return sql;
  }

  /** The highest parameter number the WITH queries use. */
  int parameterCount() {
    return extracted.values().stream().mapToInt(EngineStatement::parameterCount).max().orElse(0);
  }

  private static boolean modifies(WithItem<?> item) {
    ParenthesedStatement s = item.getParenthesedStatement();
    return s instanceof ParenthesedInsert
        || s instanceof ParenthesedUpdate
        || s instanceof ParenthesedDelete;
  }

  private static Statement statementOf(ParenthesedStatement s) {
    if (s instanceof ParenthesedInsert i) {
      return i.getInsert();
    }
    if (s instanceof ParenthesedUpdate u) {
      return u.getUpdate();
    }
    return ((ParenthesedDelete) s).getDelete();
  }

  private static List<WithItem<?>> withItems(Statement tree) {
    if (tree instanceof Select s) {
      return s.getWithItemsList();
    }
    if (tree instanceof Insert i) {
      return i.getWithItemsList();
    }
    return null;
  }

  private static void setWithItems(Statement tree, List<WithItem<?>> items) {
    if (tree instanceof Select s) {
      s.setWithItemsList(items);
    } else {
      ((Insert) tree).setWithItemsList(items);
    }
  }

  /** The table references (not column qualifiers) to {@code name}, unqualified. */
  private static List<Table> readsOf(Statement tree, String name) {
    Set<Table> qualifiers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Column c : TreeSurgery.find(tree, Column.class)) {
      if (c.getTable() != null) {
        qualifiers.add(c.getTable());
      }
    }
    List<Table> reads = new ArrayList<>();
    for (Table t : TreeSurgery.find(tree, Table.class)) {
      if (!qualifiers.contains(t)
          && t.getSchemaName() == null
          && t.getUnquotedName() != null
          && t.getUnquotedName().equalsIgnoreCase(name)) {
        reads.add(t);
      }
    }
    return reads;
  }

  private static StatementException unsupported(String what) {
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED,
        what + " is not supported by distdb; read it exactly once in the main statement's FROM");
  }
}
