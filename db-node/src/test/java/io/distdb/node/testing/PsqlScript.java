package io.distdb.node.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a psql script from the test resources against a node, as a user would, and returns what psql
 * printed, so it can be compared with what PostgreSQL 15 printed for the same script.
 */
public final class PsqlScript {

  /** What psql printed (stdout and stderr interleaved) and its exit code. */
  public record Result(String output, int exitCode) {}

  private PsqlScript() {}

  /** Skips the calling test where psql is not installed. */
  public static void assumePsql() {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/psql")),
        "psql is not installed (Debian package postgresql-client); .ci/run installs it");
  }

  /**
   * Copies resource {@code psql/<name>.sql} into {@code workDir} and runs it there with {@code psql
   * -X -f}, so the file name psql prints in error lines matches the recording.
   */
  public static Result run(Path workDir, int port, String name, String... extraArgs)
      throws Exception {
    return runAs(workDir, port, InProcessNode.USER, "distdb", name, extraArgs);
  }

  /** As {@link #run(Path, int, String, String...)}, as {@code user} on {@code database}. */
  public static Result runAs(
      Path workDir, int port, String user, String database, String name, String... extraArgs)
      throws Exception {
    String file = name + ".sql";
    Files.write(workDir.resolve(file), resource("psql/" + file));
    List<String> command =
        new ArrayList<>(
            List.of(
                "psql",
                "-X",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                user,
                "-d",
                database));
    command.addAll(List.of(extraArgs));
    command.addAll(List.of("-f", file));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", InProcessNode.PASSWORD);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    Process p = pb.start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("psql did not finish within 60 s; it printed:\n" + output);
    }
    return new Result(output, p.exitValue());
  }

  /** The recorded PostgreSQL 15 output for script {@code name}. */
  public static String expected(String name) throws Exception {
    return new String(resource("psql/" + name + ".expected"), StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = PsqlScript.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
