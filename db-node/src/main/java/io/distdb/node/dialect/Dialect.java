package io.distdb.node.dialect;

import io.distdb.node.sql.Placeholders;
import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.Statement;

/**
 * Translates PostgreSQL statements into H2's dialect: parses each statement once with JSqlParser,
 * runs a list of small {@link Rewrite}s over the tree and renders the result. Translations are
 * cached by text. A statement JSqlParser cannot parse, or one no rewrite touches, reaches H2 as the
 * client wrote it (parameters renumbered), exactly as before this layer existed. See DESIGN.md.
 */
public final class Dialect {

  /** Entries in the translation cache; a few thousand distinct statement texts is typical. */
  public static final int DEFAULT_CACHE_SIZE = 4096;

  private final List<TextRewrite> textRewrites =
      List.of(
          new TruncateRewrite(),
          new ConcurrentIndexRewrite(),
          new IndexOperatorClassRewrite(),
          new DeferrableConstraintRewrite(),
          new DropColumnCascadeRewrite());
  private final CatalogRewrite catalogRewrite = new CatalogRewrite();
  private final ColumnDefaultOrderRewrite columnDefaultOrder = new ColumnDefaultOrderRewrite();
  private final RenameColumnRewrite renameColumn = new RenameColumnRewrite();
  private final List<Rewrite> rewrites =
      List.of(
          new UnsupportedFeatureRewrite(),
          new LateralSubqueryRewrite(), // first: the rewrites below see the subquery's pieces moved
          new IntervalRewrite(), // before TypeNameRewrite turns a bare interval type into H2's
          new TypeNameRewrite(),
          new ConstraintNameRewrite(),
          new NumericScaleRewrite(), // before OutputNameRewrite labels the casts it adds
          new LengthTypeRewrite(), // the same
          new OutputNameRewrite(), // before the rewrites below change the functions it names
          new ArrayLiteralRewrite(), // after OutputNameRewrite labels '{1}'::int[] after its type
          new SetFunctionColumnRewrite(),
          new JsonRewrite(),
          new LateralFunctionRewrite(), // after JsonRewrite fixed the arguments it copies
          new JsonSetFunctionRewrite(), // after JsonRewrite fixed the arguments it moves
          new JsonColumnRewrite(), // before the rewrites that render VALUES as MERGE or SELECT
          new IntervalColumnRewrite(),
          new ByteaColumnRewrite(),
          new AdvisoryLockRewrite(),
          new AggregateTypeRewrite(), // before NumericDivisionRewrite: avg becomes a division
          new NumericDivisionRewrite(), // before BuiltinFunctionRewrite, which sees its calls
          new FloatRewrite(),
          new WindowTypeRewrite(),
          new NumericFunctionRewrite(),
          new FunctionRewrite(),
          new BitwiseOperatorRewrite(),
          new EngineFunctionRewrite(),
          new BuiltinFunctionRewrite(), // before CompatFunctionRewrite writes EXTRACTs of its own
          new CompatFunctionRewrite(),
          new JoinUsingRewrite(),
          new DistinctOrderByRewrite(),
          new DeleteUsingRewrite(),
          new ReturningRewrite(), // before OnConflictRewrite renders the statement as MERGE
          new OnConflictRewrite(),
          new GroupingSetsRewrite()); // last: renders its branches from what the others left
  private final List<String> stems = rewrites.stream().flatMap(r -> r.stems().stream()).toList();
  private final StatementCache cache;

  public Dialect(int cacheSize) {
    this.cache = new StatementCache(cacheSize);
  }

  /** {@link #translate(String, Schema)} for statements that need no catalog lookups. */
  public EngineStatement translate(String postgresSql) throws StatementException {
    return translate(postgresSql, Schema.NONE);
  }

  /**
   * @param postgresSql one statement as the client sent it
   * @param schema the engine's catalog, read by the few rewrites that need it
   * @throws StatementException 42P02 for {@code $0}, 42601 for unterminated quotes, 0A000 for a
   *     PostgreSQL construct distdb cannot run
   */
  public EngineStatement translate(String postgresSql, Schema schema) throws StatementException {
    EngineStatement cached = cache.get(postgresSql);
    if (cached != null) {
      return cached;
    }
    // Translations that read column types hold for one version of the catalog: cached under it.
    String version = schema.catalogVersion();
    if (version != null) {
      cached = cache.get(versioned(version, postgresSql));
      if (cached != null) {
        return cached;
      }
    }
    Translated t = translateUncached(postgresSql, schema);
    if (t.cacheable() && !t.readsColumnTypes()) {
      cache.put(postgresSql, t.statement());
    } else if (t.cacheable() && version != null && version.equals(schema.catalogVersion())) {
      cache.put(versioned(version, postgresSql), t.statement()); // no DDL ran meanwhile
    }
    return t.statement();
  }

