package io.distdb.node.dialect;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import io.distdb.node.storage.CatalogFunctions;
import io.distdb.node.storage.CatalogSnapshot;
import io.distdb.node.storage.CatalogViews;
import io.distdb.node.storage.DumpFunctions;
import io.distdb.node.storage.SequenceFunctions;
import io.distdb.node.storage.SettingFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Points catalog names H2's {@code pg_catalog} answers incompletely at distdb's views ({@link
 * CatalogViews}), and turns the catalog functions and forms H2 lacks into expressions it has:
 *
 * <ul>
 *   <li>{@code pg_catalog.pg_attribute}, {@code pg_attrdef}, {@code pg_constraint}, {@code
 *       pg_namespace}, {@code pg_settings}, {@code pg_type} (qualified, or unqualified after FROM /
 *       JOIN: PostgreSQL searches pg_catalog first) → {@code distdb_catalog.*};
 *   <li>{@code pg_get_keywords()} → the view {@code distdb_catalog.pg_get_keywords};
 *   <li>{@code pg_is_in_recovery()} → true in a slave's sessions (the engine's read-only user);
 *   <li>{@code current_database()} → the database's name (H2 would answer its file's name);
 *   <li>{@code current_user}, {@code session_user} → the node's user, which the session keeps in
 *       {@code @distdb_user} (H2 would answer its engine user's name);
 *   <li>{@code pg_backend_pid()} → the process id BackendKeyData gave the session (set by
 *       service.CatalogVariables), which pg_stat_activity shows as pid;
 *   <li>{@code current_schemas(true|false)} → {@code ARRAY['pg_catalog', CURRENT_SCHEMA]} or {@code
 *       ARRAY[CURRENT_SCHEMA]};
 *   <li>{@code current_setting}, {@code set_config} → the session's own parameters ({@code
 *       storage.SettingFunctions});
 *   <li>{@code nextval}, {@code setval} outside CREATE / ALTER (a column default keeps the engine's
 *       own nextval) → {@code storage.SequenceFunctions}, which know serial columns' sequences;
 *   <li>{@code pg_get_expr(col, rel)} → {@code (col)}: distdb's views hold expressions as text;
 *   <li>{@code ANY ('{a,b}')} / {@code ALL ('{a,b}')} → {@code ANY (ARRAY['a', 'b'])};
 *   <li>{@code 'pg_catalog.f'::regproc} → {@code 'f'} (H2 has no regproc; names compare as text);
 *   <li>{@code information_schema._pg_expandarray} in a select list: {@link ExpandArrayRewrite}.
 * </ul>
 *
 * Works on tokens, before JSqlParser, because the drivers' catalog queries use constructs
 * JSqlParser does not parse; the other rewrites still run on the result.
 */
final class CatalogRewrite {

  private static final Set<String> RELATIONS =
      Set.of(
          "pg_am",
          "pg_amop",
          "pg_amproc",
          "pg_cast",
          "pg_conversion",
          "pg_default_acl",
          "pg_event_trigger",
          "pg_foreign_data_wrapper",
          "pg_foreign_server",
          "pg_foreign_table",
          "pg_init_privs",
          "pg_language",
          "pg_largeobject_metadata",
          "pg_opclass",
          "pg_operator",
          "pg_opfamily",
          "pg_partitioned_table",
          "pg_policy",
          "pg_auth_members",
          "pg_publication",
          "pg_publication_namespace",
          "pg_publication_rel",
          "pg_range",
          "pg_rewrite",
          "pg_seclabels",
          "pg_statistic_ext",
          "pg_subscription",
          "pg_transform",
          "pg_ts_config",
          "pg_ts_dict",
          "pg_ts_parser",
          "pg_ts_template",
          "pg_attrdef",
          "pg_attribute",
          "pg_authid",
          "pg_class",
          "pg_collation",
          "pg_constraint",
          "pg_database",
          "pg_depend",
          "pg_description",
          "pg_enum",
          "pg_extension",
          "pg_index",
          "pg_indexes",
          "pg_inherits",
          "pg_locks",
          "pg_matviews",
          "pg_namespace",
          "pg_proc",
          "pg_roles",
          "pg_sequence",
          "pg_sequences",
          "pg_settings",
          "pg_stat_activity",
          "pg_stat_all_tables",
          "pg_stat_database",
          "pg_stat_user_tables",
          "pg_statio_all_tables",
          "pg_statio_user_tables",
          "pg_tables",
          "pg_tablespace",
          "pg_trigger",
          "pg_type",
          "pg_user",
          "pg_views");

  /**
   * {@code information_schema} views clients read that distdb shows in PostgreSQL's shape ({@code
   * distdb_catalog.information_schema_<name>}); H2's own, of other shapes, answer the rest.
   */
  private static final Set<String> INFORMATION_SCHEMA_VIEWS =
      Set.of(
          "tables",
          "columns",
          "table_constraints",
          "key_column_usage",
          "referential_constraints",
          "sequences",
          "views",
          "schemata",
          "constraint_column_usage",
          "check_constraints");

  /**
   * Aliases clients write unquoted that H2 reserves ({@code AS default}, {@code as key}): quoted,
   * they keep the client's label.
   */
  private static final Set<String> RESERVED_ALIASES =
      Set.of("default", "key", "value", "row", "some", "primary", "unique", "check", "foreign");

  /**
   * Boolean catalog columns clients compare with {@code 't'} / {@code 'f'}, which PostgreSQL reads
   * as booleans and H2 refuses to compare with a boolean.
   */
  private static final Set<String> BOOLEAN_COLUMNS =
      Set.of(
          "indisprimary",
          "indisunique",
          "indisvalid",
          "attnotnull",
          "attisdropped",
          "atthasdef",
          "relispartition",
          "relhasindex",
          "condeferrable",
          "condeferred",
          "typnotnull");

