package io.distdb.node.service.catalog;

import io.distdb.node.service.SqlException;
import java.util.List;

/**
 * Answers the catalog queries of common clients (psql's {@code \l}, {@code \dt}, {@code \d t},
 * {@code \dn}, {@code \du}, {@code \di}; {@code version()} and friends) from distdb's own
 * knowledge: H2 has no pg_catalog worth the name, so these would otherwise fail. The session
 * consults it before a read goes to H2; anything it does not recognise still goes to H2 and fails
 * there with H2's error, leaving the connection usable.
 *
 * <p>Recognition works on the query text with whitespace normalised, by the fixed phrases psql 15
 * sends (see src/test/resources/psql-catalog), taking the user's patterns and oids from it. One
 * instance per session: it remembers the oids it handed out for {@code \d}.
 */
public final class CatalogQueries {

  private final List<Recognizer> recognizers;

  public CatalogQueries(CatalogContext context) {
    H2Catalog catalog = new H2Catalog(context.connection());
    this.recognizers =
        List.of(
            new SessionFunctions(context),
            new DatabaseList(context),
            new RelationList(context, catalog),
            new TableDescription(catalog, new RelationOids()),
            new SchemaList(context, catalog),
            new RoleList(context));
  }

  /** The answer to {@code sql}, or null if it is not a query this class knows. */
  public CatalogAnswer answer(String sql) throws SqlException {
    if (!sql.contains("pg_catalog.") && !SessionFunctions.mightMatch(sql)) {
      return null;
    }
    QueryText q = QueryText.of(sql);
    for (Recognizer r : recognizers) {
      CatalogAnswer a = r.recognize(q);
      if (a != null) {
        return a;
      }
    }
    return null;
  }
}
