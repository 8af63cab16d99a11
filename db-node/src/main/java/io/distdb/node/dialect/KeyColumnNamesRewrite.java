package io.distdb.node.dialect;

import io.distdb.node.storage.CatalogFunctions;
import io.distdb.node.storage.CatalogViews;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgcli's foreign-key query names a key's columns with a subquery H2 cannot run (set-returning
 * functions in a select list, reading the outer row's array): {@code (select array_agg(attname
 * ORDER BY i) from (select unnest(confkey) as attnum, generate_subscripts(confkey, 1) as i) x JOIN
 * pg_catalog.pg_attribute c USING(attnum) WHERE c.attrelid = fk.confrelid)}, the names in key
 * order. It becomes {@code distdb_catalog.d_key_column_names(fk.confrelid, confkey)}, the same
 * array; the {@code unnest} around it is {@link LockstepUnnestRewrite}'s.
 */
final class KeyColumnNamesRewrite {

  private static final Pattern SUBQUERY =
      Pattern.compile(
          "(?i)\\(\\s*select\\s+array_agg\\(\\s*attname\\s+ORDER\\s+BY\\s+(\\w+)\\s*\\)\\s+from\\s+"
              + "\\(\\s*select\\s+unnest\\(\\s*([\\w.]+)\\s*\\)\\s+as\\s+attnum\\s*,\\s*"
              + "generate_subscripts\\(\\s*\\2\\s*,\\s*1\\s*\\)\\s+as\\s+\\1\\s*\\)\\s+(\\w+)\\s+"
              + "JOIN\\s+(?:pg_catalog\\.)?pg_attribute\\s+(\\w+)\\s+USING\\s*\\(\\s*attnum\\s*\\)\\s+"
              + "WHERE\\s+\\4\\.attrelid\\s*=\\s*([\\w.]+)\\s*\\)");

  private KeyColumnNamesRewrite() {}

  /** The statement with each such subquery replaced, or null if it has none. */
  static String rewrite(String sql) {
    if (!sql.toLowerCase(java.util.Locale.ROOT).contains("generate_subscripts")) {
      return null;
    }
    Matcher m = SUBQUERY.matcher(sql);
    StringBuilder out = new StringBuilder();
    boolean found = false;
    while (m.find()) {
      found = true;
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              CatalogViews.SCHEMA
                  + "."
                  + CatalogFunctions.PREFIX
                  + "key_column_names("
                  + m.group(5)
                  + ", "
                  + m.group(2)
                  + ")"));
    }
    if (!found) {
      return null;
    }
    m.appendTail(out);
    return out.toString();
  }
}