  /** Array columns of the catalog that clients compare with an array literal. */
  private static final Set<String> ARRAY_COLUMNS = Set.of("polroles");

  private static final Set<String> SELECT_LIST_OPENERS = Set.of("SELECT", "DISTINCT");
  private static final Set<String> TABLE_OPENERS = Set.of("FROM", "JOIN");
  private static final Set<String> TABLE_LIST_ENDERS = Set.of("SELECT", "WHERE", "BY");

  /** Keywords that start a clause other than a select list. */
  private static final Set<String> CLAUSES =
      Set.of(
          "FROM",
          "WHERE",
          "BY",
          "ON",
          "JOIN",
          "HAVING",
          "LIMIT",
          "OFFSET",
          "USING",
          "VALUES",
          "SET",
          "RETURNING",
          "INTO",
          "WINDOW");

  /** True if {@code lower} (the statement in lower case) may hold a form this rewrite maps. */
  /**
   * {@code user} / {@code current_user} / {@code session_user} as words and {@code version(}: not
   * the many statements that merely contain the letters (a {@code users} table, Hibernate's {@code
   * version} column), which would otherwise all be tokenized here.
   */
  private static final Pattern SESSION_WORDS =
      Pattern.compile(
          "(?<![a-z0-9_$\"])(current_user|session_user|user)(?![a-z0-9_$\"])|version\\s*\\(");

  static boolean mightApply(String lower) {
    return lower.contains("pg_")
        || lower.contains("regclass")
        || lower.contains("::regtype")
        || lower.contains("format_type")
        || lower.contains("json_build_object")
        || lower.contains("current_schema")
        || lower.contains("current_setting")
        || lower.contains("set_config")
        || lower.contains("nextval")
        || lower.contains("setval")
        || lower.contains("current_database")
        || lower.contains("current_catalog")
        || lower.contains("current_role")
        || SESSION_WORDS.matcher(lower).find()
        || lower.contains("information_schema")
        || lower.contains("is_called")
        || lower.contains("'{");
  }

