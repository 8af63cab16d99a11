package io.distdb.node.testing;

import static org.awaitility.Awaitility.await;

import io.distdb.node.Node;
import io.distdb.node.storage.DatabaseChecksum;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A master and slaves in the test JVM on loopback. Each slave can reach the master through its own
 * {@link TcpProxy}, so tests can cut, blackhole or delay one slave's link.
 */
public final class Cluster implements AutoCloseable {

  public static final String SECRET = "test-replication-secret-0123";

  private final Path dir;
  private final String[] masterArgs;
  private Node master;
  private final List<Node> slaves = new ArrayList<>();
  private final List<TcpProxy> proxies = new ArrayList<>();
  private final List<String[]> slaveArgs = new ArrayList<>();

  private Cluster(Path dir, String[] masterArgs) {
    this.dir = dir;
    this.masterArgs = masterArgs;
  }

  /** Starts a master with {@code masterArgs} and {@code slaves} slaves behind proxies. */
  public static Cluster start(Path dir, int slaves, String... masterArgs) throws Exception {
    Cluster c = new Cluster(dir, masterArgs);
    try {
      c.master = c.startMaster();
      for (int i = 0; i < slaves; i++) {
        c.addSlave();
      }
      return c;
    } catch (Exception e) {
      c.close();
      throw e;
    }
  }

  private Node startMaster() throws Exception {
    String[] args =
        concat(
            new String[] {
              "--node-id", "master", "--replication-port", "0", "--replication-secret", SECRET
            },
            masterArgs);
    return InProcessNode.start(dir.resolve("master"), args);
  }

  /** Adds a slave (behind a new proxy) and returns its index. */
  public int addSlave(String... extraArgs) throws Exception {
    int i = slaves.size();
    TcpProxy proxy = TcpProxy.start(master.replicationPort());
    proxies.add(proxy);
    String[] args =
        concat(
            new String[] {
              "--node-id",
              "slave-" + i,
              "--role",
              "slave",
              "--master",
              "127.0.0.1:" + proxy.port(),
              "--replication-secret",
              SECRET
            },
            extraArgs);
    slaveArgs.add(args);
    slaves.add(InProcessNode.start(dir.resolve("slave-" + i), args));
    return i;
  }

  public Node master() {
    return master;
  }

  public Node slave(int i) {
    return slaves.get(i);
  }

  /** The master, then every slave. */
  public List<Node> nodes() {
    List<Node> all = new java.util.ArrayList<>(List.of(master));
    all.addAll(slaves);
    return all;
  }

  public List<Node> slaves() {
    return List.copyOf(slaves);
  }

  public TcpProxy proxy(int i) {
    return proxies.get(i);
  }

  /** Stops a slave (cleanly, in process) and starts it again on the same data. */
  public void restartSlave(int i) throws Exception {
    slaves.get(i).close();
    slaves.set(i, InProcessNode.start(dir.resolve("slave-" + i), slaveArgs.get(i)));
  }

  public void stopSlave(int i) {
    slaves.get(i).close();
  }

  public void startSlave(int i) throws Exception {
    slaves.set(i, InProcessNode.start(dir.resolve("slave-" + i), slaveArgs.get(i)));
  }

  /**
   * Waits until every slave has applied all the master has, then returns the master's checksums.
   */
  public Map<String, DatabaseChecksum.Result> awaitConverged(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              long last = master.status().lastLsn();
              return slaves.stream()
                  .allMatch(
                      s -> s.status().appliedLsn() >= last && s.status().durableLsn() >= last);
            });
    return master.checksums();
  }

  @Override
  public void close() {
    slaves.forEach(Node::close);
    if (master != null) {
      master.close();
    }
    proxies.forEach(TcpProxy::close);
  }

  static String[] concat(String[] a, String[] b) {
    return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
  }
}
