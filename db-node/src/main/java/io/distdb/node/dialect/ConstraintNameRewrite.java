package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;

/**
 * The constraints of a {@code CREATE TABLE} that the client left unnamed get the names PostgreSQL
 * 15 gives them, written into the statement: {@code <table>_pkey}, {@code <table>_<columns>_key},
 * {@code <table>_<columns>_fkey}, {@code <table>_<column>_check} (or {@code <table>_check} when the
 * expression reads no single column). H2 would invent {@code CONSTRAINT_C6}, which its errors then
 * name ({@code duplicate key value violates unique constraint "CONSTRAINT_DF"}), where applications
 * match PostgreSQL's names and migrations later drop them by those names. The names are in the
 * statement text the master logs, so every replica gets the same ones.
 *
 * <p>The rules are {@code ChooseConstraintName} / {@code ChooseRelationName}: parts shortened to
 * fit 63 characters ({@link UnnamedIndexRewrite#objectName}), and a name already taken in the
 * statement or the schema gets its label numbered ({@code key1}, {@code check1}, ...).
 */
final class ConstraintNameRewrite implements Rewrite {

  @Override
  public List<String> stems() {
    return List.of("primary", "unique", "references", "check");
  }

  @Override
  public void apply(Translation t) throws StatementException {
    if (!(t.tree() instanceof CreateTable create)
        || create.getColumnDefinitions() == null
        || create.getTable() == null) {
      return;
    }
    String table = fold(create.getTable().getName());
    String schemaName =
        create.getTable().getSchemaName() == null ? null : fold(create.getTable().getSchemaName());
    ConstraintNamer namer = new ConstraintNamer(table, schemaName, () -> t.schema());
    boolean changed = false;
    for (ColumnDefinition column : create.getColumnDefinitions()) {
      changed |= nameColumnConstraints(column, namer);
    }
    if (create.getIndexes() != null) {
      for (Index index : create.getIndexes()) {
        changed |= nameTableConstraint(index, namer);
      }
    }
    if (changed) {
      t.changed();
    }
  }

  private static boolean nameColumnConstraints(ColumnDefinition column, ConstraintNamer namer)
      throws StatementException {
    List<String> specs = column.getColumnSpecs();
    if (specs == null || specs.isEmpty()) {
      return false;
    }
    String name = fold(column.getColumnName());
    List<String> out = new ArrayList<>(specs.size() + 4);
    boolean changed = false;
    for (int i = 0; i < specs.size(); i++) {
      String spec = specs.get(i).toLowerCase(Locale.ROOT);
      boolean named = i >= 2 && specs.get(i - 2).equalsIgnoreCase("constraint");
      String chosen = null;
      if (!named) {
        if (spec.equals("primary") && next(specs, i, "key")) {
          chosen = namer.name(null, "pkey");
        } else if (spec.equals("unique")) {
          chosen = namer.name(name, "key");
        } else if (spec.equals("references")) {
          chosen = namer.name(name, "fkey");
        } else if (spec.equals("check") && i + 1 < specs.size()) {
          chosen = namer.name(checkColumn(specs.get(i + 1), name), "check");
        }
      }
      if (chosen != null) {
        out.add("CONSTRAINT");
        out.add(quote(chosen));
        changed = true;
      }
      out.add(specs.get(i));
    }
    if (changed) {
      column.setColumnSpecs(out);
    }
    return changed;
  }

  private static boolean nameTableConstraint(Index index, ConstraintNamer namer)
      throws StatementException {
    if (index.getName() != null) {
      return false;
    }
    String chosen;
    if (index instanceof CheckConstraint check) {
      chosen = namer.name(onlyColumn(check.getExpression()), "check");
    } else if (index instanceof ForeignKeyIndex) {
      chosen = namer.name(columns(index), "fkey");
    } else if (index instanceof NamedConstraint && index.getType() != null) {
      String type = index.getType().toLowerCase(Locale.ROOT);
      if (type.startsWith("primary")) {
        chosen = namer.name(null, "pkey");
      } else if (type.startsWith("unique")) {
        chosen = namer.name(columns(index), "key");
      } else {
        return false;
      }
    } else {
      return false;
    }
    index.setName(quote(chosen));
    return true;
  }

  /** PostgreSQL names a CHECK after the one column its expression reads, if it reads one. */
  private static String checkColumn(String parenthesized, String fallback) {
    try {
      return onlyColumn(CCJSqlParserUtil.parseExpression(parenthesized));
    } catch (JSQLParserException e) {
      return fallback;
    }
  }

  private static String onlyColumn(Expression expression) {
    Set<String> names = new LinkedHashSet<>();
    for (Column c : TreeSurgery.find(expression, Column.class)) {
      names.add(fold(c.getColumnName()));
    }
    return names.size() == 1 ? names.iterator().next() : null;
  }

  private static String columns(Index index) {
    List<String> names = new ArrayList<>();
    for (String c : index.getColumnsNames()) {
      names.add(fold(c));
    }
    return String.join("_", names);
  }

  private static boolean next(List<String> specs, int i, String word) {
    return i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase(word);
  }

  /** An identifier as PostgreSQL stores it: quoted as written, unquoted in lower case. */
  private static String fold(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