  /** CREATE or ALTER: defaults and other stored expressions keep the engine's functions. */
  private static boolean isSchemaStatement(List<Token> tokens) {
    return !tokens.isEmpty()
        && (tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER"));
  }

  /** The statement with every mapped form replaced, or null if it has none. */
  String rewrite(String clientSql, List<Token> clientTokens) throws StatementException {
    String domains =
        DomainBaseTypeRewrite.mightApply(clientSql.toLowerCase(Locale.ROOT))
            ? DomainBaseTypeRewrite.rewrite(clientSql)
            : null;
    String cast = CatalogCasts.rewrite(domains == null ? clientSql : domains);
    if (cast == null) {
      cast = domains;
    }
    String input = cast == null ? clientSql : cast;
    String keyNames = KeyColumnNamesRewrite.rewrite(input);
    if (keyNames != null) {
      input = keyNames;
      cast = keyNames;
    }
    String lockstep = LockstepUnnestRewrite.rewrite(input);
    if (lockstep != null) {
      input = lockstep;
      cast = lockstep;
    }
    String unnested = UnnestRewrite.rewrite(input);
    String source = unnested == null ? input : unnested;
    String expanded = ExpandArrayRewrite.rewrite(source);
    if (expanded == null && unnested != null) {
      expanded = unnested;
    }
    String sql = expanded == null ? input : expanded;
    List<Token> tokens = expanded == null && cast == null ? clientTokens : SqlLexer.tokenize(sql);
    String rewritten = rewriteSpan(sql, tokens, 0, tokens.size(), 0, sql.length());
    return rewritten.equals(clientSql) ? null : rewritten;
  }

  /** Characters [start, end) of the statement, tokens [first, last) of it rewritten. */
  private static String rewriteSpan(
      String sql, List<Token> tokens, int first, int last, int start, int end) {
    StringBuilder out = new StringBuilder();
    int copied = start;
    for (int i = first; i < last; i++) {
      Replacement r = replacement(sql, tokens, i);
      if (r != null && r.from() >= copied && r.lastToken() < last) {
        out.append(sql, copied, r.from()).append(r.text());
        copied = r.to();
        i = r.lastToken();
      }
    }
    return out.append(sql, copied, end).toString();
  }

  /**
   * {@code CASE ix.indisunique WHEN 't'} (TypeORM's index query): the boolean catalog column
   * compared with a string, which H2 refuses to compare (as for {@code = 't'} above).
   */
  private static Replacement booleanCaseWhen(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (!t.isKeyword("WHEN") || i + 1 >= tokens.size() || i < 2) {
      return null;
    }
    Token literal = tokens.get(i + 1);
    if (literal.kind() != TokenKind.STRING
        || !(literal.value().equals("t") || literal.value().equals("f"))) {
      return null;
    }
    Token column = tokens.get(i - 1);
    int before = i - 2;
    if (before >= 2 && tokens.get(before).is(".")) {
      before -= 2;
    }
    if (!column.isName()
        || !BOOLEAN_COLUMNS.contains(column.value().toLowerCase(Locale.ROOT))
        || !tokens.get(before).isKeyword("CASE")) {
      return null;
    }
    return new Replacement(
        t.start(),
        literal.end(),
        i + 1,
        "WHEN " + (literal.value().equals("t") ? "TRUE" : "FALSE"));
  }

  /** Text replacing characters [from, to) of the statement, ending at token {@code lastToken}. */
  private record Replacement(int from, int to, int lastToken, String text) {}

  private static Replacement replacement(String sql, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    Replacement cast = regclassCast(sql, tokens, i);
    if (cast != null) {
      return cast;
    }
    if (t.kind() == TokenKind.STRING) {
      return literal(tokens, i);
    }
    Replacement vector = vectorText(sql, tokens, i);
    if (vector != null) {
      return vector;
    }
    Replacement element = subscript(sql, tokens, i);
    if (element != null) {
      return element;
    }
    if (t.isKeyword("OPERATOR") || (t.isName() && t.value().equalsIgnoreCase("operator"))) {
      return operator(tokens, i);
    }
    if (t.isKeyword("AS") && i + 1 < tokens.size()) {
      Token alias = tokens.get(i + 1);
      String lower = alias.text().toLowerCase(Locale.ROOT);
      if (RESERVED_ALIASES.contains(lower)) {
        return new Replacement(t.start(), alias.end(), i + 1, "AS \"" + lower + "\"");
      }
    }
    if (t.is("=") && i + 1 < tokens.size() && i > 0) {
      Token left = tokens.get(i - 1);
      Token right = tokens.get(i + 1);
      if (left.isName()
          && BOOLEAN_COLUMNS.contains(left.value().toLowerCase(Locale.ROOT))
          && right.kind() == TokenKind.STRING
          && (right.value().equals("t") || right.value().equals("f"))) {
        return new Replacement(
            t.start(), right.end(), i + 1, "= " + (right.value().equals("t") ? "TRUE" : "FALSE"));
      }
    }
    Replacement caseWhen = booleanCaseWhen(tokens, i);
    if (caseWhen != null) {
      return caseWhen;
    }
    Replacement user = sessionUser(tokens, i);
    if (user != null) {
      return user;
    }
    if (!t.isName()) {
      return null;
    }
    Replacement sequence = sequenceRelation(tokens, i);
    if (sequence != null) {
      return sequence;
    }
    Replacement information = informationSchema(tokens, i);
    if (information != null) {
      return information;
    }
    boolean qualified = isCatalogQualified(tokens, i);
    if (!qualified && i > 0 && tokens.get(i - 1).is(".")) {
      return null;
    }
    int from = qualified ? tokens.get(i - 2).start() : t.start();
    String name = t.value().toLowerCase(Locale.ROOT);
    if (RELATIONS.contains(name)
        && !isCall(tokens, i)
        && (qualified || (!isQualifier(tokens, i) && inTablePosition(tokens, i)))) {
      return new Replacement(from, t.end(), i, relation(tokens, i, name));
    }
    if (!isCall(tokens, i)) {
      return null;
    }
    int close = closingParen(tokens, i + 1);
    if (close < 0) {
      return null;
    }
    int end = tokens.get(close).end();
    if (close == i + 2 && i > 0 && tokens.get(i - 1).isKeyword("FROM")) {
      // SELECT * FROM current_schema() (TypeORM): a function in FROM, one row labelled by its name.
      if (name.equals("current_schema")) {
        return new Replacement(
            from,
            end,
            close,
            "(SELECT CURRENT_SCHEMA AS \"current_schema\") AS \"current_schema\"");
      }
      if (name.equals("current_database")) {
        return new Replacement(
            from,
            end,
            close,
            "(SELECT datname AS current_database FROM "
                + CatalogViews.SCHEMA
                + ".current_database) AS current_database");
      }
    }
    switch (name) {
      case "pg_get_keywords":
        return close == i + 2
            ? new Replacement(from, end, close, CatalogViews.SCHEMA + ".pg_get_keywords")
            : null;
      case "current_database":
        return close == i + 2
            ? new Replacement(
                from,
                end,
                close,
                labelled(tokens, i, from, close, CURRENT_DATABASE, "current_database"))
            : null;
      case "version":
        // PostgreSQL's format naming distdb, which CatalogVariables keeps in @distdb_version;
        // the FROM names the catalog so that the variables are set first.
        return close == i + 2
            ? new Replacement(
                from,
                end,
                close,
                labelled(
                    tokens,
                    i,
                    from,
                    close,
                    "(SELECT CAST(@distdb_version AS VARCHAR) FROM "
                        + CatalogViews.SCHEMA
                        + ".current_database)",
                    "version"))
            : null;
      case "pg_backend_pid":
        return close == i + 2
            ? new Replacement(
                from,
                end,
                close,
                labelled(
                    tokens,
                    i,
                    from,
                    close,
                    "CAST(@distdb_backend_pid AS INTEGER)",
                    "pg_backend_pid"))
            : null;
      case "pg_is_in_recovery":
        // A slave's sessions, and only they, act as the engine's read-only user (EngineUser).
        return close == i + 2
            ? new Replacement(
                from,
                end,
                close,
                labelled(
                    tokens,
                    i,
                    from,
                    close,
                    "(UPPER(CURRENT_USER) = 'DISTDB_READER')",
                    "pg_is_in_recovery"))
            : null;
      case "current_schemas":
        if (close != i + 3) {
          return null;
        }
        boolean implicit = tokens.get(i + 2).isKeyword("true");
        return new Replacement(
            from,
            end,
            close,
            implicit ? "(ARRAY['pg_catalog', CURRENT_SCHEMA])" : "(ARRAY[CURRENT_SCHEMA])");
      case "pg_get_expr":
        return expressionText(tokens, i, from, close);
      case "array_upper":
        // array_upper(a, 1) of a one-dimensional array is its length; H2 names that CARDINALITY.
        if (close - 2 <= i + 2
            || !tokens.get(close - 2).is(",")
            || !tokens.get(close - 1).text().equals("1")) {
          return null;
        }
        return new Replacement(
            from,
            end,
            close,
            "CARDINALITY("
                + rewriteSpan(
                    sql,
                    tokens,
                    i + 2,
                    close - 2,
                    tokens.get(i + 2).start(),
                    tokens.get(close - 2).start())
                + ")");
      case "array":
        if (i + 2 >= close || !tokens.get(i + 2).isKeyword("SELECT")) {
          return null;
        }
        String query =
            "ARRAY" + rewriteSpan(sql, tokens, i + 1, close + 1, tokens.get(i + 1).start(), end);
        String label = labelled(tokens, i, from, close, query, "\"array\"");
        return label.equals(query) ? null : new Replacement(from, end, close, label);
      case "json_build_object":
        return jsonObject(sql, tokens, i, from, close);
      case "unnest":
        // pg_dump's event triggers: distdb has none, so their tags are never there to unnest;
        // psql's \d unnests the TOAST table's reloptions, always null here (H2 cannot unnest a
        // column of the enclosing query).
        String unnested = tokens.get(close - 1).value().toLowerCase(java.util.Locale.ROOT);
        boolean column = close == i + 3 || (close == i + 5 && tokens.get(i + 3).is("."));
        if (!column || !(unnested.equals("evttags") || unnested.endsWith("options"))) {
          return null;
        }
        return new Replacement(from, end, close, "(SELECT CAST(NULL AS VARCHAR) AS x WHERE FALSE)");
      case "pg_partition_ancestors":
        // Nothing is partitioned here, so a relation has no ancestors.
        if (inTablePosition(tokens, i)) {
          // psql's \d: FROM pg_partition_ancestors(t) WITH ORDINALITY AS a(relid, depth)
          boolean ordinality =
              close + 2 < tokens.size()
                  && tokens.get(close + 1).isKeyword("WITH")
                  && tokens.get(close + 2).text().equalsIgnoreCase("ordinality");
          int last = ordinality ? close + 2 : close;
          return new Replacement(
              from,
              tokens.get(last).end(),
              last,
              "(SELECT CAST(NULL AS INTEGER) AS relid"
                  + (ordinality ? ", CAST(NULL AS BIGINT) AS ordinality" : "")
                  + " WHERE FALSE)");
        }
        // `confrelid IN (SELECT pg_partition_ancestors(t) UNION ALL VALUES (t))` (psql's \d),
        // where a NULL row matches nothing, just as no row would.
        return new Replacement(from, end, close, "CAST(NULL AS INTEGER)");
      case "pg_get_statisticsobjdef_columns":
        // No statistics objects exist here (pg_statistic_ext is empty): never evaluated on a row.
        return new Replacement(from, end, close, "CAST(NULL AS VARCHAR)");
      case "pg_options_to_table":
        // distdb holds no options (reloptions, attoptions, fdwoptions are always null), and
        // pg_options_to_table(null) has no rows.
        return new Replacement(
            from,
            end,
            close,
            "(SELECT CAST(NULL AS VARCHAR) AS option_name, CAST(NULL AS VARCHAR) AS option_value"
                + " WHERE FALSE)");
      default:
        if (!CatalogFunctions.FUNCTIONS.containsKey(name)
            && !SettingFunctions.ALIASES.containsKey(name)
            && !DumpFunctions.ALIASES.containsKey(name)
            && !(SequenceFunctions.ALIASES.containsKey(name) && !isSchemaStatement(tokens))) {
          return null;
        }
        return new Replacement(
            from,
            end,
            close,
            labelled(
                tokens,
                i,
                from,
                close,
                CatalogViews.SCHEMA
                    + "."
                    + CatalogFunctions.PREFIX
                    + name
                    + rewriteSpan(sql, tokens, i + 1, close + 1, tokens.get(i + 1).start(), end),
                name));
    }
  }

  /**
   * {@code x::regclass} casts: of a string, the relation's OID ({@code
   * distdb_catalog.regclass_oid}); of an OID followed by {@code ::text} (or varchar, name), the
   * relation's name; of an OID used as such, the OID itself. A trailing {@code ::oid} is dropped:
   * OIDs are integers here. The operand is a string, a column reference or a function call that
   * starts at token i.
   */
  private static Replacement regclassCast(String sql, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    int end;
    int nameEnd = i;
    if (t.kind() == TokenKind.STRING) {
      end = i;
    } else if (t.is("(")) {
      // A parenthesized expression, TypeORM's (quote_ident(schema) || '.' || quote_ident(t)).
      end = closingParen(tokens, i);
      if (end < 0
          || end + 2 >= tokens.size()
          || !tokens.get(end + 1).is("::")
          || !tokens.get(end + 2).text().equalsIgnoreCase("regclass")) {
        return null;
      }
      String inner =
          rewriteSpan(sql, tokens, i + 1, end, tokens.get(i + 1).start(), tokens.get(end).start());
      return regclassOf(tokens, t, end, "(" + inner + ")");
    } else if (t.isName()
        && !(i > 0 && tokens.get(i - 1).is("."))
        && !CLAUSE_KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
      while (nameEnd + 2 < tokens.size()
          && tokens.get(nameEnd + 1).is(".")
          && tokens.get(nameEnd + 2).isName()) {
        nameEnd += 2;
      }
      end = nameEnd;
      if (end + 1 < tokens.size() && tokens.get(end + 1).is("(")) {
        end = closingParen(tokens, end + 1);
        if (end < 0) {
          return null;
        }
      }
    } else {
      return null;
    }
    if (end + 2 >= tokens.size()
        || !tokens.get(end + 1).is("::")
        || !tokens.get(end + 2).text().equalsIgnoreCase("regclass")) {
      return null;
    }
    String operand = sql.substring(t.start(), tokens.get(nameEnd).end());
    if (end > nameEnd) {
      String function = tokens.get(nameEnd).value().toLowerCase(Locale.ROOT);
      if (CatalogFunctions.FUNCTIONS.containsKey(function)) {
        operand = CatalogViews.SCHEMA + "." + CatalogFunctions.PREFIX + function;
      }
      operand +=
          rewriteSpan(
              sql,
              tokens,
              nameEnd + 1,
              end + 1,
              tokens.get(nameEnd + 1).start(),
              tokens.get(end).end());
    }
    return regclassOf(tokens, t, end, operand);
  }

  /** The replacement of {@code operand::regclass}, the operand ending at token end. */
  private static Replacement regclassOf(List<Token> tokens, Token t, int end, String operand) {
    int last = end + 2;
    String text;
    boolean asText =
        last + 2 < tokens.size()
            && tokens.get(last + 1).is("::")
            && Set.of("text", "varchar", "name")
                .contains(tokens.get(last + 2).text().toLowerCase(Locale.ROOT));
    // An output column (`conrelid::regclass AS ontable`, psql's \d) prints as the relation's
    // name, as PostgreSQL's regclass output function does; elsewhere it compares as the OID.
    boolean labelledOutput =
        !asText
            && t.kind() != TokenKind.STRING
            && last + 1 < tokens.size()
            && tokens.get(last + 1).isKeyword("AS");
    if (asText || labelledOutput) {
      last += asText ? 2 : 0;
      text = CatalogViews.SCHEMA + "." + CatalogFunctions.PREFIX + "regclass_name(" + operand + ")";
    } else if (t.kind() == TokenKind.STRING && CatalogRelationOids.of(t.value()) != null) {
      text = String.valueOf(CatalogRelationOids.of(t.value()));
    } else if (t.kind() == TokenKind.STRING || tokens.get(end).is(")")) {
      text = CatalogViews.SCHEMA + "." + CatalogFunctions.PREFIX + "regclass_oid(" + operand + ")";
    } else {
      text = operand;
    }
    if (last + 2 < tokens.size()
        && tokens.get(last + 1).is("::")
        && tokens.get(last + 2).text().equalsIgnoreCase("oid")) {
      last += 2;
    }
    return new Replacement(t.start(), tokens.get(last).end(), last, text);
  }

  /**
   * {@code x.indkey::varchar} (and indoption, indclass, indcollation): PostgreSQL's int2vector text
   * is its numbers separated by spaces; distdb's pg_index holds arrays.
   */
  private static Replacement vectorText(String sql, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (!t.isName() || (i > 0 && tokens.get(i - 1).is("."))) {
      return null;
    }
    int last = i;
    if (last + 2 < tokens.size() && tokens.get(last + 1).is(".") && tokens.get(last + 2).isName()) {
      last += 2;
    }
    String column = tokens.get(last).value().toLowerCase(Locale.ROOT);
    if (column.equals("indkey")
        && i > 0
        && (tokens.get(i - 1).is(",") || tokens.get(i - 1).isKeyword("SELECT"))
        && last + 1 < tokens.size()
        && (tokens.get(last + 1).is(",") || tokens.get(last + 1).isKeyword("FROM"))) {
      // A bare select item (pg_dump's): int2vector's text, labelled as the column.
      return new Replacement(
          t.start(),
          tokens.get(last).end(),
          last,
          "ARRAY_TO_STRING("
              + sql.substring(t.start(), tokens.get(last).end())
              + ", ' ') AS indkey");
    }
    if (!Set.of("indkey", "indoption", "indclass", "indcollation", "proargtypes").contains(column)
        || last + 2 >= tokens.size()
        || !tokens.get(last + 1).is("::")
        || !Set.of("varchar", "text")
            .contains(tokens.get(last + 2).text().toLowerCase(Locale.ROOT))) {
      return null;
    }
    String text = "ARRAY_TO_STRING(" + sql.substring(t.start(), tokens.get(last).end()) + ", ' ')";
    return new Replacement(
        t.start(),
        tokens.get(last + 2).end(),
        last + 2,
        labelled(tokens, i, t.start(), last + 2, text, column));
  }

  /** Catalog columns of PostgreSQL's int2vector / oidvector types, whose subscripts start at 0. */
  private static final Set<String> VECTOR_COLUMNS =
      Set.of("indkey", "indoption", "indclass", "indcollation", "proargtypes");

  /**
   * {@code x[i]} of a (qualified) column in a catalog statement: PostgreSQL's subscript of an
   * element that does not exist is null (pgjdbc's getImportedKeys reads {@code con.confkey[pos.n]}
   * for pos.n up to 32), H2's an error (22034); and an int2vector ({@code i.indoption}, or a
   * derived table's column aliasing one, {@code tmp.I_INDOPTION}) counts from 0, H2's arrays from
   * 1. Slices ({@code x[1:2]}) stay as written.
   */
  private static Replacement subscript(String sql, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (!t.isName() || t.isKeyword("ARRAY") || (i > 0 && tokens.get(i - 1).is("."))) {
      return null;
    }
    int last = i;
    while (last + 2 < tokens.size()
        && tokens.get(last + 1).is(".")
        && tokens.get(last + 2).isName()) {
      last += 2;
    }
    if (last + 1 >= tokens.size() || !tokens.get(last + 1).is("[") || !mentionsCatalog(tokens)) {
      return null;
    }
    int open = last + 1;
    int close = -1;
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      Token a = tokens.get(j);
      if (a.is("[") || a.is("(")) {
        depth++;
      } else if (a.is("]") || a.is(")")) {
        if (--depth == 0) {
          close = a.is("]") ? j : -1;
          break;
        }
      } else if (depth == 1 && a.is(":")) {
        return null;
      }
    }
    if (close < 0 || close == open + 1) {
      return null;
    }
    String array = sql.substring(t.start(), tokens.get(last).end());
    String index =
        "("
            + rewriteSpan(
                sql,
                tokens,
                open + 1,
                close,
                tokens.get(open + 1).start(),
                tokens.get(close - 1).end())
            + ")";
    String column = tokens.get(last).value().toLowerCase(Locale.ROOT);
    String text;
    if (VECTOR_COLUMNS.contains(column) || vectorAliases(tokens).contains(column)) {
      text =
          "CASE WHEN "
              + index
              + " BETWEEN 0 AND CARDINALITY("
              + array
              + ") - 1 THEN "
              + array
              + "["
              + index
              + " + 1] END";
    } else {
      text =
          "CASE WHEN "
              + index
              + " BETWEEN 1 AND CARDINALITY("
              + array
              + ") THEN "
              + array
              + "["
              + index
              + "] END";
    }
    return new Replacement(
        t.start(),
        tokens.get(close).end(),
        close,
        labelled(tokens, i, t.start(), close, text, column));
  }

