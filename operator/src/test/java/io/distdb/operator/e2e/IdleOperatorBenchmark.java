package io.distdb.operator.e2e;

import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.naming.ResourceNames;
import io.distdb.operator.reconciler.FakeNodes;
import io.distdb.operator.reconciler.MockCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's cost when idle: the shaded operator jar runs as its own process (as in its image)
 * against the mock API server with {@value #DATABASES} databases of 2 slaves, every pod Ready and
 * answered by a canned {@code /status} on its own loopback IP (port 8080), health checks at the
 * default 5 s. After the databases are Ready and a settling minute, it samples the process's CPU
 * time over {@value #SAMPLE_SECONDS} s and its heap ({@code jcmd GC.heap_info} before and after a
 * {@code GC.run}). Not a test: {@code bench/run-operator-e2e.sh idle} runs it.
 */
class IdleOperatorBenchmark {

  private static final int DATABASES = 10;
  private static final int SAMPLE_SECONDS = 60;
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  @TempDir Path tmp;

  @Test
  void tenIdleDatabases() throws Exception {
    Path jar = Path.of(System.getProperty("distdb.operator.jar", "target/distdb-operator.jar"));
    Process operator = null;
    try (MockCluster cluster = new MockCluster(MockCluster.OperatorOptions.defaults(), false);
        FakeNodes nodes = new FakeNodes(NodeEnvironment.DEFAULT_ADMIN_PORT)) {
      for (int d = 0; d < DATABASES; d++) {
        ResourceNames n = ResourceNames.of("db" + d, MockCluster.NAMESPACE);
        nodes.serve(ip(d, 0), masterStatus(n));
        nodes.serve(ip(d, 1), slaveStatus(n.slavePod(0)));
        nodes.serve(ip(d, 2), slaveStatus(n.slavePod(1)));
      }
      operator = startOperator(jar, cluster.url());
      for (int d = 0; d < DATABASES; d++) {
        cluster.create(MockCluster.database("db" + d, 2));
      }
      Awaitility.await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> playKubelet(cluster) == DATABASES);
      Thread.sleep(60_000); // settle: a benchmark's measured pause, not a wait for a condition
      long pid = operator.pid();
      long before = cpuTicks(pid);
      long t0 = System.nanoTime();
      Thread.sleep(SAMPLE_SECONDS * 1000L);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuTicks(pid) - before) / 100.0 / seconds * 100;
      long asFound = heapUsedKb(pid);
      jcmd(pid, "GC.run");
      long live = heapUsedKb(pid);
      long rss = rssKb(pid);
      String report =
          String.format(
              "| idle operator, %d databases × 3 nodes, 5 s health checks | CPU %.2f %% of one core"
                  + " over %d s | heap used %.1f MB as found, %.1f MB after a full GC | RSS %.0f"
                  + " MB |%n",
              DATABASES, cpu, SAMPLE_SECONDS, asFound / 1024.0, live / 1024.0, rss / 1024.0);
      System.out.print(report);
      Files.writeString(Path.of("target", "operator-idle-bench.md"), report);
    } finally {
      if (operator != null) {
        operator.destroy();
      }
    }
  }

  /** Creates master pods from the StatefulSets, marks every pod Ready; returns Ready databases. */
  private static int playKubelet(MockCluster cluster) {
    var client = cluster.client;
    for (StatefulSet sts :
        client.apps().statefulSets().inNamespace(MockCluster.NAMESPACE).list().getItems()) {
      String pod = sts.getMetadata().getName() + "-0";
      if (client.pods().inNamespace(MockCluster.NAMESPACE).withName(pod).get() == null) {
        var t = sts.getSpec().getTemplate();
        client
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName(pod)
                    .withNamespace(MockCluster.NAMESPACE)
                    .withLabels(t.getMetadata().getLabels())
                    .endMetadata()
                    .withSpec(t.getSpec())
                    .build())
            .create();
      }
    }
    for (Pod pod : client.pods().inNamespace(MockCluster.NAMESPACE).list().getItems()) {
      if (pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
        continue;
      }
      String name = pod.getMetadata().getName();
      int d = Integer.parseInt(name.substring(2, name.indexOf('-')));
      int j = name.contains("master") ? 0 : 1 + Integer.parseInt(name.substring(name.length() - 1));
      client
          .pods()
          .inNamespace(MockCluster.NAMESPACE)
          .withName(name)
          .editStatus(
              p -> {
                p.setStatus(
                    new PodStatusBuilder()
                        .withPhase("Running")
                        .withPodIP(ip(d, j))
                        .withConditions(
                            new PodConditionBuilder().withType("Ready").withStatus("True").build())
                        .build());
                return p;
              });
    }
    int ready = 0;
    for (int d = 0; d < DATABASES; d++) {
      DistributedDatabase db = cluster.get("db" + d);
      if ("True".equals(MockCluster.condition(db, "Ready").getStatus())) {
        ready++;
      }
    }
    return ready;
  }

  private static String ip(int database, int node) {
    return "127.0.1." + (100 + 3 * database + node);
  }

  private static String masterStatus(ResourceNames n) {
    return "{\"nodeId\":\""
        + n.masterPod()
        + "\",\"role\":\"master\",\"state\":\"ready\",\"epoch\":1,\"master\":{\"mode\":\"async\","
        + "\"slaves\":[{\"nodeId\":\""
        + n.slavePod(0)
        + "\",\"state\":\"streaming\"},{\"nodeId\":\""
        + n.slavePod(1)
        + "\",\"state\":\"streaming\"}]}}";
  }

  private static String slaveStatus(String pod) {
    return "{\"nodeId\":\""
        + pod
        + "\",\"role\":\"slave\",\"state\":\"ready\",\"slave\":{\"state\":\"streaming\","
        + "\"lagEntries\":0}}";
  }

  private Process startOperator(Path jar, String url) throws IOException {
    int healthPort;
    try (ServerSocket s = new ServerSocket(0)) {
      healthPort = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:MaxRAMPercentage=70",
            "-jar",
            jar.toString());
    pb.environment().put("KUBERNETES_MASTER", url);
    pb.environment().put("KUBERNETES_TRUST_CERTIFICATES", "true");
    pb.environment().put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    pb.environment().put("DISTDB_OPERATOR_SSA", "false");
    pb.environment().put("DISTDB_OPERATOR_WATCH_NAMESPACES", MockCluster.NAMESPACE);
    pb.environment().put("DISTDB_OPERATOR_HEALTH_PORT", Integer.toString(healthPort));
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("operator.log").toFile());
    return pb.start();
  }

  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static long heapUsedKb(long pid) throws Exception {
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("no heap figure from jcmd");
    }
    return Long.parseLong(m.group(1));
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
