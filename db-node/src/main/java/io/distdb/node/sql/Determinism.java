package io.distdb.node.sql;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes the one kind of logged statement that still evaluates expressions on every replica mean the
 * same there: data changes travel as row images (the {@code command} package), but schema changes
 * travel as their text, and {@code CREATE TABLE AS} evaluates its query when it runs. In it the
 * clock functions are replaced with literals of the master's instant, and functions whose value
 * differs per replica or per session are refused.
 *
 * <p>Other DDL is returned unchanged: {@code DEFAULT now()} and view bodies are evaluated later, so
 * freezing them into a literal would change the schema's meaning; {@link #checkTableDefinition}
 * refuses the definitions replicas would evaluate by themselves.
 */
public final class Determinism {

  /** Cheap pre-filter: a statement without any of these substrings cannot need rewriting. */
  private static final List<String> STEMS =
      List.of(
          "now",
          "current_",
          "local",
          "_timestamp",
          "rand",
          "uuid",
          "user",
          "setseed",
          "txid",
          "pg_",
          "inet_",
          "timeofday");

  private static final Set<String> TIMESTAMPTZ_CALLS =
      Set.of("now", "transaction_timestamp", "statement_timestamp", "clock_timestamp");

  private static final Set<String> REFUSED_CALLS =
      Set.of(
          "random",
          "random_normal",
          "setseed",
          "gen_random_uuid",
          "random_uuid",
          "uuid",
          "rand",
          "secure_rand",
          "uuid_generate_v1",
          "uuid_generate_v1mc",
          "uuid_generate_v4",
          "txid_current",
          "txid_current_if_assigned",
          "pg_current_xact_id",
          "pg_current_xact_id_if_assigned",
          "pg_backend_pid",
          "inet_client_addr",
          "inet_client_port",
          "inet_server_addr",
          "inet_server_port",
          "timeofday",
          "pg_postmaster_start_time",
          "pg_conf_load_time");

  /** Written without parentheses; the replica executes as a different H2 user. */
  private static final Set<String> REFUSED_KEYWORDS =
      Set.of("current_user", "session_user", "user", "current_role");

  private Determinism() {}

  /**
   * {@code sql} with clock functions replaced by UTC literals of {@code now}; the very same string
   * when nothing needed replacing.
   *
   * @throws StatementException 0A000 for a function whose value would differ on each replica
   */
  public static String rewrite(String sql, Instant now) throws StatementException {
    if (!mightNeedRewrite(sql)) {
      return sql;
    }
    if (!evaluatesNow(StatementClassifier.classifyEngineSql(sql))) {
      return sql;
    }
    return rewriteWrite(sql, now);
  }

