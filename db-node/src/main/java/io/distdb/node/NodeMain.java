package io.distdb.node;

import io.distdb.node.config.NodeConfig;
import io.distdb.node.config.NodeOptions;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** Command-line entry point: parse options, start a {@link Node}, run until terminated. */
public final class NodeMain {

  private NodeMain() {}

  public static void main(String[] args) {
    NodeConfig config;
    try {
      NodeOptions options = NodeOptions.parse(args, System.getenv());
      if (options == null) {
        return;
      }
      config = options.toConfig();
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      System.err.println("db-node: " + e.getMessage());
      System.err.println("Run db-node --help for the options.");
      System.exit(2);
      return;
    }
    Node node;
    try {
      node = Node.start(config);
    } catch (Exception e) {
      System.err.println("db-node: cannot start: " + e.getMessage());
      org.slf4j.LoggerFactory.getLogger(NodeMain.class).atError().setCause(e).log("startup failed");
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
