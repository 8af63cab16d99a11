package io.distdb.node.pgwire;

import io.distdb.node.service.Column;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.PgType;
import io.distdb.node.service.PreparedSql;
import io.distdb.node.service.RowCursor;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlService;
import io.distdb.node.service.SqlSession;
import io.distdb.node.service.TransactionStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canned {@link SqlService}: results keyed by statement text, every execution recorded. Knows
 * BEGIN/COMMIT/ROLLBACK/SET itself and follows PostgreSQL's failed-transaction rule (25P02).
 */
public final class FakeSqlService implements SqlService {

  /** One recorded execution. */
  public record Executed(String sql, List<Object> params) {}

  private record Canned(
      List<Column> columns,
      List<Object[]> rows,
      String tag,
      int[] paramTypes,
      SqlException error,
      RuntimeException crash) {}

  private record Generated(List<Column> columns, int rows, String value) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

  private final Map<String, Canned> canned = new ConcurrentHashMap<>();
  private final Set<String> databases = ConcurrentHashMap.newKeySet();
  public final List<Executed> executed = new CopyOnWriteArrayList<>();
  public final AtomicInteger openSessions = new AtomicInteger();
  public final AtomicInteger closedSessions = new AtomicInteger();
  public final AtomicInteger closedCursors = new AtomicInteger();

  /** Rows handed out by generated results, to watch flow control. */
  public final java.util.concurrent.atomic.AtomicLong generatedRows =
      new java.util.concurrent.atomic.AtomicLong();

  private final Map<String, java.util.concurrent.CountDownLatch> gates = new ConcurrentHashMap<>();
  private final Map<String, Generated> generated = new ConcurrentHashMap<>();

  /** {@code sql} blocks in execute until {@code gate} opens (a slow statement). */
  public FakeSqlService blockUntil(String sql, java.util.concurrent.CountDownLatch gate) {
    gates.put(sql, gate);
    return command(sql, "SELECT 1");
  }

  /** {@code sql} returns {@code rows} one-column rows of {@code value}, produced lazily. */
  public FakeSqlService generate(String sql, int rows, String value) {
    generated.put(sql, new Generated(List.of(new Column("v", PgType.TEXT)), rows, value));
    return rows(sql, List.of(new Column("v", PgType.TEXT)), List.of());
  }

  /** Only these databases exist (by default every name does). */
  public FakeSqlService databases(String... names) {
    databases.addAll(Arrays.asList(names));
    return this;
  }

  public FakeSqlService rows(
      String sql, List<Column> columns, List<Object[]> rows, int... paramTypes) {
    canned.put(sql, new Canned(columns, rows, "SELECT ", paramTypes, null, null));
    return this;
  }

  public FakeSqlService command(String sql, String tag, int... paramTypes) {
    canned.put(sql, new Canned(List.of(), null, tag, paramTypes, null, null));
    return this;
  }

  public FakeSqlService error(String sql, String sqlState, String message) {
    canned.put(
        sql,
        new Canned(List.of(), null, null, new int[0], new SqlException(sqlState, message), null));
    return this;
  }

  public FakeSqlService error(String sql, SqlException error) {
    canned.put(sql, new Canned(List.of(), null, null, new int[0], error, null));
    return this;
  }

  public FakeSqlService crash(String sql) {
    canned.put(
        sql,
        new Canned(
            List.of(),
            null,
            null,
            new int[0],
            null,
            new IllegalStateException("bug in the service")));
    return this;
  }

  public List<Executed> executedSql(String sql) {
    return executed.stream().filter(e -> e.sql().equals(sql)).toList();
  }

  @Override
  public SqlSession open(String user, String database) throws SqlException {
    if (!databases.isEmpty() && !databases.contains(database)) {
      throw new SqlException("3D000", "database \"" + database + "\" does not exist");
    }
    openSessions.incrementAndGet();
    return new Session();
  }

  private final class Session implements SqlSession {

    private TransactionStatus status = TransactionStatus.IDLE;

