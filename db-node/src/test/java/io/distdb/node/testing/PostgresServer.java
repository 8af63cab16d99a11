package io.distdb.node.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL 15 cluster for differential tests: initdb into a temp directory, started
 * on a free loopback port with its Unix socket in that directory, trust authentication, fsync off.
 * As root (CI), the server runs as the {@code postgres} OS user that Debian's package creates.
 */
public final class PostgresServer implements AutoCloseable {

  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final int port;

  private PostgresServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Skips the calling test where PostgreSQL 15's server binaries are not installed. */
  public static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl")),
        "PostgreSQL 15 is not installed in " + BIN + " (Debian package postgresql-15)");
    assumeTrue(
        !isRoot() || userExists(),
        "running as root, but there is no postgres OS user to run the server as");
  }

  public static PostgresServer start() throws Exception {
    Path dir = Files.createTempDirectory("distdb-pg-");
    Files.createDirectories(dir.resolve("socket"));
    if (isRoot()) {
      exec(List.of("chown", "-R", "postgres:", dir.toString()));
    }
    int port = FreePorts.next();
    PostgresServer server = new PostgresServer(dir, port);
    try {
      server.asPostgres(
          BIN.resolve("initdb").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-U",
          "postgres",
          "--auth=trust",
          "--encoding=UTF8",
          "--locale=C.UTF-8");
      server.asPostgres(
          BIN.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          "-p "
              + port
              + " -k "
              + dir.resolve("socket")
              + " -c listen_addresses=127.0.0.1 -c fsync=off -c TimeZone=UTC",
          "start");
    } catch (Exception e) {
      server.deleteDir();
      throw e;
    }
    return server;
  }

  /** The loopback TCP port the server listens on (for clients other than pgjdbc). */
  public int port() {
    return port;
  }

  public Connection connect(String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(InProcessNode.url(port, database), p);
  }

  @Override
  public void close() throws IOException {
    try {
      asPostgres(
          BIN.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } finally {
      deleteDir();
    }
  }

  private void asPostgres(String... command) throws IOException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    exec(full);
  }

  private static void exec(List<String> command) throws IOException {
    try {
      run(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .directory(Path.of("/").toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException(command + " failed (" + p.exitValue() + "): " + output);
    }
  }

  private void deleteDir() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean userExists() {
    try {
      return Files.readAllLines(Path.of("/etc/passwd")).stream()
          .anyMatch(l -> l.startsWith("postgres:"));
    } catch (IOException e) {
      return false;
    }
  }
}