  private static String versioned(String catalogVersion, String sql) {
    return catalogVersion + '\0' + sql;
  }

  private record Translated(
      EngineStatement statement, boolean cacheable, boolean readsColumnTypes) {
    Translated(EngineStatement statement, boolean cacheable) {
      this(statement, cacheable, false);
    }
  }

  private Translated translateUncached(String clientSql, Schema schema) throws StatementException {
    if (ViewSources.mightApply(clientSql.toLowerCase(Locale.ROOT))) {
      String record = ViewSources.record(clientSql, schema);
      if (record != null) {
        EngineStatement view = translateStatement(clientSql, schema).statement();
        // PostgreSQL's text of the view is recorded with it (ViewSources): read the schema.
        return new Translated(
            new EngineStatement(view.sql() + "; " + record, view.parameterCount(), true), false);
      }
    }
    if (ViewRenames.mightApply(clientSql.toLowerCase(Locale.ROOT))) {
      String moved = ViewRenames.record(clientSql, schema);
      if (moved != null) {
        EngineStatement rename = translateStatement(clientSql, schema).statement();
        // The view's PostgreSQL text follows it to its new name (ViewRenames): read the schema.
        return new Translated(
            new EngineStatement(rename.sql() + "; " + moved, rename.parameterCount(), true), false);
      }
    }
    return translateStatement(clientSql, schema);
  }

