package io.distdb.operator;

import io.distdb.adminapi.NodeAdminClient;
import io.distdb.adminapi.NodeEnvironment;
import io.distdb.operator.health.HealthMonitor;
import io.distdb.operator.reconciler.DistributedDatabaseReconciler;
import io.distdb.operator.spec.SpecValidator;
import io.distdb.operator.status.EventRecorder;
import io.distdb.operator.status.StatusWriter;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring only: reads {@link OperatorConfig}, builds the object graph, starts it. */
public final class OperatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  /** Threads that poll nodes' /status; each call has its own timeout. */
  private static final int POLL_THREADS = 4;

  private OperatorMain() {}

  public static void main(String[] args) throws IOException {
    OperatorConfig config = OperatorConfig.from(System.getenv());
    ProbeServer probes = new ProbeServer(config.healthPort());
    KubernetesClient client = new KubernetesClientBuilder().build();
    Clock clock = Clock.systemUTC();
    DistributedDatabaseReconciler[] reconciler = new DistributedDatabaseReconciler[1];
    HealthMonitor health =
        new HealthMonitor(
            NodeAdminClient.create(Duration.ofSeconds(2)),
            Executors.newSingleThreadScheduledExecutor(daemon("health-scheduler")),
            Executors.newFixedThreadPool(POLL_THREADS, daemon("health-poll")),
            key -> reconciler[0].onHealthChange(key));
    reconciler[0] =
        new DistributedDatabaseReconciler(
            client,
            new SpecValidator(config.dbNodeImage()),
            new StatusWriter(client, clock),
            new EventRecorder(client, clock),
            health,
            NodeEnvironment.DEFAULT_ADMIN_PORT);
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withUseSSAToPatchPrimaryResource(config.serverSideApply())
                  .withSSABasedCreateUpdateMatchForDependentResources(config.serverSideApply());
              if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        OperatorConfig.LEASE_NAME, config.operatorNamespace()));
              }
            });
    operator.register(
        reconciler[0],
        c -> {
          if (config.watchNamespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(config.watchNamespaces());
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.stop();
                  health.close();
                  probes.close();
                },
                "shutdown"));
    operator.start();
    probes.markReady();
    LOG.info(
        "distdb operator started: namespaces {}, leader election {}, default image {}, probes on"
            + " :{}",
        config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
        config.leaderElection(),
        config.dbNodeImage(),
        probes.port());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