  /** The labels ({@code AS name}) the statement gives a bare int2vector column. */
  private static Set<String> vectorAliases(List<Token> tokens) {
    Set<String> aliases = new java.util.HashSet<>();
    for (int j = 0; j + 2 < tokens.size(); j++) {
      if (tokens.get(j).isName()
          && VECTOR_COLUMNS.contains(tokens.get(j).value().toLowerCase(Locale.ROOT))
          && tokens.get(j + 1).isKeyword("AS")
          && tokens.get(j + 2).isName()) {
        aliases.add(tokens.get(j + 2).value().toLowerCase(Locale.ROOT));
      }
    }
    return aliases;
  }

  /**
   * {@code current_user} / {@code session_user} (not a call, not a column of a qualified name) →
   * the node's user as the session set it, labelled as PostgreSQL labels it.
   */
  /**
   * {@code current_user}, {@code session_user}, {@code current_role}, {@code user} (in a query
   * only: elsewhere it is a keyword, {@code CREATE USER}) → the node's user; {@code
   * current_catalog} → the database. The engine would answer with its own user and file name.
   */
  private static Replacement sessionUser(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    String word = t.text().toLowerCase(Locale.ROOT);
    boolean query =
        tokens.get(0).isKeyword("SELECT")
            || tokens.get(0).isKeyword("WITH")
            || tokens.get(0).isKeyword("VALUES");
    if (!(SESSION_USER_WORDS.contains(word)
            || word.equals("current_catalog")
            || (word.equals("user") && query))
        || t.kind() != TokenKind.IDENTIFIER
        || (i > 0 && tokens.get(i - 1).is("."))
        || isCall(tokens, i)) {
      return null;
    }
    String value = word.equals("current_catalog") ? CURRENT_DATABASE : USER_VARIABLE;
    return new Replacement(
        t.start(), t.end(), i, labelled(tokens, i, t.start(), i, value, '"' + word + '"'));
  }

