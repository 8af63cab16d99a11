package io.distdb.packaging.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The optional Prometheus Operator objects. */
class ChartMonitoringTest {

  @Test
  void noMonitorsUnlessAskedFor() {
    Manifests m = Chart.defaults().render();

    assertThat(m.ofKind("PodMonitor")).isEmpty();
    assertThat(m.ofKind("ServiceMonitor")).isEmpty();
  }

  @Test
  void podMonitorScrapesTheAdminPortOfDatabasePodsInTheWatchedNamespaces() {
    JsonNode monitor =
        Chart.defaults()
            .set("monitoring.podMonitor.enabled", true)
            .set("monitoring.podMonitor.labels.release", "prom")
            .set("monitoring.bearerTokenSecret.name", "shop-admin-token")
            .list("watchNamespaces", "shop")
            .render()
            .one("PodMonitor", "distdb-databases");

    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prom");
    assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText())
        .isEqualTo("database");
    assertThat(monitor.at("/spec/namespaceSelector/matchNames").toString()).isEqualTo("[\"shop\"]");
    JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
    assertThat(endpoint.path("port").asText()).isEqualTo("admin");
    assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    assertThat(endpoint.at("/authorization/credentials/name").asText())
        .isEqualTo("shop-admin-token");
  }

  @Test
  void serviceMonitorWatchesEveryNamespaceByDefault() {
    JsonNode monitor =
        Chart.defaults()
            .set("monitoring.serviceMonitor.enabled", true)
            .render()
            .one("ServiceMonitor", "distdb-databases");

    assertThat(monitor.at("/spec/namespaceSelector/any").asBoolean()).isTrue();
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("admin");
    assertThat(monitor.at("/spec/endpoints/0").has("authorization")).isFalse();
  }
}