    @Override
    public List<String> split(String query) {
      List<String> out = new ArrayList<>();
      for (String s : query.split(";")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }

    @Override
    public PreparedSql prepare(String sql, int[] declared) throws SqlException {
      // PostgreSQL's parser accepts a trailing semicolon in Parse (pgbench sends one).
      String key = sql.trim().replaceAll(";\\s*$", "").trim();
      Canned c = canned.get(key);
      if (c == null && !isBuiltin(key) && !key.isEmpty()) {
        throw new SqlException("42P01", "fake has no canned result for: " + key);
      }
      int count =
          c != null && c.paramTypes().length > 0 ? c.paramTypes().length : placeholders(key);
      int[] types = new int[count];
      for (int i = 0; i < count; i++) {
        int fromCanned = c != null && i < c.paramTypes().length ? c.paramTypes()[i] : 0;
        int fromClient = i < declared.length ? declared[i] : 0;
        types[i] = fromClient != 0 ? fromClient : fromCanned != 0 ? fromCanned : PgType.TEXT.oid();
      }
      List<Column> columns = c == null || c.rows() == null ? List.of() : c.columns();
      return new Prepared(key, types, columns);
    }

    @Override
    public ExecutionResult execute(PreparedSql statement, List<Object> parameters)
        throws SqlException {
      String sql = statement.sql();
      executed.add(new Executed(sql, new ArrayList<>(parameters)));
      String upper = sql.toUpperCase();
      if (upper.equals("COMMIT") || upper.equals("ROLLBACK") || upper.equals("END")) {
        String tag =
            status == TransactionStatus.FAILED || upper.equals("ROLLBACK") ? "ROLLBACK" : "COMMIT";
        status = TransactionStatus.IDLE;
        return ExecutionResult.command(tag);
      }
      if (status == TransactionStatus.FAILED) {
        throw new SqlException(
            "25P02",
            "current transaction is aborted, commands ignored until end of transaction block");
      }
      if (upper.equals("BEGIN")) {
        status = TransactionStatus.IN_TRANSACTION;
        return ExecutionResult.command("BEGIN");
      }
      if (upper.startsWith("SET")) {
        return ExecutionResult.command("SET");
      }
      java.util.concurrent.CountDownLatch gate = gates.get(sql);
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Generated g = generated.get(sql);
      if (g != null) {
        return ExecutionResult.rows(g.columns(), new GeneratedCursor(g), "SELECT ");
      }
      Canned c = canned.get(sql);
      if (c.crash() != null) {
        throw c.crash();
      }
      if (c.error() != null) {
        if (status == TransactionStatus.IN_TRANSACTION) {
          status = TransactionStatus.FAILED;
        }
        throw c.error();
      }
      if (c.rows() == null) {
        return ExecutionResult.command(c.tag());
      }
      return ExecutionResult.rows(c.columns(), new ListCursor(c.rows()), c.tag());
    }

    @Override
    public TransactionStatus transactionStatus() {
      return status;
    }

    @Override
    public void close() {
      status = TransactionStatus.IDLE;
      closedSessions.incrementAndGet();
    }
  }

  private static boolean isBuiltin(String sql) {
    String upper = sql.toUpperCase();
    return upper.equals("BEGIN")
        || upper.equals("COMMIT")
        || upper.equals("ROLLBACK")
        || upper.equals("END")
        || upper.startsWith("SET");
  }

  private static int placeholders(String sql) {
    int max = 0;
    Matcher m = PLACEHOLDER.matcher(sql);
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max;
  }

  private record Prepared(String sql, int[] parameterTypeOids, List<Column> columns)
      implements PreparedSql {

    @Override
    public boolean isEmpty() {
      return sql.isEmpty();
    }

    @Override
    public void close() {}
  }

  private final class ListCursor implements RowCursor {

    private final List<Object[]> rows;
    private int position;

    ListCursor(List<Object[]> rows) {
      this.rows = rows;
    }

    @Override
    public List<Object[]> next(int max) {
      int end = Math.min(rows.size(), position + max);
      List<Object[]> out = rows.subList(position, end);
      position = end;
      return out;
    }

    @Override
    public void close() {
      closedCursors.incrementAndGet();
    }
  }

  private final class GeneratedCursor implements RowCursor {

    private final Generated spec;
    private int produced;

    GeneratedCursor(Generated spec) {
      this.spec = spec;
    }

    @Override
    public List<Object[]> next(int max) {
      int n = Math.min(max, spec.rows() - produced);
      List<Object[]> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(new Object[] {spec.value()});
      }
      produced += n;
      generatedRows.addAndGet(n);
      return out;
    }

    @Override
    public void close() {
      closedCursors.incrementAndGet();
    }
  }
}