  private static final Set<String> SESSION_USER_WORDS =
      Set.of("current_user", "session_user", "current_role");

  private static final String USER_VARIABLE = "CAST(@distdb_user AS VARCHAR)";

  private static final String CURRENT_DATABASE =
      "(SELECT datname FROM " + CatalogViews.SCHEMA + ".current_database)";

  /** {@code OPERATOR(pg_catalog.=)} → {@code =}. */
  private static Replacement operator(List<Token> tokens, int i) {
    int close = closingParen(tokens, i + 1);
    if (i + 1 >= tokens.size() || !tokens.get(i + 1).is("(") || close < 0) {
      return null;
    }
    int op = close - 1;
    if (op <= i + 1 || (close - 1 > i + 2 && !tokens.get(op - 1).is("."))) {
      return null;
    }
    return new Replacement(
        tokens.get(i).start(), tokens.get(close).end(), close, " " + tokens.get(op).text() + " ");
  }

  /**
   * {@code json_build_object(k, v, ...)} → distdb's json builder
   * (storage.PostgresJsonTextFunctions) declared as json text, as {@link JsonRewrite} writes it for
   * statements JSqlParser parses: the drivers' catalog queries that call it (SQLAlchemy's identity
   * options) often do not parse.
   */
  private static Replacement jsonObject(
      String sql, List<Token> tokens, int i, int from, int close) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int argStart = i + 2;
    for (int j = i + 2; j <= close; j++) {
      Token a = tokens.get(j);
      if (a.is("(") || a.is("[")) {
        depth++;
      } else if ((a.is(")") || a.is("]")) && j < close) {
        depth--;
      }
      if (j == close || (depth == 0 && a.is(","))) {
        if (j > argStart) {
          args.add(
              rewriteSpan(
                  sql, tokens, argStart, j, tokens.get(argStart).start(), tokens.get(j - 1).end()));
        }
        argStart = j + 1;
      }
    }
    if (args.size() % 2 != 0) {
      return null;
    }
    StringBuilder kinds = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int k = 0; k < args.size(); k += 2) {
      String value = args.get(k + 1);
      boolean jsonText = JSON_TEXT_CALL.matcher(value).lookingAt();
      kinds.append('k').append(jsonText ? 'r' : 'v');
      values.append(", ").append(args.get(k)).append(", ");
      values.append(value); // the function reads the engine's value and its type
    }
    String call =
        JSON_OBJECT_CALL
            + "'"
            + kinds
            + "'"
            + values
            + ") AS VARCHAR("
            + JsonRewrite.JSON_TEXT_LENGTH
            + "))";
    return new Replacement(
        from,
        tokens.get(close).end(),
        close,
        labelled(tokens, i, from, close, call, "\"json_build_object\""));
  }

  private static final String JSON_OBJECT_CALL = "CAST(distdb_catalog.json_build_object(";

  /** Arguments that are json text: this rewrite's builder, or one JsonRewrite turns into one. */
  private static final java.util.regex.Pattern JSON_TEXT_CALL =
      java.util.regex.Pattern.compile(
          "(?i)(CAST\\(distdb_catalog\\.json_build_object\\(|(?:pg_catalog\\.)?"
              + "(?:json_build_array|json_agg|row_to_json)\\s*\\()");

  /** {@code pg_get_expr(a.b, ...)} → {@code (a.b)} for a plain column reference. */
  private static Replacement expressionText(List<Token> tokens, int i, int from, int close) {
    int j = i + 2;
    StringBuilder column = new StringBuilder();
    while (j < close && !tokens.get(j).is(",")) {
      Token a = tokens.get(j);
      if (!a.isName() && !a.is(".")) {
        return null;
      }
      column.append(a.text());
      j++;
    }
    if (column.isEmpty()) {
      return null;
    }
    return new Replacement(
        from,
        tokens.get(close).end(),
        close,
        labelled(tokens, i, from, close, "(" + column + ")", "pg_get_expr"));
  }

  /**
   * {@code text AS label} where the call at tokens [first, close] is a whole item of a select list
   * without an alias, so that the client sees PostgreSQL's label (the function's name) rather than
   * the engine's; {@code text} elsewhere. {@code from} is the character offset the call starts at.
   */
  private static String labelled(
      List<Token> tokens, int first, int from, int close, String text, String label) {
    int start = first;
    while (start > 0 && tokens.get(start - 1).start() >= from) {
      start--;
    }
    boolean endsItem =
        close + 1 >= tokens.size()
            || tokens.get(close + 1).is(",")
            || tokens.get(close + 1).is(";")
            || tokens.get(close + 1).isKeyword("FROM");
    return endsItem && startsSelectItem(tokens, start) ? text + " AS " + label : text;
  }

  /** True if the expression starting at token i begins an item of a select list. */
  private static boolean startsSelectItem(List<Token> tokens, int i) {
    return inListOpenedBy(tokens, i, SELECT_LIST_OPENERS, SELECT_LIST_OPENERS, CLAUSES);
  }

  /**
   * True if the item starting at token i follows one of {@code openers} directly, or follows a
   * comma of a list that one of {@code listOpeners} started at the same parenthesis depth; a
   * keyword of {@code enders} met first while looking back means it is not in such a list.
   */
  private static boolean inListOpenedBy(
      List<Token> tokens, int i, Set<String> openers, Set<String> listOpeners, Set<String> enders) {
    if (i == 0) {
      return false;
    }
    Token before = tokens.get(i - 1);
    if (before.kind() == TokenKind.IDENTIFIER
        && openers.contains(before.text().toUpperCase(Locale.ROOT))) {
      return true;
    }
    if (!before.is(",")) {
      return false;
    }
    int depth = 0;
    for (int j = i - 2; j >= 0; j--) {
      Token t = tokens.get(j);
      if (t.is(")")) {
        depth++;
      } else if (t.is("(")) {
        if (depth == 0) {
          return false;
        }
        depth--;
      } else if (depth == 0 && t.kind() == TokenKind.IDENTIFIER) {
        String word = t.text().toUpperCase(Locale.ROOT);
        if (listOpeners.contains(word)) {
          return true;
        }
        if (enders.contains(word)) {
          return false;
        }
      }
    }
    return false;
  }

  private static Replacement literal(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (i + 2 < tokens.size()
        && tokens.get(i + 1).is("::")
        && tokens.get(i + 2).isKeyword("regproc")) {
      String name = t.value();
      if (name.startsWith("pg_catalog.")) {
        name = name.substring("pg_catalog.".length());
      }
      if (i + 4 < tokens.size()
          && tokens.get(i + 3).is("::")
          && tokens.get(i + 4).isKeyword("oid")) {
        // psql's \sf: 'name'::regproc::oid is the function's OID (42725 for an overloaded name).
        return new Replacement(
            t.start(),
            tokens.get(i + 4).end(),
            i + 4,
            "distdb_catalog.d_regproc_oid(" + quote(name) + ")");
      }
      return new Replacement(t.start(), tokens.get(i + 2).end(), i + 2, quote(name));
    }
    String v = t.value();
    if (!v.startsWith("{") || !v.endsWith("}") || v.indexOf('\\') >= 0 || v.indexOf('{', 1) >= 0) {
      return null;
    }
    int last = arrayCast(tokens, i);
    boolean quantified =
        i >= 2
            && tokens.get(i - 1).is("(")
            && (tokens.get(i - 2).isKeyword("ANY") || tokens.get(i - 2).isKeyword("ALL"))
            && last + 1 < tokens.size()
            && tokens.get(last + 1).is(")");
    // polroles = '{0}' (pg_dump): compared with a catalog array column.
    boolean compared =
        i >= 2
            && (tokens.get(i - 1).is("=") || tokens.get(i - 1).is("<>"))
            && tokens.get(i - 2).isName()
            && ARRAY_COLUMNS.contains(tokens.get(i - 2).value().toLowerCase(Locale.ROOT));
    if (last == i && !quantified && !compared) {
      return null;
    }
    if (!quantified && !mentionsCatalog(tokens)) {
      return null; // a client's '{a,b}'::text[]: ArrayLiteralRewrite parses it and labels it text
    }
    String array = arrayConstructor(v.substring(1, v.length() - 1));
    return array == null ? null : new Replacement(t.start(), tokens.get(last).end(), last, array);
  }

  /**
   * {@code ARRAY[...]} for the body of a one-dimensional array literal whose elements hold no
   * comma, quote or backslash (a quoted element is taken as is, an unquoted NULL is null), or null.
   */
  private static String arrayConstructor(String body) {
    StringBuilder array = new StringBuilder("ARRAY[");
    if (!body.isEmpty()) {
      String[] elements = body.split(",", -1);
      for (int k = 0; k < elements.length; k++) {
        String e = elements[k].strip();
        String sql;
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
          sql = quote(e.substring(1, e.length() - 1));
        } else if (e.equalsIgnoreCase("null")) {
          sql = "NULL";
        } else {
          sql = quote(e);
        }
        if (sql.indexOf('"') >= 0) {
          return null;
        }
        array.append(k == 0 ? "" : ", ").append(sql);
      }
    }
    return array.append(']').toString();
  }

  /** Whether the statement names a catalog relation or function (pg_*, information_schema). */
  private static boolean mentionsCatalog(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind() != TokenKind.STRING) {
        String v = t.value().toLowerCase(Locale.ROOT);
        if (v.startsWith("pg_") || v.equals("information_schema")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The last token of {@code ::type[]} after token i, or i if no array cast follows. */
  private static int arrayCast(List<Token> tokens, int i) {
    if (i + 4 < tokens.size()
        && tokens.get(i + 1).is("::")
        && tokens.get(i + 2).isKeyword("text")
        && tokens.get(i + 3).is("[")
        && tokens.get(i + 4).is("]")) {
      return i + 4;
    }
    return i;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  static int closingParen(List<Token> tokens, int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (tokens.get(j).is("(")) {
        depth++;
      } else if (tokens.get(j).is(")") && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  /**
   * {@code SELECT last_value, is_called FROM [schema.]s}: a sequence read as a relation (pg_dump
   * reads each so), which the engine has no such relation for, whether s is a sequence object or a
   * serial column's → the row of {@code distdb_catalog.sequence_state}, aliased as s.
   */
  private static Replacement sequenceRelation(List<Token> tokens, int i) {
    if (i == 0 || !tokens.get(i - 1).isKeyword("FROM")) {
      return null;
    }
    int last = i;
    String schema = null;
    if (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).isName()) {
      schema = tokens.get(i).value();
      last = i + 2;
    }
    if (last + 1 != tokens.size() && !tokens.get(last + 1).is(";")) {
      return null;
    }
    boolean isCalled = false;
    for (int j = 0; j < i; j++) {
      isCalled |= tokens.get(j).isName() && tokens.get(j).value().equalsIgnoreCase("is_called");
    }
    if (!isCalled || tokens.get(last).value().startsWith("pg_")) {
      return null;
    }
    String name = tokens.get(last).value();
    return new Replacement(
        tokens.get(i).start(),
        tokens.get(last).end(),
        last,
        "(SELECT * FROM "
            + CatalogViews.SCHEMA
            + ".sequence_state WHERE schemaname = "
            + (schema == null ? "CURRENT_SCHEMA" : quote(schema))
            + " AND sequencename = "
            + quote(name)
            + ") AS "
            + quoteIdentifier(name));
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * A catalog relation named at token i: its table where the catalog keeps one ({@link
   * CatalogSnapshot}), under the client's name unless the client gave it an alias, else its view.
   */
  private static String relation(List<Token> tokens, int i, String name) {
    boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).is(".");
    // A view the client creates over the catalog names its view: an upgrade replaces the table.
    if (qualifier || !CatalogSnapshot.isMaterialized(name) || isSchemaStatement(tokens)) {
      return CatalogViews.SCHEMA + "." + name;
    }
    boolean aliased = i + 1 < tokens.size() && startsAlias(tokens.get(i + 1));
    return CatalogSnapshot.table(name) + (aliased ? "" : " AS " + name);
  }

  /** {@code information_schema.tables} (any case, quoted or not) → distdb's view of that shape. */
  private static Replacement informationSchema(List<Token> tokens, int i) {
    if (i + 2 >= tokens.size()
        || !tokens.get(i).value().equalsIgnoreCase("information_schema")
        || !tokens.get(i + 1).is(".")
        || !tokens.get(i + 2).isName()
        || (i > 0 && tokens.get(i - 1).is("."))
        || isCall(tokens, i + 2)) {
      return null;
    }
    String view = tokens.get(i + 2).value().toLowerCase(Locale.ROOT);
    if (!INFORMATION_SCHEMA_VIEWS.contains(view)) {
      return null;
    }
    // Without an alias the view keeps the client's name for it (TypeORM's columns.*).
    boolean aliased = i + 3 < tokens.size() && startsAlias(tokens.get(i + 3));
    return new Replacement(
        tokens.get(i).start(),
        tokens.get(i + 2).end(),
        i + 2,
        CatalogViews.SCHEMA
            + ".information_schema_"
            + view
            + (aliased || i + 3 >= tokens.size() || tokens.get(i + 3).is(".")
                ? ""
                : " AS " + quoteIdentifier(view)));
  }

  /** Keywords a parenthesized operand can follow: never a function's name. */
  private static final Set<String> CLAUSE_KEYWORDS =
      Set.of(
          "SELECT",
          "WHERE",
          "AND",
          "OR",
          "NOT",
          "ON",
          "WHEN",
          "THEN",
          "ELSE",
          "IN",
          "BY",
          "AS",
          "FROM",
          "CASE",
          "HAVING",
          "VALUES",
          "RETURNING",
          "SET",
          "DISTINCT",
          "ALL",
          "ANY");

  /** Words that may follow a FROM item and are not its alias. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "where",
          "left",
          "right",
          "inner",
          "full",
          "cross",
          "join",
          "natural",
          "on",
          "using",
          "order",
          "group",
          "having",
          "limit",
          "offset",
          "union",
          "except",
          "intersect",
          "window",
          "fetch",
          "for",
          "returning",
          "set",
          "values");

  private static boolean startsAlias(Token t) {
    return t.isKeyword("AS")
        || t.kind() == TokenKind.QUOTED_IDENTIFIER
        || (t.isName() && !CLAUSE_WORDS.contains(t.value().toLowerCase(Locale.ROOT)));
  }

  private static boolean isCatalogQualified(List<Token> tokens, int i) {
    return i >= 2
        && tokens.get(i - 1).is(".")
        && tokens.get(i - 2).isName()
        && tokens.get(i - 2).value().equalsIgnoreCase("pg_catalog")
        && !(i >= 3 && tokens.get(i - 3).is("."));
  }

  /**
   * True if the name at i stands where a FROM list names a table: after FROM or JOIN, or after a
   * comma of a FROM list ({@code FROM a x, pg_class c}).
   */
  private static boolean inTablePosition(List<Token> tokens, int i) {
    return inListOpenedBy(tokens, i, TABLE_OPENERS, Set.of("FROM"), TABLE_LIST_ENDERS);
  }

  /**
   * True if the name at i qualifies a column ({@code pg_class.relname}): the relation it names is
   * then written elsewhere in the statement, and rewritten there.
   */
  private static boolean isQualifier(List<Token> tokens, int i) {
    return i + 1 < tokens.size() && tokens.get(i + 1).is(".");
  }

  private static boolean isCall(List<Token> tokens, int i) {
    return i + 1 < tokens.size() && tokens.get(i + 1).is("(");
  }
}
