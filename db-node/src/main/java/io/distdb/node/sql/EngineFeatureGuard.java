package io.distdb.node.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses the storage engine's own features, which PostgreSQL does not have and which could run
 * code, touch files, change engine settings or change data behind the replication log's back. This
 * is the first of two defences; the second is that no client statement runs as the engine's
 * administrator (see {@code storage.EngineUser}). The lists and how they were derived are in {@code
 * sql/DESIGN.md}.
 */
final class EngineFeatureGuard {

  /**
   * H2 built-in functions that read or write files, open connections, run code, or report or
   * control the engine and other sessions: refused as a missing privilege (42501), as PostgreSQL
   * refuses {@code pg_read_file} to an ordinary user.
   */
  private static final Set<String> PRIVILEGED_FUNCTIONS =
      Set.of(
          "FILE_READ",
          "FILE_WRITE",
          "CSVREAD",
          "CSVWRITE",
          "LINK_SCHEMA",
          "DATABASE_PATH",
          "ABORT_SESSION",
          "CANCEL_SESSION",
          "DB_OBJECT_ID",
          "DB_OBJECT_SQL",
          "DB_OBJECT_SIZE",
          "DB_OBJECT_TOTAL_SIZE",
          "DB_OBJECT_APPROXIMATE_SIZE",
          "DB_OBJECT_APPROXIMATE_TOTAL_SIZE",
          "DISK_SPACE_USED",
          "MEMORY_FREE",
          "MEMORY_USED",
          "SESSION_ID",
          "TRANSACTION_ID",
          "LOCK_MODE",
          "LOCK_TIMEOUT",
          "READONLY",
          "AUTOCOMMIT",
          "H2VERSION",
          "SIGNAL");

  /**
   * The remaining H2 built-ins that PostgreSQL 15 has no function of that name for: a PostgreSQL
   * client never means them, so they are refused as unsupported rather than answered the H2 way.
   */
  private static final Set<String> ENGINE_ONLY_FUNCTIONS =
      Set.of(
          "ARRAY_CONTAINS",
          "ARRAY_MAX_CARDINALITY",
          "ARRAY_SLICE",
          "BITCOUNT",
          "BITGET",
          "BITNAND",
          "BITNOR",
          "BITXNOR",
          "COMPRESS",
          "DATA_TYPE_SQL",
          "DATEADD",
          "DATEDIFF",
          "DAYNAME",
          "DECRYPT",
          "DIFFERENCE",
          "ENCRYPT",
          "ESTIMATED_ENVELOPE",
          "EXPAND",
          "FORMATDATETIME",
          "HASH",
          "HEXTORAW",
          "LAST_DAY",
          "LOCATE",
          "LSHIFT",
          "MONTHNAME",
          "ORA_HASH",
          "PARSEDATETIME",
          "RAND",
          "RANDOM_UUID",
          "RAWTOHEX",
          "ROTATELEFT",
          "ROTATERIGHT",
          "ROUNDMAGIC",
          "RSHIFT",
          "SECURE_RAND",
          "SOUNDEX",
          "SPACE",
          "STRINGDECODE",
          "STRINGENCODE",
          "STRINGTOUTF8",
          "SYSTEM_RANGE",
          "TABLE_DISTINCT",
          "TIMESTAMPADD",
          "TIMESTAMPDIFF",
          "TRUNCATE_VALUE",
          "ULSHIFT",
          "URSHIFT",
          "UTF8TOSTRING",
          "UUID",
          "XMLATTR",
          "XMLCDATA",
          "XMLNODE",
          "XMLSTARTDOC",
          "XMLTEXT",
          "ZERO");

  /** H2 statements with no PostgreSQL counterpart that distdb could honour. */
  private static final Set<String> ENGINE_STATEMENTS =
      Set.of("SCRIPT", "RUNSCRIPT", "BACKUP", "SHUTDOWN", "HELP", "CALL");

  /** H2 object kinds that name Java classes or source code, or connect elsewhere. */
  private static final Set<String> CODE_OBJECTS =
      Set.of("ALIAS", "TRIGGER", "AGGREGATE", "LINKED", "FUNCTION", "PROCEDURE", "CONSTANT");

  /** Type names whose values H2 (de)serializes as Java objects. */
  private static final Set<String> JAVA_TYPES = Set.of("JAVA_OBJECT", "OTHER");

  /** Words after which {@code name(} is a table or index being defined, not a function call. */
  private static final Set<String> NAME_CONTEXTS =
      Set.of(
          "INTO",
          "TABLE",
          "EXISTS",
          "REFERENCES",
          "ON",
          "VIEW",
          "INDEX",
          "ONLY",
          "UPDATE",
          "USING");

  /**
   * distdb's own schemas, never a client's to touch: the bookkeeping (the applied LSN) and the
   * PostgreSQL catalog views, which clients reach only through {@code pg_catalog} names the dialect
   * maps onto them (a writer could otherwise drop or replace them).
   */
  private static final Set<String> INTERNAL_SCHEMAS = Set.of("DISTDB_INTERNAL", "DISTDB_CATALOG");

