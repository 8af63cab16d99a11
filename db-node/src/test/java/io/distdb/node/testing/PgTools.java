package io.distdb.node.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL 15's client programs (psql, pg_dump) in a work directory against a server on
 * loopback, distdb or PostgreSQL alike, as a user would: psql stops at the first error ({@code
 * ON_ERROR_STOP}), times are UTC.
 */
public final class PgTools {

  public static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");

  /** What the program printed (stdout and stderr interleaved) and its exit code. */
  public record Result(String output, int exitCode) {}

  private final Path workDir;

  public PgTools(Path workDir) {
    this.workDir = workDir;
  }

  /** Skips the calling test where pg_dump or psql is not installed. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(PG_DUMP), "pg_dump is not installed (postgresql-client)");
    PsqlScript.assumePsql();
  }

  public Result psql(int port, String user, String database, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "psql",
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                user,
                "-d",
                database));
    command.addAll(List.of(args));
    return run(command);
  }

  /** One statement's rows, unaligned and without headers ({@code psql -At}). */
  public Result query(int port, String user, String database, String sql) throws Exception {
    return psql(port, user, database, "-At", "-c", sql);
  }

  public Result pgDump(int port, String user, String database, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(PG_DUMP.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user));
    command.addAll(List.of(args));
    command.add(database);
    return run(command);
  }

  /**
   * One of the client programs that take the usual connection options ({@code pg_isready}, {@code
   * createdb}, {@code dropdb}, {@code vacuumdb}, {@code reindexdb}, {@code clusterdb}).
   */
  public Result program(String program, int port, String user, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(program, "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user));
    command.addAll(List.of(args));
    return run(command);
  }

  private Result run(List<String> command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", InProcessNode.PASSWORD);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().put("PGTZ", "UTC");
    Process p = pb.start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish in 120 s:\n" + output);
    }
    return new Result(output, p.exitValue());
  }
}
