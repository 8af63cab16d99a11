package io.distdb.node.testing;

import io.distdb.node.Node;
import io.distdb.node.config.NodeConfig;
import io.distdb.node.config.NodeOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Starts a {@link Node} inside the test JVM on loopback with free ports. */
public final class InProcessNode {

  public static final String USER = "distdb";
  public static final String PASSWORD = "s3cret-pw";

  private InProcessNode() {}

  public static Node start(Path dataDir, String... extraArgs) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data-dir",
                dataDir.toString(),
                "--bind",
                "127.0.0.1",
                "--pg-port",
                "0",
                "--admin-port",
                "0",
                "--user",
                USER,
                "--password",
                PASSWORD,
                "--min-free-bytes",
                "0"));
    args.addAll(List.of(extraArgs));
    NodeConfig config = NodeOptions.parse(args.toArray(String[]::new), Map.of()).toConfig();
    return Node.start(config);
  }

  public static String url(Node node, String database) {
    return url(node.pgPort(), database);
  }

  public static String url(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public static Connection connect(Node node, String database) throws SQLException {
    return connect(node.pgPort(), database);
  }

  public static Connection connect(int port, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    p.setProperty("connectTimeout", "10");
    p.setProperty("socketTimeout", "60");
    return DriverManager.getConnection(url(port, database), p);
  }
}
