package io.distdb.node.service.catalog;

import static io.distdb.node.service.PgType.NAME;
import static io.distdb.node.service.PgType.TEXT;

import io.distdb.node.service.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * psql's relation lists: {@code \d}, {@code \dt}, {@code \dv}, {@code \di} and their combinations,
 * with or without a pattern. The relkind list in the query says what to list: tables ('r'), views
 * ('v'), indexes ('i'). Sequences are not listed: H2 keeps identity sequences hidden and distdb
 * users do not create others. The verbose forms ({@code \dt+}) are not recognised.
 */
final class RelationList implements Recognizer {

  private static final String START =
      "SELECT n.nspname as \"Schema\", c.relname as \"Name\","
          + " CASE c.relkind WHEN 'r' THEN 'table'";
  private static final String FOUR_COLUMNS =
      "pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\" FROM pg_catalog.pg_class c ";
  private static final String FIVE_COLUMNS =
      "pg_catalog.pg_get_userbyid(c.relowner) as"
          + " \"Owner\", c2.relname as \"Table\" FROM pg_catalog.pg_class c ";
  private static final Pattern RELKINDS = Pattern.compile("WHERE c\\.relkind IN \\(([^)]*)\\)");

  private static final List<Column> COLUMNS =
      Rows.columns("Schema", NAME, "Name", NAME, "Type", TEXT, "Owner", NAME);
  private static final List<Column> COLUMNS_WITH_TABLE =
      Rows.columns("Schema", NAME, "Name", NAME, "Type", TEXT, "Owner", NAME, "Table", NAME);

  private final CatalogContext context;
  private final H2Catalog catalog;

  RelationList(CatalogContext context, H2Catalog catalog) {
    this.context = context;
    this.catalog = catalog;
  }

  @Override
  public CatalogAnswer recognize(QueryText q) {
    boolean withTable = q.contains(FIVE_COLUMNS);
    if (!q.startsWith(START) || !(withTable || q.contains(FOUR_COLUMNS))) {
      return null;
    }
    Matcher kinds = RELKINDS.matcher(q.text());
    Pattern name = q.pattern("c.relname");
    Pattern schema = q.pattern("n.nspname");
    if (!kinds.find() || name == null || schema == null) {
      return null;
    }
    String relkinds = kinds.group(1);
    boolean visibleOnly = q.contains("pg_catalog.pg_table_is_visible(c.oid)");
    return new CatalogAnswer(
        withTable ? COLUMNS_WITH_TABLE : COLUMNS,
        () -> {
          String current = catalog.currentSchema();
          List<Object[]> rows = new ArrayList<>();
          for (H2Catalog.Relation r : catalog.relations()) {
            if (!schema.matcher(r.schema()).find()
                || (visibleOnly && !r.schema().equals(current))) {
              continue;
            }
            String type = r.kind().equals("v") ? "view" : "table";
            if (relkinds.contains("'" + r.kind() + "'") && name.matcher(r.name()).find()) {
              rows.add(row(withTable, r.schema(), r.name(), type, null));
            }
            if (relkinds.contains("'i'") && r.kind().equals("r")) {
              for (H2Catalog.IndexInfo index : catalog.indexes(r.schema(), r.name())) {
                if (name.matcher(index.name()).find()) {
                  rows.add(row(withTable, r.schema(), index.name(), "index", r.name()));
                }
              }
            }
          }
          rows.sort(Rows.BY_FIRST_TWO);
          return rows;
        });
  }

  private Object[] row(boolean withTable, String schema, String name, String type, String table) {
    return withTable
        ? new Object[] {schema, name, type, context.user(), table}
        : new Object[] {schema, name, type, context.user()};
  }
}
