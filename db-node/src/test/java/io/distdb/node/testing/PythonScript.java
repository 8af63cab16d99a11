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
 * Runs a Python script from the test resources ({@code python/NAME}) with Debian's interpreter, for
 * the client libraries Debian packages (psycopg2, SQLAlchemy, Django), so a test can compare what
 * the script printed against PostgreSQL 15 and against distdb.
 */
public final class PythonScript {

  /** What the script printed (stdout and stderr interleaved) and its exit code. */
  public record Result(String output, int exitCode) {}

  /** Debian's interpreter, which sees Debian's python3-* packages (a pyenv python3 does not). */
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  private PythonScript() {}

  /** Skips the calling test, naming the Debian package, where {@code module} cannot be imported. */
  public static void assumeModule(String module, String debianPackage) throws Exception {
    assumeTrue(
        run(List.of(PYTHON, "-c", "import " + module)).exitCode() == 0,
        "python3 with " + module + " is not installed (Debian package " + debianPackage + ")");
  }

  /** Copies resource {@code python/<name>} into {@code dir} and runs it with {@code args}. */
  public static Result run(Path dir, String name, String... args) throws Exception {
    Path script = dir.resolve(name);
    try (InputStream in = PythonScript.class.getResourceAsStream("/python/" + name)) {
      Files.write(script, Objects.requireNonNull(in, name).readAllBytes());
    }
    List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** What the script printed against each server. */
  public record Outputs(Result postgres, Result distdb) {}

  /**
   * Runs script {@code name} against a fresh PostgreSQL 15 and a fresh distdb node, each time with
   * the arguments HOST PORT USER PASSWORD DATABASE.
   */
  public static Outputs runOnBoth(Path dir, String name) throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        io.distdb.node.Node node = InProcessNode.start(dir.resolve("data"))) {
      Result postgres =
          run(dir, name, "127.0.0.1", String.valueOf(pg.port()), "postgres", "", "postgres");
      Result distdb =
          run(
              dir,
              name,
              "127.0.0.1",
              String.valueOf(node.pgPort()),
              InProcessNode.USER,
              InProcessNode.PASSWORD,
              "distdb");
      return new Outputs(postgres, distdb);
    }
  }

  /**
   * The script's output without the lines of the steps named in {@code knownDifferences} (lines
   * starting with the step name and a space), for comparing outputs that differ there for a reason
   * the test states.
   */
  public static List<String> linesExcept(String output, java.util.Set<String> knownDifferences) {
    List<String> kept = new ArrayList<>();
    for (String line : output.split("\n", -1)) {
      int space = line.indexOf(' ');
      String step = space < 0 ? line : line.substring(0, space);
      boolean known = false;
      for (String name : knownDifferences) {
        known |= line.startsWith(name + " ") || step.equals(name);
      }
      if (!known) {
        kept.add(line);
      }
    }
    return kept;
  }

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish within 120 s:\n" + output);
    }
    return new Result(output, p.exitValue());
  }
}
