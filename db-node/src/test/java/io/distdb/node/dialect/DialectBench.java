package io.distdb.node.dialect;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Parse and translation cost per statement, in microseconds: a bounded loop (not a unit test, not
 * run by the build). Run with the test classpath:
 *
 * <pre>
 * mvn -q -pl db-node dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp db-node/target/test-classes:db-node/target/classes:$(cat /tmp/cp.txt) \
 *     io.distdb.node.dialect.DialectBench
 * </pre>
 *
 * Each case runs {@link #WARMUP} iterations for the JIT, then {@link #ITERATIONS} timed ones, each
 * on a distinct text (a literal changes) so that the cache never answers, except the "cached" case,
 * which repeats one text.
 */
public final class DialectBench {

  static final int WARMUP = 30_000;
  static final int ITERATIONS = 50_000;

  private DialectBench() {}

  public static void main(String[] args) throws Exception {
    record Case(String name, IntFunction<String> sql, boolean parserOnly) {}
    List<Case> cases =
        List.of(
            new Case(
                "JSqlParser parse: INSERT 5 values",
                i ->
                    "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ("
                        + i
                        + ", 2, 3, 4, CURRENT_TIMESTAMP)",
                true),
            new Case(
                "JSqlParser parse: point SELECT",
                i -> "SELECT abalance FROM pgbench_accounts WHERE aid = " + i,
                true),
            new Case(
                "translate, no rewrite stem (not parsed): point SELECT",
                i -> "SELECT abalance FROM pgbench_accounts WHERE aid = " + i,
                false),
            new Case(
                "translate, parsed + rewritten: INSERT ... RETURNING",
                i -> "INSERT INTO items (sku, qty) VALUES ('s" + i + "', 1) RETURNING id",
                false),
            new Case(
                "translate, parsed + rewritten: SELECT count(*)",
                i -> "SELECT count(*) FROM items WHERE qty = " + i,
                false),
            new Case(
                "translate, parsed + rewritten: jsonb ->> and @>",
                i -> "SELECT doc ->> 'name' FROM docs WHERE doc @> '{\"n\": " + i + "}'",
                false),
            new Case(
                "translate, cache hit: INSERT ... RETURNING $1",
                i -> "INSERT INTO items (sku, qty) VALUES ($1, $2) RETURNING id",
                false));
    for (Case c : cases) {
      Dialect dialect = new Dialect(Dialect.DEFAULT_CACHE_SIZE);
      long sink = 0;
      for (int i = 0; i < WARMUP; i++) {
        sink += run(dialect, c.sql().apply(i), c.parserOnly());
      }
      long start = System.nanoTime();
      for (int i = 0; i < ITERATIONS; i++) {
        sink += run(dialect, c.sql().apply(WARMUP + i), c.parserOnly());
      }
      double micros = (System.nanoTime() - start) / 1000.0 / ITERATIONS;
      System.out.printf(Locale.ROOT, "%-58s %8.2f µs/statement  (%d)%n", c.name(), micros, sink);
    }
  }

  private static long run(Dialect dialect, String sql, boolean parserOnly) throws Exception {
    if (parserOnly) {
      return PostgresParser.parse(sql) == null ? 0 : 1;
    }
    return dialect.translate(sql).sql().length();
  }
}
