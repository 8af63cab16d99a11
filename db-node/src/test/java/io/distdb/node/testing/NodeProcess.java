package io.distdb.node.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A db-node in its own OS process, started from the shaded jar, so tests can {@code kill -9} it.
 * Its output goes to a file next to its data directory.
 */
public final class NodeProcess implements AutoCloseable {

  private final Path dataDir;
  private final List<String> extraArgs;
  private final int pgPort;
  private final int adminPort;
  private final int replicationPort;
  private Process process;
  private String heap = "512m";
  private String umask;

  public NodeProcess(Path dataDir, String... extraArgs) {
    this.dataDir = dataDir;
    this.extraArgs = List.of(extraArgs);
    this.pgPort = FreePorts.next();
    this.adminPort = FreePorts.next();
    this.replicationPort = FreePorts.next();
  }

  /**
   * A master in {@code dir} with replication on ({@link Cluster#SECRET}) and {@code extra} args.
   */
  public static NodeProcess master(Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--node-id", "master", "--replication-secret", Cluster.SECRET));
    args.addAll(List.of(extra));
    return new NodeProcess(dir, args.toArray(String[]::new));
  }

  /** A slave named {@code name} in {@code dir} that follows {@code master}. */
  public static NodeProcess slave(Path dir, String name, NodeProcess master) {
    return new NodeProcess(
        dir,
        "--node-id",
        name,
        "--role",
        "slave",
        "--master",
        "127.0.0.1:" + master.replicationPort(),
        "--replication-secret",
        Cluster.SECRET);
  }

  /** The JVM's -Xmx, e.g. {@code 256m} so memory limits are real. */
  public NodeProcess heap(String xmx) {
    this.heap = xmx;
    return this;
  }

  /** Starts the node under this umask (e.g. {@code 000}), through {@code sh}. */
  public NodeProcess umask(String mask) {
    this.umask = mask;
    return this;
  }

  public static Path jar() {
    String jar = System.getProperty("distdb.node.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "system property distdb.node.jar must name the built"
              + " db-node jar (run through Maven's integration-test phase); got "
              + jar);
    }
    return Path.of(jar);
  }

  public List<String> command() {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-jar",
                jar().toString(),
                "--data-dir",
                dataDir.toString(),
                "--bind",
                "127.0.0.1",
                "--pg-port",
                String.valueOf(pgPort),
                "--admin-port",
                String.valueOf(adminPort),
                "--replication-port",
                String.valueOf(replicationPort),
                "--user",
                InProcessNode.USER,
                "--password",
                InProcessNode.PASSWORD));
    if (!extraArgs.contains("--min-free-bytes")) {
      cmd.addAll(List.of("--min-free-bytes", "0"));
    }
    cmd.addAll(extraArgs);
    return cmd;
  }

  /** Starts the process and waits until {@code /readyz} answers 200. */
  public NodeProcess start() throws Exception {
    return startUntil200("/readyz");
  }

  /**
   * Starts the process and waits only until {@code /healthz} answers 200: for a node that is alive
   * but not ready (its data is damaged).
   */
  public NodeProcess startLive() throws Exception {
    return startUntil200("/healthz");
  }

  private NodeProcess startUntil200(String probe) throws Exception {
    Path out = dataDir.resolveSibling(dataDir.getFileName() + ".out");
    List<String> command = command();
    if (umask != null) {
      List<String> wrapped =
          new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
      wrapped.addAll(command);
      command = wrapped;
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "node exited with " + process.exitValue() + ": " + Files.readString(out));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + probe))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "no 200 from " + probe + " within 60 s: " + Files.readString(out));
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public int pgPort() {
    return pgPort;
  }

  public int adminPort() {
    return adminPort;
  }

  public int replicationPort() {
    return replicationPort;
  }

  public AdminClient admin() {
    return new AdminClient(adminPort);
  }

  public String output() throws IOException {
    return Files.readString(dataDir.resolveSibling(dataDir.getFileName() + ".out"));
  }

  /** Runs the node command to completion (for start-up refusal tests). */
  public static Result runToExit(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] bytes;
    try (InputStream in = p.getInputStream()) {
      bytes = in.readAllBytes();
    }
    p.waitFor(60, TimeUnit.SECONDS);
    return new Result(p.exitValue(), new String(bytes));
  }

  /** How a node process ended. */
  public record Result(int exitCode, String output) {}

  /** SIGTERM, and the exit code once the process ended. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