  private EngineFeatureGuard() {}

  /**
   * @throws StatementException 42501 for privileged functions and distdb's own schema, 0A000 for
   *     the engine's other features
   */
  static void check(List<Token> tokens) throws StatementException {
    if (tokens.isEmpty()) {
      return;
    }
    checkStatement(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isName()) {
        continue;
      }
      String upper = t.value().toUpperCase(Locale.ROOT);
      if (INTERNAL_SCHEMAS.contains(upper)) {
        throw new StatementException(
            "42501", "permission denied for schema " + t.value().toLowerCase(Locale.ROOT));
      }
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(") && !namesObject(tokens, i);
      if (call && PRIVILEGED_FUNCTIONS.contains(upper)) {
        throw new StatementException(
            "42501", "permission denied for function " + t.value().toLowerCase(Locale.ROOT));
      }
      if (call && ENGINE_ONLY_FUNCTIONS.contains(upper)) {
        throw unsupported("function " + t.value().toLowerCase(Locale.ROOT) + "()");
      }
      if (JAVA_TYPES.contains(upper) && isTypePosition(tokens, i)) {
        throw unsupported("type " + t.value().toLowerCase(Locale.ROOT));
      }
      if (isDeltaTable(tokens, i)) {
        throw unsupported(upper + " TABLE (data change delta tables)");
      }
      if (t.isKeyword("ENGINE") && i > 0 && tokens.get(i - 1).is(")")) {
        throw unsupported("table engines");
      }
    }
  }

  private static void checkStatement(List<Token> tokens) throws StatementException {
    Token first = tokens.get(0);
    if (first.kind() == TokenKind.IDENTIFIER && ENGINE_STATEMENTS.contains(first.upper())) {
      throw unsupported(first.upper());
    }
    if (first.isKeyword("CREATE") || first.isKeyword("DROP") || first.isKeyword("ALTER")) {
      for (int i = 1; i < Math.min(tokens.size(), 5); i++) {
        Token t = tokens.get(i);
        if (t.kind() == TokenKind.IDENTIFIER && CODE_OBJECTS.contains(t.upper())) {
          throw unsupported(first.upper() + " " + t.upper());
        }
        if (!(t.isKeyword("OR")
            || t.isKeyword("REPLACE")
            || t.isKeyword("FORCE")
            || t.isKeyword("CONSTRAINT"))) {
          break;
        }
      }
    }
  }

  /** {@code name(} right after INTO, TABLE, ... defines or names a relation. */
  private static boolean namesObject(List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    Token before = tokens.get(i - 1);
    if (before.is(".")) {
      return i >= 2 && namesObject(tokens, i - 2);
    }
    return before.kind() == TokenKind.IDENTIFIER && NAME_CONTEXTS.contains(before.upper());
  }

  /**
   * Whether the name at {@code i} stands where a type does: {@code ::other}, {@code CAST(x AS
   * other)}, {@code ALTER ... TYPE other}, or after a column name in CREATE / ALTER. Elsewhere
   * ({@code SELECT x AS other}) it is only a name.
   */
  private static boolean isTypePosition(List<Token> tokens, int i) {
    if (tokens.get(i).value().equalsIgnoreCase("JAVA_OBJECT")) {
      return true;
    }
    if (i == 0) {
      return false;
    }
    Token before = tokens.get(i - 1);
    if (before.is("::") || before.isKeyword("TYPE")) {
      return true;
    }
    if (before.isKeyword("AS")) {
      return insideCast(tokens, i);
    }
    boolean definition = tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER");
    return definition
        && i >= 2
        && before.isName()
        && (tokens.get(i - 2).is("(")
            || tokens.get(i - 2).is(",")
            || tokens.get(i - 2).isKeyword("COLUMN"));
  }

  /** True if the innermost parenthesis open at {@code i} belongs to {@code CAST(}. */
  private static boolean insideCast(List<Token> tokens, int i) {
    int depth = 0;
    for (int j = i - 1; j > 0; j--) {
      Token t = tokens.get(j);
      if (t.is(")")) {
        depth++;
      } else if (t.is("(")) {
        if (depth == 0) {
          return tokens.get(j - 1).isKeyword("CAST");
        }
        depth--;
      }
    }
    return false;
  }

  /** {@code FINAL TABLE (}, {@code NEW TABLE (}, {@code OLD TABLE (}: H2's data change deltas. */
  private static boolean isDeltaTable(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (!(t.isKeyword("FINAL") || t.isKeyword("NEW") || t.isKeyword("OLD"))) {
      return false;
    }
    return i + 2 < tokens.size()
        && tokens.get(i + 1).isKeyword("TABLE")
        && tokens.get(i + 2).is("(");
  }

  private static StatementException unsupported(String feature) {
    return new StatementException("0A000", feature + " is not supported by distdb");
  }
}
