package io.distdb.node.service.catalog;

import static io.distdb.node.service.PgType.BOOL;
import static io.distdb.node.service.PgType.INT4;
import static io.distdb.node.service.PgType.NAME;
import static io.distdb.node.service.PgType.TEXT;
import static io.distdb.node.service.PgType.TIMESTAMPTZ;

import io.distdb.node.service.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * psql's {@code \du [pattern]}: the node has one user, who may do everything (psql shows
 * "Superuser"). {@code \du+} is not recognised.
 */
final class RoleList implements Recognizer {

  private static final String START =
      "SELECT r.rolname, r.rolsuper, r.rolinherit,"
          + " r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, r.rolconnlimit, r.rolvaliduntil,"
          + " ARRAY(SELECT b.rolname FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles b"
          + " ON (m.roleid = b.oid) WHERE m.member = r.oid) as memberof , r.rolreplication ,"
          + " r.rolbypassrls FROM pg_catalog.pg_roles r ";

  /** memberof is name[] in PostgreSQL; sent as text, which prints the same ({}). */
  private static final List<Column> COLUMNS =
      Rows.columns(
          "rolname",
          NAME,
          "rolsuper",
          BOOL,
          "rolinherit",
          BOOL,
          "rolcreaterole",
          BOOL,
          "rolcreatedb",
          BOOL,
          "rolcanlogin",
          BOOL,
          "rolconnlimit",
          INT4,
          "rolvaliduntil",
          TIMESTAMPTZ,
          "memberof",
          TEXT,
          "rolreplication",
          BOOL,
          "rolbypassrls",
          BOOL);

  private final CatalogContext context;

  RoleList(CatalogContext context) {
    this.context = context;
  }

  @Override
  public CatalogAnswer recognize(QueryText q) {
    if (!q.startsWith(START)) {
      return null;
    }
    Pattern name = q.pattern("r.rolname");
    if (name == null) {
      return null;
    }
    return new CatalogAnswer(
        COLUMNS,
        () -> {
          List<Object[]> rows = new ArrayList<>();
          if (name.matcher(context.user()).find()) {
            rows.add(
                new Object[] {
                  context.user(), true, true, false, false, true, -1, null, "{}", false, false
                });
          }
          return rows;
        });
  }
}
