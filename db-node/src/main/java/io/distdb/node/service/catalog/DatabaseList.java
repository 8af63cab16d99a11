package io.distdb.node.service.catalog;

import static io.distdb.node.service.PgType.NAME;
import static io.distdb.node.service.PgType.TEXT;

import io.distdb.node.service.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * psql's {@code \l [pattern]}: the node's databases and PostgreSQL's two template databases. Every
 * database is owned by the node's one user, UTF8, compared by code point like PostgreSQL's C
 * collation, with no access list. {@code \l+} (sizes, tablespaces) is not recognised.
 */
final class DatabaseList implements Recognizer {

  private static final String START =
      "SELECT d.datname as \"Name\"," + " pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\"";
  private static final String END =
      "pg_catalog.array_to_string(d.datacl, E'\\n') AS"
          + " \"Access privileges\" FROM pg_catalog.pg_database d";

  private static final List<Column> COLUMNS =
      Rows.columns(
          "Name",
          NAME,
          "Owner",
          NAME,
          "Encoding",
          NAME,
          "Collate",
          TEXT,
          "Ctype",
          TEXT,
          "ICU Locale",
          TEXT,
          "Locale Provider",
          TEXT,
          "Access privileges",
          TEXT);

  /**
   * Listed as PostgreSQL lists them (connect-only for PUBLIC), though distdb has no template
   * databases: CREATE DATABASE always starts empty, and connecting to one fails with 3D000.
   */
  private static final List<String> TEMPLATES = List.of("template0", "template1");

  private final CatalogContext context;

  DatabaseList(CatalogContext context) {
    this.context = context;
  }

  @Override
  public CatalogAnswer recognize(QueryText q) {
    if (!q.startsWith(START) || !q.contains(END)) {
      return null;
    }
    Pattern name = q.pattern("d.datname");
    if (name == null) {
      return null;
    }
    return new CatalogAnswer(
        COLUMNS,
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (String db : context.databases().get()) {
            if (name.matcher(db).find()) {
              rows.add(row(db, null));
            }
          }
          String owner = context.user();
          String templateAcl = "=c/" + owner + "\n" + owner + "=CTc/" + owner;
          for (String template : TEMPLATES) {
            if (name.matcher(template).find()) {
              rows.add(row(template, templateAcl));
            }
          }
          rows.sort(Rows.BY_FIRST_TWO);
          return rows;
        });
  }

  private Object[] row(String database, String acl) {
    return new Object[] {database, context.user(), "UTF8", "C", "C", null, "libc", acl};
  }
}
