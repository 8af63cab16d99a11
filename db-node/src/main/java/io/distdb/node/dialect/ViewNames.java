package io.distdb.node.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Identifiers in a deparsed view as PostgreSQL's {@code quote_identifier} writes them, and the
 * marker a relation name carries in the stored text: whether PostgreSQL prints {@code t} or {@code
 * public.t} depends on the reader's search_path (pg_dump sets it empty), so the schema is decided
 * when the definition is read ({@code storage.DumpFunctions}).
 */
final class ViewNames {

  /**
   * Opens and closes a relation reference, {@code <schema> SEPARATOR <name>}, both already quoted
   * ({@code storage.DumpFunctions} reads it).
   */
  static final char RELATION_MARK = '\u0001';

  static final char SEPARATOR = '\u0002';

  /** PostgreSQL 15's keywords that are not unreserved (quote_identifier quotes them). */
  private static final Set<String> KEYWORDS = keywords();

  private ViewNames() {}

  static String quote(String identifier) {
    boolean plain = !identifier.isEmpty() && !Character.isDigit(identifier.charAt(0));
    for (int i = 0; i < identifier.length() && plain; i++) {
      char c = identifier.charAt(i);
      plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (plain && !KEYWORDS.contains(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The marked reference to relation {@code name} of {@code schema}. */
  static String relation(String schema, String name) {
    return RELATION_MARK + quote(schema) + SEPARATOR + quote(name) + RELATION_MARK;
  }

  private static Set<String> keywords() {
    try (InputStream in =
        ViewNames.class.getResourceAsStream("/io/distdb/node/storage/pg-keywords.tsv")) {
      if (in == null) {
        throw new IllegalStateException("missing pg-keywords.tsv");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(l -> l.split("\t"))
          .filter(f -> f.length > 1 && !f[1].equals("U"))
          .map(f -> f[0])
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read pg-keywords.tsv", e);
    }
  }
}
