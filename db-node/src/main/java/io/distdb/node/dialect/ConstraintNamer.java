package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses the names PostgreSQL 15 gives unnamed constraints of one table in one statement: {@code
 * <table>[_<columns>]_<label>} ({@code makeObjectName}, shortened to 63 characters), its label
 * numbered ({@code key1}, {@code check1}, ...) while the name is taken in the statement or in the
 * schema. PostgreSQL checks index-backed constraints (pkey, key) against relations and the others
 * against constraints; the engine keeps both in one namespace per schema, so one test covers both.
 */
final class ConstraintNamer {

  /**
   * The schema, fetched only when a name must be checked (reading it makes the text uncacheable).
   */
  interface SchemaSource {
    Schema get();
  }

  private final String table;
  private final String schemaName;
  private final SchemaSource schema;
  private final Set<String> used = new HashSet<>();

  ConstraintNamer(String table, String schemaName, SchemaSource schema) {
    this.table = table;
    this.schemaName = schemaName;
    this.schema = schema;
  }

  String name(String columns, String label) throws StatementException {
    String modified = label;
    for (int pass = 1; ; pass++) {
      String name = UnnamedIndexRewrite.objectName(table, columns, modified);
      if (!used.contains(name) && !schema.get().relationExists(schemaName, name)) {
        used.add(name);
        return name;
      }
      modified = label + pass;
    }
  }
}
