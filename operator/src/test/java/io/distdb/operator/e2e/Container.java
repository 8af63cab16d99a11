package io.distdb.operator.e2e;

import io.distdb.adminapi.NodeEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of a pod's db-node container: a real {@code java -jar db-node.jar} process with the pod's
 * resolved environment, bound to the pod's loopback IP. The kubelet starts a new one after each
 * exit; {@link #kill9} is what a crash (or the OOM killer) does to it.
 */
final class Container {

  private final Process process;
  private final long startedAt = System.nanoTime();

  private Container(Process process) {
    this.process = process;
  }

  /**
   * Starts db-node from {@code jar} with {@code env} (already resolved) listening on {@code ip},
   * its data in {@code dataDir}, output appended to {@code log}.
   */
  static Container start(Path jar, Map<String, String> env, String ip, Path dataDir, Path log)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx192m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            jar.toString());
    pb.environment().putAll(env);
    pb.environment().put(NodeEnvironment.BIND, ip);
    pb.environment().put(NodeEnvironment.DATA_DIR, dataDir.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new Container(pb.start());
  }

  boolean alive() {
    return process.isAlive();
  }

  /** How long this run has been up. */
  long uptimeMillis() {
    return (System.nanoTime() - startedAt) / 1_000_000;
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL, as a crash, the OOM killer or a lost machine would; waits until it is gone. */
  void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
