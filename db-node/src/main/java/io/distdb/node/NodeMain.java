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
    AutoCloseable node;
    try {
      node = Node.start(config);
    } catch (Exception e) {
      System.err.println("db-node: cannot start: " + e.getMessage());
      org.slf4j.LoggerFactory.getLogger(NodeMain.class).atError().setCause(e).log("startup failed");
      node = damagedOrExit(config, e);
    }
    runUntilTerminated(node);
  }

  /** A node with damaged data stays up to report it; any other start-up failure exits 1. */
  private static AutoCloseable damagedOrExit(NodeConfig config, Exception failure) {
    String damage = DamagedData.explain(failure);
    if (damage != null) {
      try {
        return DamagedNode.serve(config, damage);
      } catch (Exception | Error e) {
        System.err.println("db-node: cannot report the damage: " + e.getMessage());
      }
    }
    System.exit(1);
    return null;
  }

  private static void runUntilTerminated(AutoCloseable node) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    System.err.println("db-node: close failed: " + e.getMessage());
                  }
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
