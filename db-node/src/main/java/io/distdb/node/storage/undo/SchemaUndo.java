package io.distdb.node.storage.undo;

import io.distdb.node.sql.DdlTargets;
import io.distdb.node.sql.StatementException;
import io.distdb.node.storage.AppliedLsn;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import io.distdb.node.storage.capture.SequenceReading;
import io.distdb.node.storage.undo.CatalogState.Kind;
import io.distdb.node.storage.undo.CatalogState.UserObject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a run of schema changes undoable although the engine commits each one at once: a
 * transaction block on the master that runs DDL, or a replica applying such a block's log entry.
 *
 * <p>{@link #begin} records, before the first schema change, the database's applied LSN, its user
 * objects by name, the engine's script of their definitions and the sequence positions to return
 * to. {@link #beforeSchemaChange} then copies, before each schema change, every table that existed
 * before the block and that the change may alter or whose rows the block wrote (the engine's
 * implicit commit is about to make those rows permanent): an administrator connection copies the
 * table as last committed, i.e. as it was before the block. The journal is fsynced after each step,
 * before the change runs. {@link #undo} drops what is new, rebuilds the copied tables from their
 * definitions and copies, rebuilds all views and resets the sequences; {@link #forget} discards the
 * copies once the block committed. After a crash, {@link #recoverAll} does one or the other for
 * each journal left behind, before the log is replayed. Details and failure cases:
 * command/DESIGN.md, "Transactional DDL".
 */
public final class SchemaUndo implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SchemaUndo.class);
  private static final String COPY_PREFIX = "undo_";

  private final Storage storage;
  private final DatabaseName database;
  private final UndoJournal journal;
  private final Connection admin;
  private final long appliedLsn;
  private final List<UserObject> before;
  private final List<String> script;
  private final List<SequenceReading> positions;

  /** Copied tables ("schema\0table") and their copies' names, in the order they were copied. */
  private final Map<String, String> saved = new LinkedHashMap<>();

  private SchemaUndo(
      Storage storage,
      DatabaseName database,
      Connection admin,
      long appliedLsn,
      List<UserObject> before,
      List<String> script,
      List<SequenceReading> positions) {
    this.storage = storage;
    this.database = database;
    this.journal = new UndoJournal(storage.root().resolve(database.value()));
    this.admin = admin;
    this.appliedLsn = appliedLsn;
    this.before = before;
    this.script = script;
    this.positions = positions;
  }

  /**
   * Records the database as it is before a block's first schema change (durably, before this
   * returns).
   *
   * @param positions the sequence positions undo returns to: those every replica has
   */
  public static SchemaUndo begin(
      Storage storage, DatabaseName database, List<SequenceReading> positions)
      throws SQLException, IOException {
    Connection admin = storage.connect(database);
    try {
      dropCopies(admin);
      SchemaUndo undo =
          new SchemaUndo(
              storage,
              database,
              admin,
              AppliedLsn.get(admin),
              CatalogState.objects(admin),
              CatalogState.script(admin),
              List.copyOf(positions));
      undo.writeJournal();
      return undo;
    } catch (SQLException | IOException | RuntimeException e) {
      admin.close();
      throw e;
    }
  }

  /**
   * Copies what the schema change {@code engineSql} and the rows written so far put at risk;
   * returns those tables (and any the statement creates): others must not read them until the end.
   *
   * @param written tables the block has written rows to (schema and name)
   * @param defaultSchema where unqualified names in {@code engineSql} resolve
   * @throws StatementException 0A000 for a schema change that cannot be undone
   */
  public Set<DdlTargets.Name> beforeSchemaChange(
      String engineSql, Collection<DdlTargets.Name> written, String defaultSchema)
      throws StatementException, SQLException, IOException {
    DdlTargets.Targets targets = DdlTargets.of(engineSql);
    Set<DdlTargets.Name> tables = new HashSet<>(written);
    for (DdlTargets.Name t : targets.tables()) {
      tables.add(resolve(t, defaultSchema));
    }
    for (DdlTargets.Name i : targets.indexes()) {
      DdlTargets.Name table = tableOfIndex(resolve(i, defaultSchema));
      if (table != null) {
        tables.add(table);
      }
    }
    boolean copied = false;
    for (DdlTargets.Name t : tables) {
      copied |= save(t);
    }
    if (copied) {
      try (Statement s = admin.createStatement()) {
        // The copies must survive a crash before the journal names them.
        s.execute("CHECKPOINT SYNC");
      }
      writeJournal();
    }
    return tables;
  }

  private static DdlTargets.Name resolve(DdlTargets.Name name, String defaultSchema) {
    return name.schema() != null ? name : new DdlTargets.Name(defaultSchema, name.name());
  }

  private DdlTargets.Name tableOfIndex(DdlTargets.Name index) throws SQLException {
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT table_schema, table_name FROM information_schema.indexes"
                + " WHERE index_schema = ? AND index_name = ?")) {
      ps.setString(1, index.schema());
      ps.setString(2, index.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new DdlTargets.Name(rs.getString(1), rs.getString(2)) : null;
      }
    }
  }

  /** Copies a table that existed before the block, once; true if it copied now. */
  private boolean save(DdlTargets.Name table) throws SQLException {
    String key = table.schema() + '\u0000' + table.name();
    if (saved.containsKey(key)
        || !before.contains(new UserObject(Kind.TABLE, table.schema(), table.name()))) {
      return false;
    }
    String copy = COPY_PREFIX + saved.size();
    try (Statement s = admin.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + CatalogState.qualified(AppliedLsn.SCHEMA, copy)
              + " AS SELECT * FROM "
              + CatalogState.qualified(table.schema(), table.name()));
    }
    saved.put(key, copy);
    return true;
  }

  /** The block committed: its copies and journal go. */
  public void forget() throws SQLException, IOException {
    dropCopies(admin);
    try (Statement s = admin.createStatement()) {
      // The engine keeps a commit in memory for a while; the block's (its rows and applied LSN)
      // must be on disk before the journal goes. Otherwise a crash right after COMMIT finds no
      // journal, the engine's older state (with the rows its DDL had committed early) and the
      // block's entry still to replay onto it.
      s.execute("CHECKPOINT SYNC");
    }
    journal.delete();
  }

  /** Returns the database to its state before the block's first schema change. */
  public void undo() throws SQLException, IOException {
    Set<String> copies = existingCopies(admin);
    List<DdlTargets.Name> restored = new ArrayList<>();
    for (Map.Entry<String, String> e : saved.entrySet()) {
      // A copy that did not survive a crash was made after the engine's last durable state, so
      // neither did any change to its table.
      if (copies.contains(e.getValue())) {
        String[] key = e.getKey().split("\u0000", 2);
        restored.add(new DdlTargets.Name(key[0], key[1]));
      }
    }
    List<UserObject> now = CatalogState.objects(admin);
    try (Statement s = admin.createStatement()) {
      for (UserObject o : now) {
        if (o.kind() == Kind.VIEW) {
          s.execute("DROP VIEW IF EXISTS " + o.qualified() + " CASCADE");
        }
      }
      dropNew(s, now, Kind.TABLE, "TABLE");
      for (DdlTargets.Name t : restored) {
        s.execute(
            "DROP TABLE IF EXISTS " + CatalogState.qualified(t.schema(), t.name()) + " CASCADE");
      }
      dropNew(s, now, Kind.SEQUENCE, "SEQUENCE");
      dropNew(s, now, Kind.DOMAIN, "DOMAIN");
      dropNew(s, now, Kind.SCHEMA, "SCHEMA");
      recreateDropped(s, now);
      rebuild(s, restored);
      for (SequenceReading p : positions) {
        s.execute(restart(p));
      }
    }
    dropCopies(admin);
    journal.delete();
    storage.afterSchemaChange(database);
    log.atInfo()
        .addKeyValue("database", database)
        .addKeyValue("tablesRestored", restored.size())
        .log("schema changes of an unfinished transaction block undone");
  }

  private void dropNew(Statement s, List<UserObject> now, Kind kind, String what)
      throws SQLException {
    for (UserObject o : now) {
      if (o.kind() == kind && !before.contains(o)) {
        // Sequences have no dependents to cascade to.
        s.execute(
            "DROP "
                + what
                + " IF EXISTS "
                + o.qualified()
                + (kind == Kind.SEQUENCE ? "" : " CASCADE"));
      }
    }
  }

  /**
   * Re-creates the sequences and types the block dropped (before the tables whose defaults may draw
   * from them or whose columns may use them); the positions reset the sequences afterwards.
   */
  private void recreateDropped(Statement s, List<UserObject> now) throws SQLException {
    for (UserObject o : before) {
      if ((o.kind() == Kind.SEQUENCE || o.kind() == Kind.DOMAIN) && !now.contains(o)) {
        String prefix =
            (o.kind() == Kind.SEQUENCE ? "CREATE SEQUENCE " : "CREATE DOMAIN ")
                + o.qualified()
                + " ";
        for (String sql : script) {
          if (sql.startsWith(prefix)) {
            s.execute(sql);
          }
        }
      }
    }
  }

  /** Re-creates the restored tables with their rows, then every view and dependent definition. */
  private void rebuild(Statement s, List<DdlTargets.Name> restored) throws SQLException {
    List<String> names = new ArrayList<>();
    for (DdlTargets.Name t : restored) {
      names.add(CatalogState.qualified(t.schema(), t.name()));
    }
    for (String sql : script) {
      if (CatalogState.isTableDefinition(sql) && mentionsAny(sql, names)) {
        s.execute(sql);
      }
    }
    for (DdlTargets.Name t : restored) {
      String copy = saved.get(t.schema() + '\u0000' + t.name());
      List<String> columns =
          io.distdb.node.storage.capture.EngineTables.shape(admin, t.schema(), t.name()).columns();
      String list = String.join(", ", columns.stream().map(CatalogState::quote).toList());
      s.execute(
          "INSERT INTO "
              + CatalogState.qualified(t.schema(), t.name())
              + " ("
              + list
              + ") OVERRIDING SYSTEM VALUE SELECT "
              + list
              + " FROM "
              + CatalogState.qualified(AppliedLsn.SCHEMA, copy));
    }
    for (String sql : script) {
      if (CatalogState.isViewDefinition(sql)
          || (!CatalogState.isTableDefinition(sql)
              && !CatalogState.isSequenceDefinition(sql)
              && !CatalogState.isDomainDefinition(sql)
              && mentionsAny(sql, names))) {
        s.execute(sql);
      }
    }
  }

  private static boolean mentionsAny(String sql, List<String> qualifiedNames) {
    for (String n : qualifiedNames) {
      if (sql.contains(n)) {
        return true;
      }
    }
    return false;
  }

  private static String restart(SequenceReading p) {
    return p.column() == null
        ? "ALTER SEQUENCE "
            + CatalogState.qualified(p.schema(), p.name())
            + " RESTART WITH "
            + p.nextValue()
        : "ALTER TABLE "
            + CatalogState.qualified(p.schema(), p.name())
            + " ALTER COLUMN "
            + CatalogState.quote(p.column())
            + " RESTART WITH "
            + p.nextValue();
  }

  private static Set<String> existingCopies(Connection admin) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name LIKE '"
                + COPY_PREFIX
                + "%'")) {
      ps.setString(1, AppliedLsn.SCHEMA);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static void dropCopies(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (String copy : existingCopies(admin)) {
        s.execute("DROP TABLE IF EXISTS " + CatalogState.qualified(AppliedLsn.SCHEMA, copy));
      }
    }
  }

  private void writeJournal() throws IOException {
    List<String[]> records = new ArrayList<>();
    records.add(new String[] {"lsn", Long.toString(appliedLsn)});
    for (UserObject o : before) {
      records.add(new String[] {"object", o.kind().name(), o.schema(), o.name()});
    }
    for (String sql : script) {
      records.add(new String[] {"script", sql});
    }
    for (SequenceReading p : positions) {
      records.add(
          new String[] {
            "position",
            p.schema(),
            p.name(),
            p.column() == null ? "" : p.column(),
            Long.toString(p.nextValue())
          });
    }
    for (Map.Entry<String, String> e : saved.entrySet()) {
      String[] key = e.getKey().split("\u0000", 2);
      records.add(new String[] {"saved", key[0], key[1], e.getValue()});
    }
    journal.write(records);
  }

  /**
   * After a crash, before the log is replayed: every database with a journal is returned to its
   * state before the unfinished block, or, if the block's commit reached storage (its applied LSN
   * moved past the journal's), the leftovers are discarded.
   */
  public static void recoverAll(Storage storage) throws SQLException, IOException {
    for (String name : storage.names()) {
      DatabaseName database = new DatabaseName(name);
      UndoJournal journal = new UndoJournal(storage.root().resolve(name));
      if (!journal.exists()) {
        continue;
      }
      try (SchemaUndo undo = load(storage, database, journal)) {
        if (AppliedLsn.get(undo.admin) > undo.appliedLsn) {
          log.atInfo().addKeyValue("database", name).log("transaction block had committed");
          undo.forget();
        } else {
          log.atWarn().addKeyValue("database", name).log("undoing an unfinished transaction block");
          undo.undo();
        }
      }
    }
  }

  private static SchemaUndo load(Storage storage, DatabaseName database, UndoJournal journal)
      throws SQLException, IOException {
    long lsn = 0;
    List<UserObject> objects = new ArrayList<>();
    List<String> script = new ArrayList<>();
    List<SequenceReading> positions = new ArrayList<>();
    Map<String, String> saved = new LinkedHashMap<>();
    for (String[] r : journal.read()) {
      switch (r[0]) {
        case "lsn" -> lsn = Long.parseLong(r[1]);
        case "object" -> objects.add(new UserObject(Kind.valueOf(r[1]), r[2], r[3]));
        case "script" -> script.add(r[1]);
        case "position" ->
            positions.add(
                new SequenceReading(
                    r[1], r[2], r[3].isEmpty() ? null : r[3], Long.parseLong(r[4])));
        case "saved" -> saved.put(r[1] + '\u0000' + r[2], r[3]);
        default -> throw new IOException("unknown undo journal record " + r[0]);
      }
    }
    SchemaUndo undo =
        new SchemaUndo(
            storage, database, storage.connect(database), lsn, objects, script, positions);
    undo.saved.putAll(saved);
    return undo;
  }

  @Override
  public void close() {
    try {
      admin.close();
    } catch (SQLException e) {
      log.atDebug().log("closing undo connection failed: {}", e.getMessage());
    }
  }
}