  /**
   * {@link #rewrite} for a statement the caller knows to change data, whatever its text's first
   * keyword: the dialect layer runs {@code INSERT ... RETURNING} as {@code SELECT ... FROM FINAL
   * TABLE (INSERT ...)}.
   */
  public static String rewriteWrite(String sql, Instant now) throws StatementException {
    if (!mightNeedRewrite(sql)) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != TokenKind.IDENTIFIER || isQualified(tokens, i)) {
        continue;
      }
      Replacement r = replacement(tokens, i, now);
      if (r == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sql.length() + 64);
      }
      // pg_catalog.now() is replaced with its qualifier.
      int from = i >= 2 && tokens.get(i - 1).is(".") ? tokens.get(i - 2).start() : t.start();
      out.append(sql, copied, from).append(r.literal());
      copied = tokens.get(r.lastToken()).end();
      i = r.lastToken();
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  private static final Set<String> CLOCK_KEYWORDS =
      Set.of("current_date", "current_timestamp", "localtimestamp", "current_time", "localtime");

  /**
   * Refuses the table definitions whose clock or random reads a replica would evaluate itself, now
   * that rows travel as images: a CHECK constraint (checked again as each replica applies a row)
   * and {@code ALTER TABLE ... ADD} (which fills the existing rows on every replica separately).
   * Column defaults of new tables are fine: the master evaluates them and logs the row.
   *
   * @throws StatementException 0A000 naming the function and the way out
   */
  public static void checkTableDefinition(String sql) throws StatementException {
    if (!mightNeedRewrite(sql)) {
      return;
    }
    String tag = StatementClassifier.classifyEngineSql(sql).commandTag();
    if (!tag.equals("CREATE TABLE") && !tag.equals("ALTER TABLE")) {
      return;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    // A CHECK is risky inside its parentheses only; an ALTER TABLE's ADD up to the comma that ends
    // its action. Defaults of the other columns of a CREATE TABLE are evaluated by the master.
    int depth = 0;
    int checkDepth = -1;
    boolean inAdd = false;
    boolean afterCheck = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
        if (afterCheck) {
          checkDepth = depth;
          afterCheck = false;
        }
        continue;
      }
      if (t.is(")")) {
        if (depth == checkDepth) {
          checkDepth = -1;
        }
        depth--;
        continue;
      }
      if (t.is(",") && depth == 0) {
        inAdd = false;
      }
      if (t.isKeyword("check")) {
        afterCheck = true;
      } else if (tag.equals("ALTER TABLE") && depth == 0 && t.isKeyword("add")) {
        inAdd = true;
      }
      if ((checkDepth < 0 && !inAdd) || t.kind() != TokenKind.IDENTIFIER) {
        continue;
      }
      String name = t.value();
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
      if ((call && (TIMESTAMPTZ_CALLS.contains(name) || REFUSED_CALLS.contains(name)))
          || CLOCK_KEYWORDS.contains(name)) {
        throw new StatementException(
            StatementException.FEATURE_NOT_SUPPORTED,
            (call ? name + "()" : name)
                + " is not allowed in a check constraint or in a column added to an existing"
                + " table: each replica would evaluate it itself and the replicas would differ;"
                + " add the column without it, UPDATE the rows, then SET DEFAULT");
      }
    }
  }

  /**
   * Only writes and CREATE TABLE AS enter the log and evaluate their expressions when executed;
   * reads run once, locally, so their clock and random values need no freezing.
   */
  private static boolean evaluatesNow(Statement statement) {
    return switch (statement.kind()) {
      case WRITE -> true;
      case DDL -> statement.commandTag().equals("SELECT");
      default -> false;
    };
  }

  private record Replacement(String literal, int lastToken) {}

  private static Replacement replacement(List<Token> tokens, int i, Instant now)
      throws StatementException {
    String name = tokens.get(i).value();
    boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
    if (call && REFUSED_CALLS.contains(name)) {
      throw refused(name + "()");
    }
    if (!call && REFUSED_KEYWORDS.contains(name)) {
      throw refused(name);
    }
    if (call && TIMESTAMPTZ_CALLS.contains(name)) {
      int close = i + 2;
      if (close < tokens.size() && tokens.get(close).is(")")) {
        return new Replacement(new TimeLiterals(now, 6).timestampTz(), close);
      }
      return null;
    }
    if (name.equals("current_date")) {
      return new Replacement(new TimeLiterals(now, 6).date(), i);
    }
    // current_timestamp, localtimestamp, current_time, localtime take an optional precision.
    int last = i;
    int precision = 6;
    if (call) {
      if (i + 3 >= tokens.size()
          || tokens.get(i + 2).kind() != TokenKind.NUMBER
          || !tokens.get(i + 3).is(")")) {
        return null;
      }
      precision = Integer.parseInt(tokens.get(i + 2).text());
      last = i + 3;
    }
    TimeLiterals literals = new TimeLiterals(now, precision);
    return switch (name) {
      case "current_timestamp" -> new Replacement(literals.timestampTz(), last);
      case "localtimestamp" -> new Replacement(literals.timestamp(), last);
      case "current_time" -> new Replacement(literals.timeTz(), last);
      case "localtime" -> new Replacement(literals.time(), last);
      default -> null;
    };
  }

  /** {@code t.now} is a column; {@code pg_catalog.now()} is still the built-in function. */
  private static boolean isQualified(List<Token> tokens, int i) {
    boolean followedByDot = i + 1 < tokens.size() && tokens.get(i + 1).is(".");
    if (followedByDot) {
      return true;
    }
    if (i >= 2 && tokens.get(i - 1).is(".")) {
      return !tokens.get(i - 2).isKeyword("pg_catalog");
    }
    return false;
  }

  private static boolean mightNeedRewrite(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    for (String stem : STEMS) {
      if (lower.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  private static StatementException refused(String what) {
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED,
        what
            + " is not allowed in a replicated write: its value would differ on each replica;"
            + " compute the value in the client or in a prior SELECT");
  }
}
