package io.distdb.node.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node.js script from the test resources ({@code node/NAME}) with the npm packages that
 * {@code node/package.json} pins (exact versions, and every transitive one in {@code
 * package-lock.json}), installed by {@code npm ci} into {@code target/node-frameworks} with npm's
 * cache in {@code target/npm-cache}. The install is skipped while the installed lock equals the
 * committed one, so only the first run after {@code mvn clean} (or a version change) reaches the
 * registry.
 */
public final class NodeScript {

  /** What the script printed (stdout and stderr interleaved) and its exit code. */
  public record Result(String output, int exitCode) {}

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path DIR = TARGET.resolve("node-frameworks");
  private static final List<String> PROJECT_FILES =
      List.of("package.json", "package-lock.json", "common.js");

  private NodeScript() {}

  /** Skips the calling test, naming the Debian packages, where node or npm is not on the PATH. */
  public static void assumeInstalled() {
    assumeTrue(
        runs("node", "--version") && runs("npm", "--version"),
        "node and npm are not installed (Debian packages nodejs and npm)");
  }

  /**
   * Copies the project files and {@code scripts} into {@code target/node-frameworks} and installs
   * the locked packages unless they already are; returns the directory.
   */
  public static synchronized Path install(String... scripts) throws Exception {
    Files.createDirectories(DIR);
    List<String> files = new ArrayList<>(PROJECT_FILES);
    files.addAll(Arrays.asList(scripts));
    for (String name : files) {
      Files.write(DIR.resolve(name), resource(name));
    }
    Path installedLock = DIR.resolve("node_modules").resolve(".distdb-installed-lock.json");
    byte[] lock = resource("package-lock.json");
    if (Files.exists(installedLock) && Arrays.equals(Files.readAllBytes(installedLock), lock)) {
      return DIR;
    }
    Result npm =
        run(
            List.of(
                "npm",
                "ci",
                "--no-audit",
                "--no-fund",
                "--prefer-offline",
                "--cache",
                TARGET.resolve("npm-cache").toString()),
            300);
    if (npm.exitCode() != 0) {
      throw new AssertionError("npm ci failed in " + DIR + ":\n" + npm.output());
    }
    Files.write(installedLock, lock);
    return DIR;
  }

  /**
   * Runs {@code script} (installed by {@link #install}) with the arguments HOST PORT USER PASSWORD
   * DATABASE READ_PORT, in UTC so that dates print the same on every machine.
   */
  public static Result run(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
    command.addAll(List.of(args));
    return run(command, 60);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = NodeScript.class.getResourceAsStream("/node/" + name)) {
      return Objects.requireNonNull(in, "resource node/" + name).readAllBytes();
    }
  }

  private static boolean runs(String... command) {
    try {
      return run(List.of(command), 30).exitCode() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static Result run(List<String> command, int timeoutSeconds) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
    if (!Files.isDirectory(DIR)) {
      pb.directory(null);
    }
    Map<String, String> env = pb.environment();
    env.put("TZ", "UTC");
    env.put("NO_COLOR", "1");
    // Output to a file, not a pipe: reading a pipe would block past the timeout.
    Path log = Files.createTempFile("distdb-node-script-", ".log");
    try {
      Process p = pb.redirectOutput(log.toFile()).start();
      boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (!finished) {
        throw new AssertionError(
            command + " did not finish within " + timeoutSeconds + " s:\n" + output);
      }
      return new Result(output, p.exitValue());
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
