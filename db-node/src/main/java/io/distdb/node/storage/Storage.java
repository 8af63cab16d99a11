package io.distdb.node.storage;

import io.distdb.node.storage.capture.CaptureTriggers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's logical databases: one embedded H2 database (PostgreSQL mode) per directory under
 * {@code <data-dir>/databases}. Creation and removal go through a rename so that a crash half-way
 * leaves either the old state or the new one, never a half-made database.
 */
public final class Storage implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Storage.class);
  private static final String CREATING = ".creating";
  private static final String DROPPING = ".dropping";
  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
          + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;CACHE_SIZE=65536"
          // No .trace.db: it would keep the text of failed statements, literals included.
          + ";TRACE_LEVEL_FILE=0";

  /**
   * What a non-administrator may set when connecting: the database itself is always opened first by
   * an administrator connection with {@link #H2_OPTIONS} (and stays open), so these only have to
   * match it.
   */
  private static final String SESSION_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
          // With a query timeout set, H2 re-arms its session cancel at every statement's start, so
          // a cancel that reached a connection just after its statement ended is dropped instead
          // of failing the next statement, maybe another session's (service.StatementCancel).
          // 2^31-1 ms (24 days) is never reached in practice; statement_timeout is ours.
          + ";QUERY_TIMEOUT=2147483647";

  static {
    EngineHardening.install();
  }

  private final Path root;
  private final EngineUsers users = new EngineUsers();
  private final io.distdb.node.storage.undo.SchemaFence.Registry fences =
      new io.distdb.node.storage.undo.SchemaFence.Registry();

  /** Each database's materialized catalog, by name, made when first asked for. */
  private final java.util.Map<String, CatalogSnapshot> catalogs =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Databases whose engine users this process has installed (their passwords change per start). */
  private final java.util.Set<String> secured = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Held while a database is dropped or all are replaced, and by a checkpoint per database. */
  private final Object lifecycle = new Object();

  public Storage(Path root) {
    EngineHardening.verify();
    this.root = root;
    try {
      Files.createDirectories(root);
      removeLeftovers();
    } catch (IOException e) {
      throw new StorageException(
          "cannot use database directory " + root + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  /** Where sessions wait while a transaction block's schema changes are half-applied. */
  public io.distdb.node.storage.undo.SchemaFence fence(DatabaseName name) {
    return fences.of(name.value());
  }

  public boolean exists(DatabaseName name) {
    return Files.isDirectory(dir(name));
  }

  /**
   * What a database's files take on disk (its directory's regular files), as PostgreSQL's
   * pg_database_size measures its directory; 0 for one that does not exist.
   */
  public long size(String name) {
    if (!DatabaseName.isValid(name) || !Files.isDirectory(root.resolve(name))) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root.resolve(name))) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // a file that went meanwhile (a checkpoint's temporary)
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** The names of all databases, sorted. */
  public List<String> names() {
    try (Stream<Path> dirs = Files.list(root)) {
      TreeSet<String> names = new TreeSet<>();
      dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(DatabaseName::isValid)
          .forEach(names::add);
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty database whose applied LSN starts at {@code lsn}. */
  public void create(DatabaseName name, long lsn) {
    Path staging = root.resolve(name.value() + CREATING);
    try {
      deleteTree(staging);
      Files.createDirectories(staging);
      try (Connection c = DriverManager.getConnection(url(staging))) {
        AppliedLsn.install(c, lsn);
        CatalogViews.installOrUpgrade(c, name.value());
        EngineFunctions.install(c);
        CatalogFunctions.install(c);
        SettingFunctions.install(c);
        SequenceFunctions.install(c);
        DumpFunctions.install(c);
        AdvisoryLockFunctions.install(c);
        shutdown(c);
      }
      Files.move(staging, dir(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | SQLException e) {
      throw new StorageException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    log.atInfo().addKeyValue("database", name).addKeyValue("lsn", lsn).log("database created");
  }

  /** Closes every connection to the database and deletes it. */
  public void drop(DatabaseName name) {
    synchronized (lifecycle) {
      dropNow(name);
    }
  }

  private void dropNow(DatabaseName name) {
    Path dir = dir(name);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try {
      try (Connection c = DriverManager.getConnection(url(dir))) {
        shutdown(c);
      }
      secured.remove(name.value());
      catalogs.remove(name.value());
      Path doomed = root.resolve(name.value() + DROPPING);
      deleteTree(doomed);
      Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(doomed);
    } catch (IOException | SQLException e) {
      throw new StorageException("cannot drop database " + name + ": " + e.getMessage(), e);
    }
    log.atInfo().addKeyValue("database", name).log("database dropped");
  }

  /**
   * A new administrator connection to an existing database (autocommit on), for distdb's own
   * bookkeeping only: never run a client's statement on it.
   */
  public Connection connect(DatabaseName name) throws SQLException {
    return DriverManager.getConnection(url(existing(name)));
  }

  /**
   * A new connection acting as {@code user} (autocommit on): the only kind clients' SQL runs on.
   */
  public Connection connect(DatabaseName name, EngineUser user) throws SQLException {
    Path dir = existing(name);
    secure(name, dir);
    return DriverManager.getConnection(sessionUrl(dir), user.engineName(), users.password());
  }

  /**
   * Installs the engine users once per process and database, through an administrator connection
   * that also opens the database with all of {@link #H2_OPTIONS}.
   */
  private synchronized void secure(DatabaseName name, Path dir) throws SQLException {
    if (secured.contains(name.value())) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(url(dir))) {
      // Databases created before the views existed, or before this catalog version, get them here,
      // before the applier or any client statement.
      CatalogViews.installOrUpgrade(admin, name.value());
      EngineFunctions.install(admin);
      CatalogFunctions.install(admin);
      SettingFunctions.install(admin);
      SequenceFunctions.install(admin);
      DumpFunctions.install(admin);
      AdvisoryLockFunctions.install(admin);
      users.install(admin);
      // Tables made before row-change capture existed (a stage-1 data directory) get it here.
      CaptureTriggers.install(admin);
    }
    secured.add(name.value());
  }

  /**
   * Lets the reader see schemas created since its grants were last brought up to date; called after
   * every schema change, on the master and on each replica alike.
   */
  public void refreshReaderGrants(DatabaseName name) throws SQLException {
    try (Connection admin = connect(name)) {
      users.refreshReaderGrants(admin);
    }
  }

  /**
   * Brings distdb's per-table machinery up to date after a schema change, on the master and on each
   * replica alike: the reader's grants and the change-capture trigger on every table.
   */
  public void afterSchemaChange(DatabaseName name) throws SQLException {
    catalog(name).invalidate();
    try (Connection admin = connect(name)) {
      users.refreshReaderGrants(admin);
      CaptureTriggers.install(admin);
    }
  }

  /** The database's materialized catalog relations, which sessions bring up to date. */
  public CatalogSnapshot catalog(DatabaseName name) {
    return catalogs.computeIfAbsent(name.value(), n -> new CatalogSnapshot(n, () -> connect(name)));
  }

  /**
   * Turns the engine's foreign-key enforcement (and so its cascades) off or on for a whole
   * database. A node applying row images turns it off: the log already holds every row a cascade
   * changed on the master, in the master's order, and the engine must not cascade a second time.
   */
  public void setReferentialIntegrity(DatabaseName name, boolean on) throws SQLException {
    try (Connection admin = connect(name);
        Statement s = admin.createStatement()) {
      s.execute("SET REFERENTIAL_INTEGRITY " + (on ? "TRUE" : "FALSE"));
    }
  }

  private Path existing(DatabaseName name) throws SQLException {
    Path dir = dir(name);
    if (!Files.isDirectory(dir)) {
      throw new SQLException("database \"" + name + "\" does not exist", "3D000");
    }
    return dir;
  }

  public long appliedLsn(DatabaseName name) {
    try (Connection c = connect(name)) {
      return AppliedLsn.get(c);
    } catch (SQLException e) {
      throw new StorageException("cannot read applied LSN of " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens every database, side by side: an open replays the database's whole schema in the engine
   * (the catalog's views among it), most of what a start costs, and databases open independently.
   */
  public void openAll() {
    List<String> names = names();
    int threads = Math.min(names.size(), Runtime.getRuntime().availableProcessors());
    if (threads < 2) {
      names.forEach(n -> appliedLsn(new DatabaseName(n)));
      return;
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<Long>> opening =
          names.stream().map(n -> pool.submit(() -> appliedLsn(new DatabaseName(n)))).toList();
      for (java.util.concurrent.Future<Long> f : opening) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new StorageException("cannot open databases: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while opening databases", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Forces every open database's pending changes to disk, so the log before them may go. */
  public void checkpoint() {
    for (String n : names()) {
      // A connection to a database being dropped would reopen it (or make it anew) under the
      // drop's feet: checkpoints and drops of one database take turns.
      synchronized (lifecycle) {
        if (!exists(new DatabaseName(n))) {
          continue; // dropped meanwhile: nothing left to make durable
        }
        try (Connection c = connect(new DatabaseName(n));
            Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
          throw new StorageException("checkpoint of " + n + " failed: " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Writes a transactionally consistent copy of a database to {@code zip} while it stays online.
   */
  public void backup(DatabaseName name, Path zip) {
    try (Connection c = connect(name);
        java.sql.PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
      ps.setString(1, zip.toAbsolutePath().toString());
      ps.execute();
    } catch (SQLException e) {
      throw new StorageException("backup of " + name + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces every database with the ones in {@code backups} (name → zip made by {@link #backup}).
   * Open connections to the old databases break.
   */
  public void replaceAll(java.util.Map<String, Path> backups) {
    synchronized (lifecycle) {
      replaceAllNow(backups);
    }
  }

  private void replaceAllNow(java.util.Map<String, Path> backups) {
    close();
    secured.clear();
    catalogs.clear();
    try {
      Path staging = root.resolve(".install" + CREATING);
      deleteTree(staging);
      Files.createDirectories(staging);
      for (var e : backups.entrySet()) {
        Path dir = staging.resolve(new DatabaseName(e.getKey()).value());
        Files.createDirectories(dir);
        unzip(e.getValue(), dir);
      }
      for (String n : names()) {
        Path doomed = root.resolve(n + DROPPING);
        Files.move(root.resolve(n), doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
      }
      try (Stream<Path> staged = Files.list(staging)) {
        for (Path p : staged.toList()) {
          Files.move(p, root.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      deleteTree(staging);
    } catch (IOException e) {
      throw new StorageException("installing a snapshot failed: " + e.getMessage(), e);
    }
    log.atInfo().addKeyValue("databases", backups.keySet()).log("databases replaced by snapshot");
  }

  private static void unzip(Path zip, Path dir) throws IOException {
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("snapshot entry escapes its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Shuts every database down cleanly. */
  @Override
  public void close() {
    secured.clear();
    for (String n : names()) {
      try (Connection c = connect(new DatabaseName(n))) {
        shutdown(c);
      } catch (SQLException e) {
        log.atWarn().addKeyValue("database", n).log("shutdown failed: {}", e.getMessage());
      }
    }
  }

  private Path dir(DatabaseName name) {
    return root.resolve(name.value());
  }

  private static String url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("data") + H2_OPTIONS;
  }

  private static String sessionUrl(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("data") + SESSION_OPTIONS;
  }

  private static void shutdown(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  private void removeLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path p : entries.toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(CREATING) || n.endsWith(DROPPING)) {
          log.atWarn().addKeyValue("path", p).log("removing half-finished database directory");
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