  private Translated translateStatement(String clientSql, Schema schema) throws StatementException {
    String sql = clientSql;
    String lower = sql.toLowerCase(Locale.ROOT);
    boolean catalog = false;
    boolean schemaRead = false;
    if (AlterTableActions.mightApply(lower)) {
      List<String> actions = AlterTableActions.split(sql, SqlLexer.tokenize(sql));
      if (actions != null) {
        return translateEach(actions, schema);
      }
    }
    if (SequenceOwnership.mightApply(lower)) {
      String rewritten = SequenceOwnership.rewrite(sql, SqlLexer.tokenize(sql), schema);
      if (rewritten != null) {
        return new Translated(engine(rewritten, true), false);
      }
    }
    if (DropListRewrite.mightApply(lower)) {
      String rewritten = DropListRewrite.rewrite(sql, SqlLexer.tokenize(sql), schema);
      if (rewritten != null) {
        return new Translated(engine(rewritten, true), false); // read the catalog
      }
    }
    if (NextvalDefaults.mightApply(lower)) {
      String rewritten = NextvalDefaults.rewrite(sql, SqlLexer.tokenize(sql), schema);
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
        schemaRead = true; // the sequence must exist
      }
    }
    if (UuidDefaultRewrite.mightApply(lower)) {
      String rewritten = UuidDefaultRewrite.rewrite(sql, SqlLexer.tokenize(sql));
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
      }
    }
    if (EscapeStringRewrite.mightApply(lower)) {
      String rewritten = EscapeStringRewrite.rewrite(sql, SqlLexer.tokenize(sql));
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true; // rewritten: H2 gets this text, not the client's
      }
    }
    if (PrefixOperatorRewrite.mightApply(lower)) {
      String rewritten = PrefixOperatorRewrite.rewrite(sql, SqlLexer.tokenize(sql));
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
      }
    }
    if (CatalogRewrite.mightApply(lower)) {
      String rewritten = catalogRewrite.rewrite(sql, SqlLexer.tokenize(sql));
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
      }
    }
    if (ColumnDefaultOrderRewrite.mightApply(lower)) {
      String rewritten = columnDefaultOrder.rewrite(sql, SqlLexer.tokenize(sql));
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
      }
    }
    if (RenameColumnRewrite.mightApply(lower)) {
      String rewritten = renameColumn.rewrite(sql, SqlLexer.tokenize(sql));
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
      }
    }
    if (UnnamedIndexRewrite.mightApply(lower)) {
      String rewritten = UnnamedIndexRewrite.rewrite(sql, SqlLexer.tokenize(sql), schema);
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
        schemaRead = true; // the name depends on which names are taken
      }
    }
    if (AlterTableConstraintNames.mightApply(lower)) {
      String rewritten = AlterTableConstraintNames.rewrite(sql, SqlLexer.tokenize(sql), schema);
      if (rewritten != null) {
        sql = rewritten;
        lower = sql.toLowerCase(Locale.ROOT);
        catalog = true;
        schemaRead = true; // the names depend on which are taken
      }
    }
    if (lower.contains("truncate")
        || lower.contains("concurrently")
        || lower.contains("_ops")
        || lower.contains("deferr")
        || lower.contains("initially")
        || (lower.contains("drop") && (lower.contains("cascade") || lower.contains("restrict")))) {
      String text = sql;
      for (TextRewrite r : textRewrites) {
        String rewritten = r.rewrite(text, SqlLexer.tokenize(text));
        if (rewritten != null) {
          text = rewritten; // a CREATE INDEX may need more than one of them
        }
      }
      if (!text.equals(sql)) {
        return new Translated(engine(text, true), !schemaRead);
      }
    }
    if (!mightNeedRewrite(SimpleLiteralCasts.withoutCasts(sql, lower))) {
      return new Translated(engine(sql, catalog), !schemaRead);
    }
    Statement tree = PostgresParser.parse(sql);
    if (tree == null) {
      String hidden = ReferentialActions.hide(sql, lower);
      tree = hidden.equals(sql) ? null : PostgresParser.parse(hidden);
    }
    if (tree == null) {
      // JSqlParser's gaps (GROUP BY a, GROUPING SETS (...)) would reach H2 as its syntax error.
      UnsupportedFeatureRewrite.refuseText(sql);
      return new Translated(engine(sql, catalog), !schemaRead);
    }
    boolean[] innerCacheable = {true};
    boolean[] innerColumnTypes = {false};
    DataModifyingCte ctes =
        DataModifyingCte.extract(
            tree,
            dml -> {
              Translated inner = translateUncached(dml, schema);
              innerCacheable[0] &= inner.cacheable();
              innerColumnTypes[0] |= inner.readsColumnTypes();
              return inner.statement();
            });
    Translation translation = new Translation(tree, schema);
    if (ctes != null) {
      translation.changed();
    }
    for (Rewrite r : rewrites) {
      r.apply(translation);
    }
    boolean cacheable = translation.isCacheable() && !schemaRead && innerCacheable[0];
    boolean columnTypes = translation.readsColumnTypes() || innerColumnTypes[0];
    if (!translation.isChanged()) {
      return new Translated(engine(sql, catalog), cacheable, columnTypes);
    }
    EngineStatement main = engine(ReferentialActions.restore(translation.render()), true);
    if (ctes == null) {
      String describe = translation.describeText();
      if (describe != null) {
        main =
            new EngineStatement(
                main.sql(),
                main.parameterCount(),
                true,
                Placeholders.toH2(ReferentialActions.restore(describe)).sql());
      }
      return new Translated(main, cacheable, columnTypes);
    }
    return new Translated(
        new EngineStatement(
            ctes.splice(main.sql()), Math.max(main.parameterCount(), ctes.parameterCount()), true),
        cacheable,
        columnTypes);
  }

  /** Statements that replace one the client sent, each translated on its own, run as one text. */
  private Translated translateEach(List<String> statements, Schema schema)
      throws StatementException {
    List<String> texts = new java.util.ArrayList<>(statements.size());
    int parameters = 0;
    boolean cacheable = true;
    boolean columnTypes = false;
    for (String statement : statements) {
      Translated t = translateUncached(statement, schema);
      texts.add(t.statement().sql());
      parameters = Math.max(parameters, t.statement().parameterCount());
      cacheable &= t.cacheable();
      columnTypes |= t.readsColumnTypes();
    }
    return new Translated(
        new EngineStatement(String.join("; ", texts), parameters, true), cacheable, columnTypes);
  }

  private boolean mightNeedRewrite(String lower) {
    for (String stem : stems) {
      if (lower.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  private static EngineStatement engine(String sql, boolean rewritten) throws StatementException {
    String oidArrays = CatalogCasts.oidArrays(sql);
    Placeholders.Rewritten r = Placeholders.toH2(oidArrays == null ? sql : oidArrays);
    return new EngineStatement(r.sql(), r.parameterCount(), rewritten || oidArrays != null);
  }

  /** Translations held in the cache (for tests and metrics). */
  int cachedStatements() {
    return cache.size();
  }
}
