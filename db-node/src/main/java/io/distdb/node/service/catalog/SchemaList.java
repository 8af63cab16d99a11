package io.distdb.node.service.catalog;

import static io.distdb.node.service.PgType.NAME;

import io.distdb.node.service.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * psql's {@code \dn [pattern]}. Like PostgreSQL 15, schema public is owned by pg_database_owner;
 * other schemas by the node's user. {@code \dn+} is not recognised.
 */
final class SchemaList implements Recognizer {

  private static final String QUERY =
      "SELECT n.nspname AS \"Name\","
          + " pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\" FROM pg_catalog.pg_namespace n ";

  private static final List<Column> COLUMNS = Rows.columns("Name", NAME, "Owner", NAME);

  private final CatalogContext context;
  private final H2Catalog catalog;

  SchemaList(CatalogContext context, H2Catalog catalog) {
    this.context = context;
    this.catalog = catalog;
  }

  @Override
  public CatalogAnswer recognize(QueryText q) {
    if (!q.startsWith(QUERY)) {
      return null;
    }
    Pattern name = q.pattern("n.nspname");
    if (name == null) {
      return null;
    }
    return new CatalogAnswer(
        COLUMNS,
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (String schema : catalog.schemas()) {
            if (name.matcher(schema).find() && !schema.startsWith("pg_")) {
              rows.add(
                  new Object[] {
                    schema, schema.equals("public") ? "pg_database_owner" : context.user()
                  });
            }
          }
          rows.sort(Rows.BY_FIRST_TWO);
          return rows;
        });
  }
}
